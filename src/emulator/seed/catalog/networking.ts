// Elastic Load Balancing and Route 53 (a global service, recorded in us-east-1).
import { ACCOUNT_ID, DOMAINS, HOSTED_ZONES, LOAD_BALANCERS, TARGET_GROUPS } from '../resources';
import { defineService, err, fixed, notAuthorized, param, throttled } from './define';
import type { Builder, CallContext } from './types';

const lbArn = (c: CallContext) =>
  `arn:aws:elasticloadbalancing:${c.region}:${ACCOUNT_ID}:loadbalancer/${c.rng.pick(LOAD_BALANCERS)}`;
const tgArn = (c: CallContext) =>
  `arn:aws:elasticloadbalancing:${c.region}:${ACCOUNT_ID}:targetgroup/${c.rng.pick(TARGET_GROUPS)}`;
const lb: Builder = (c) => ({ requestParameters: { loadBalancerArn: lbArn(c) } });
const tg: Builder = (c) => ({ requestParameters: { targetGroupArn: tgArn(c) } });
const targets: Builder = (c) => ({
  requestParameters: {
    targetGroupArn: tgArn(c),
    targets: [{ id: `10.20.${c.rng.between(1, 3)}.${c.rng.between(10, 250)}`, port: 8080 }],
  },
});
const elbDenied = err('AccessDenied', 1, notAuthorized);

export const elasticloadbalancing = defineService(
  {
    key: 'elasticloadbalancing',
    source: 'elasticloadbalancing.amazonaws.com',
    eventVersion: '1.10',
    denied: elbDenied,
    errors: [
      err('LoadBalancerNotFound', 1, () => 'One or more load balancers not found'),
      elbDenied,
      throttled('Throttling'),
    ],
    errorRate: 0.01,
    build: lb,
    machineOnly: ['RegisterTargets', 'DeregisterTargets'],
  },
  [
    ['DescribeLoadBalancers', 15, fixed({ pageSize: 400 })],
    ['DescribeTargetGroups', 10, lb],
    ['DescribeTargetHealth', 20, tg],
    ['DescribeListeners', 6],
    [
      'DescribeRules',
      4,
      (c) => ({
        requestParameters: {
          listenerArn: `${lbArn(c).replace(':loadbalancer/', ':listener/')}/${c.rng.hex(16)}`,
        },
      }),
    ],
    ['DescribeTags', 5, (c) => ({ requestParameters: { resourceArns: [lbArn(c)] } })],
    ['DescribeLoadBalancerAttributes', 4],
    ['DescribeTargetGroupAttributes', 4, tg],
    ['DescribeListenerCertificates', 1],
    ['DescribeSSLPolicies', 0.5, fixed({})],
    ['DescribeAccountLimits', 0.3, fixed({})],
    [
      'RegisterTargets',
      2,
      {
        build: targets,
        errors: [err('TargetGroupNotFound', 1, () => 'One or more target groups not found'), elbDenied],
      },
    ],
    [
      'DeregisterTargets',
      2,
      {
        build: targets,
        errors: [err('TargetGroupNotFound', 1, () => 'One or more target groups not found'), elbDenied],
      },
    ],
    ['ModifyTargetGroupAttributes', 0.05, tg],
    ['ModifyListener', 0.03],
    ['ModifyRule', 0.03],
    [
      'AddTags',
      0.05,
      (c) => ({ requestParameters: { resourceArns: [lbArn(c)], tags: [{ key: 'env', value: 'prod' }] } }),
    ],
  ],
);

const zone: Builder = (c) => ({ requestParameters: { id: c.rng.pick(HOSTED_ZONES) } });
const zoneId: Builder = (c) => ({ requestParameters: { hostedZoneId: c.rng.pick(HOSTED_ZONES) } });

export const route53 = defineService(
  {
    key: 'route53',
    source: 'route53.amazonaws.com',
    global: true,
    eventVersion: '1.08',
    apiVersion: '2013-04-01',
    denied: err('AccessDenied', 1, notAuthorized),
    errors: [
      err(
        'NoSuchHostedZone',
        1,
        (c) => `No hosted zone found with ID: ${param(c.params, 'hostedZoneId', 'Z08814213GYNJ3R9R4WC5')}`,
      ),
      throttled('Throttling'),
    ],
    errorRate: 0.01,
    build: zoneId,
  },
  [
    ['ListHostedZones', 6, fixed({})],
    ['GetHostedZone', 5, zone],
    ['ListResourceRecordSets', 10],
    ['GetChange', 3, (c) => ({ requestParameters: { id: `C${c.rng.upperAlnum(20)}` } })],
    ['ListHealthChecks', 2, fixed({})],
    ['GetHealthCheckStatus', 2, (c) => ({ requestParameters: { healthCheckId: c.rng.uuid() } })],
    [
      'ListTagsForResource',
      2,
      (c) => ({ requestParameters: { resourceType: 'hostedzone', resourceId: c.rng.pick(HOSTED_ZONES) } }),
    ],
    ['ListHostedZonesByName', 2, (c) => ({ requestParameters: { dNSName: c.rng.pick(DOMAINS) } })],
    ['GetHostedZoneCount', 0.5, fixed({})],
    ['GetDNSSEC', 0.5],
    [
      'ChangeResourceRecordSets',
      0.5,
      {
        build: (c) => ({
          requestParameters: {
            hostedZoneId: HOSTED_ZONES[0]!,
            changeBatch: {
              changes: [
                {
                  action: 'UPSERT',
                  resourceRecordSet: {
                    name: `${c.rng.pick(['api', 'www', 'shop', 'preview'])}.${DOMAINS[0]!}`,
                    type: 'CNAME',
                    tTL: 300,
                    resourceRecords: [{ value: 'shop-prod-alb-1234567890.us-east-1.elb.amazonaws.com' }],
                  },
                },
              ],
            },
          },
          responseElements: {
            changeInfo: {
              id: `/change/C${c.rng.upperAlnum(20)}`,
              status: 'PENDING',
              submittedAt: new Date(c.timeMs).toISOString(),
            },
          },
        }),
        errors: [
          err(
            'InvalidChangeBatch',
            1,
            () =>
              "[Tried to create resource record set [name='preview.shopfront.example.com.', type='CNAME'] but it already exists]",
          ),
        ],
        errorRate: 0.05,
      },
    ],
    [
      'ChangeTagsForResource',
      0.05,
      (c) => ({
        requestParameters: {
          resourceType: 'hostedzone',
          resourceId: c.rng.pick(HOSTED_ZONES),
          addTags: [{ key: 'env', value: 'prod' }],
        },
      }),
    ],
  ],
);
