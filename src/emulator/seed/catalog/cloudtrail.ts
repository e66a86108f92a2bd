// CloudTrail and AWS Config: the account's audit trail and its configuration recorder.
import { insightNotEnabledMessage } from '@/domain/insights';
import { trailArn } from '@/emulator/state';
import { ACCOUNT_ID, CONFIG_RULES, HOME_REGION, regionalIds, TRAIL_NAMES } from '../resources';
import { defineService, err, fixed, notAuthorized, param, throttled } from './define';
import type { Builder } from './types';

const TRAILS = Object.values(TRAIL_NAMES);
const anyTrailArn = (name: string) =>
  trailArn(name === TRAIL_NAMES.legacy ? 'us-west-2' : HOME_REGION, ACCOUNT_ID, name);
const trailName: Builder = (c) => ({ requestParameters: { trailName: c.rng.pick(TRAILS) } });
const trailByArn: Builder = (c) => ({ requestParameters: { name: anyTrailArn(c.rng.pick(TRAILS)) } });
const trailDenied = err('AccessDeniedException', 1, notAuthorized);
const trailNotFound = err(
  'TrailNotFoundException',
  1,
  (c) =>
    `Unknown trail: ${param(c.params, 'name', param(c.params, 'trailName'))} for the user: ${ACCOUNT_ID}`,
);

/** Emulator-facing payload of StopLogging/StartLogging (stories.ts). */
export const loggingPayload = (name: string) => ({ requestParameters: { name: anyTrailArn(name) } });

export const cloudtrail = defineService(
  {
    key: 'cloudtrail',
    source: 'cloudtrail.amazonaws.com',
    eventVersion: '1.09',
    denied: trailDenied,
    errors: [trailDenied, throttled()],
    errorRate: 0.01,
    build: trailByArn,
  },
  [
    ['LookupEvents', 10, { build: fixed({ maxResults: 50 }), errors: [throttled()], errorRate: 0.03 }],
    ['DescribeTrails', 8, fixed({ trailNameList: [], includeShadowTrails: true })],
    ['GetTrailStatus', 8],
    ['GetEventSelectors', 5, trailName],
    [
      'GetInsightSelectors',
      3,
      {
        build: trailName,
        // docs/cloudtrail-facts.md#trails: trails without Insights answer InsightNotEnabledException.
        errors: [
          err('InsightNotEnabledException', 1, (c) => insightNotEnabledMessage(param(c.params, 'trailName'))),
        ],
        errorRate: 0.5,
      },
    ],
    ['ListTrails', 4, fixed({})],
    ['GetTrail', 4, { build: trailByArn, errors: [trailNotFound], errorRate: 0.01 }],
    ['ListTags', 2, (c) => ({ requestParameters: { resourceIdList: [anyTrailArn(c.rng.pick(TRAILS))] } })],
    ['ListEventDataStores', 1, fixed({})],
    ['ListChannels', 0.5, fixed({})],
    ['StartLogging', 0],
    ['StopLogging', 0],
    [
      'UpdateTrail',
      0.005,
      (c) => ({
        requestParameters: {
          name: TRAIL_NAMES.security,
          isMultiRegionTrail: true,
          enableLogFileValidation: c.rng.chance(0.9),
        },
      }),
    ],
    ['PutEventSelectors', 0.004, trailName],
    [
      'AddTags',
      0.004,
      (c) => ({
        requestParameters: {
          resourceId: anyTrailArn(c.rng.pick(TRAILS)),
          tagsList: [{ key: 'owner', value: 'security' }],
        },
      }),
    ],
  ],
);

const rule: Builder = (c) => ({ requestParameters: { configRuleNames: [c.rng.pick(CONFIG_RULES)] } });
const configDenied = err('AccessDeniedException', 1, notAuthorized);
const noRule = err(
  'NoSuchConfigRuleException',
  1,
  () => 'The ConfigRule provided in the request is invalid. Please check the configRule name.',
);

export const config = defineService(
  {
    key: 'config',
    source: 'config.amazonaws.com',
    denied: configDenied,
    errors: [configDenied],
    errorRate: 0.01,
    build: fixed({}),
    machineOnly: ['PutEvaluations'],
  },
  [
    ['DescribeConfigRules', 5, { build: rule, errors: [noRule], errorRate: 0.01 }],
    ['DescribeConfigurationRecorders', 3],
    ['DescribeConfigurationRecorderStatus', 3],
    ['DescribeDeliveryChannels', 2],
    ['DescribeDeliveryChannelStatus', 1],
    ['DescribeComplianceByConfigRule', 4, rule],
    [
      'GetComplianceDetailsByConfigRule',
      3,
      (c) => ({
        requestParameters: {
          configRuleName: c.rng.pick(CONFIG_RULES),
          complianceTypes: ['NON_COMPLIANT'],
          limit: 100,
        },
      }),
    ],
    ['DescribeConfigRuleEvaluationStatus', 3, rule],
    [
      'GetResourceConfigHistory',
      3,
      (c) => ({
        requestParameters: {
          resourceType: 'AWS::EC2::Instance',
          resourceId: c.rng.pick(regionalIds(c.region).instances),
          limit: 10,
        },
      }),
    ],
    [
      'SelectResourceConfig',
      1,
      fixed({ expression: "SELECT resourceId, resourceType WHERE resourceType = 'AWS::S3::Bucket'" }),
    ],
    ['ListDiscoveredResources', 2, fixed({ resourceType: 'AWS::EC2::SecurityGroup' })],
    ['DescribeConformancePacks', 1],
    ['DescribeRemediationConfigurations', 1, rule],
    ['GetDiscoveredResourceCounts', 1],
    [
      'BatchGetResourceConfig',
      1,
      (c) => ({
        requestParameters: {
          resourceKeys: [
            { resourceType: 'AWS::EC2::Instance', resourceId: c.rng.pick(regionalIds(c.region).instances) },
          ],
        },
      }),
    ],
    [
      'PutEvaluations',
      12,
      (c) => ({
        requestParameters: {
          evaluations: [
            {
              complianceResourceType: 'AWS::S3::Bucket',
              complianceResourceId: 'shopfront-finance-reports',
              complianceType: c.rng.chance(0.9) ? 'COMPLIANT' : 'NON_COMPLIANT',
              orderingTimestamp: c.timeMs,
            },
          ],
          resultToken: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          testMode: false,
        },
      }),
    ],
    ['StartConfigRulesEvaluation', 0.2, rule],
    [
      'PutConfigRule',
      0.02,
      (c) => ({
        requestParameters: {
          configRule: {
            configRuleName: c.rng.pick(CONFIG_RULES),
            source: { owner: 'AWS', sourceIdentifier: 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED' },
          },
        },
      }),
    ],
  ],
);
