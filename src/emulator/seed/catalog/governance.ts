// GuardDuty and Organizations.
import { ACCOUNT_ID, ORGANIZATION_ID, regionalIds } from '../resources';
import { defineService, err, fixed, notAuthorized, throttled } from './define';
import type { Builder } from './types';

const detector: Builder = (c) => ({
  requestParameters: { detectorId: regionalIds(c.region).guardDutyDetector },
});
const gdDenied = err('AccessDeniedException', 1, notAuthorized);

export const guardduty = defineService(
  {
    key: 'guardduty',
    source: 'guardduty.amazonaws.com',
    eventVersion: '1.08',
    denied: gdDenied,
    errors: [
      err(
        'BadRequestException',
        1,
        () => 'The request is rejected because the input detectorId is not owned by the current account.',
      ),
      gdDenied,
    ],
    errorRate: 0.01,
    build: detector,
  },
  [
    ['ListDetectors', 5, fixed({})],
    ['GetDetector', 4],
    [
      'ListFindings',
      6,
      (c) => ({
        requestParameters: {
          detectorId: regionalIds(c.region).guardDutyDetector,
          findingCriteria: { criterion: { 'service.archived': { eq: ['false'] } } },
          maxResults: 50,
        },
      }),
    ],
    [
      'GetFindings',
      6,
      (c) => ({
        requestParameters: {
          detectorId: regionalIds(c.region).guardDutyDetector,
          findingIds: [c.rng.hex(32)],
        },
      }),
    ],
    ['GetFindingsStatistics', 4],
    ['ListFilters', 1],
    ['ListPublishingDestinations', 1],
    ['GetAdministratorAccount', 1],
    ['ListMembers', 1],
    ['ListIPSets', 0.5],
    ['ListThreatIntelSets', 0.5],
    ['GetMalwareScanSettings', 0.5],
    ['DescribeMalwareScans', 0.5],
    ['GetUsageStatistics', 0.3],
    ['GetRemainingFreeTrialDays', 0.2],
    [
      'ArchiveFindings',
      0.1,
      (c) => ({
        requestParameters: {
          detectorId: regionalIds(c.region).guardDutyDetector,
          findingIds: [c.rng.hex(32)],
        },
      }),
    ],
    [
      'UpdateFindingsFeedback',
      0.05,
      (c) => ({
        requestParameters: {
          detectorId: regionalIds(c.region).guardDutyDetector,
          findingIds: [c.rng.hex(32)],
          feedback: 'USEFUL',
        },
      }),
    ],
    ['UpdateDetector', 0.01],
  ],
);

const orgDenied = err(
  'AccessDeniedException',
  1,
  () => "You don't have permissions to access this resource.",
);

export const organizations = defineService(
  {
    key: 'organizations',
    source: 'organizations.amazonaws.com',
    global: true,
    eventVersion: '1.09',
    host: () => 'organizations.us-east-1.amazonaws.com',
    denied: orgDenied,
    errors: [orgDenied, throttled('TooManyRequestsException')],
    errorRate: 0.01,
  },
  [
    ['DescribeOrganization', 10],
    ['ListAccounts', 4],
    ['DescribeAccount', 3, fixed({ accountId: ACCOUNT_ID })],
    ['ListRoots', 3],
    ['ListPolicies', 2, fixed({ filter: 'SERVICE_CONTROL_POLICY' })],
    ['ListOrganizationalUnitsForParent', 2, fixed({ parentId: 'r-x7k2' })],
    ['ListAWSServiceAccessForOrganization', 2],
    ['ListDelegatedAdministrators', 2],
    ['ListTagsForResource', 1, fixed({ resourceId: ACCOUNT_ID })],
    ['DescribePolicy', 1, fixed({ policyId: 'p-FullAWSAccess' })],
    ['ListPoliciesForTarget', 1, fixed({ targetId: ACCOUNT_ID, filter: 'SERVICE_CONTROL_POLICY' })],
    ['ListParents', 1, fixed({ childId: ACCOUNT_ID })],
    ['ListChildren', 1, fixed({ parentId: 'r-x7k2', childType: 'ACCOUNT' })],
    ['ListHandshakesForAccount', 0.3],
    ['TagResource', 0.02, fixed({ resourceId: ACCOUNT_ID, tags: [{ key: 'env', value: 'prod' }] })],
    [
      'UpdatePolicy',
      0.01,
      fixed({ policyId: `p-${ORGANIZATION_ID.slice(2, 10)}`, description: 'Deny leaving the organization' }),
    ],
  ],
);
