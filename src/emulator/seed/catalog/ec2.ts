// EC2 management APIs. Writes answer with the request id and `_return: true`; errors use EC2's
// "Client." codes (real records, docs/cloudtrail-facts.md#records).
import { defineService, type ApiEntry } from './define';
import type { Builder } from './types';
import {
  createEni,
  createSnapshotPayload,
  createTags,
  describeInstances,
  dryRun,
  duplicateRule,
  eni,
  filters,
  group,
  groupNotFound,
  ids,
  ingress,
  instanceAction,
  instanceNotFound,
  instanceOnly,
  limitExceeded,
  noCapacity,
  runInstances,
  snapshot,
  snapshotNotFound,
  template,
  unauthorized,
  volume,
} from './ec2-payloads';

const ENI_WRITE_ERRORS = [unauthorized, limitExceeded];
const INSTANCE_ERRORS = [instanceNotFound, unauthorized, limitExceeded];

const DESCRIBES: ReadonlyArray<readonly [string, number]> = [
  ['DescribeInstanceStatus', 15],
  ['DescribeTags', 15],
  ['DescribeVolumes', 10],
  ['DescribeSnapshots', 6],
  ['DescribeImages', 8],
  ['DescribeSecurityGroups', 15],
  ['DescribeSecurityGroupRules', 3],
  ['DescribeSubnets', 12],
  ['DescribeVpcs', 12],
  ['DescribeNetworkInterfaces', 20],
  ['DescribeRouteTables', 5],
  ['DescribeInternetGateways', 3],
  ['DescribeNatGateways', 3],
  ['DescribeAddresses', 4],
  ['DescribeKeyPairs', 3],
  ['DescribeLaunchTemplates', 4],
  ['DescribeAvailabilityZones', 6],
  ['DescribeRegions', 5],
  ['DescribeAccountAttributes', 5],
  ['DescribeInstanceTypes', 4],
  ['DescribeVpcEndpoints', 3],
  ['DescribeNetworkAcls', 3],
  ['DescribePrefixLists', 1],
  ['DescribeVolumeStatus', 2],
  ['DescribeFlowLogs', 1],
  ['DescribeIamInstanceProfileAssociations', 1],
  ['DescribeInstanceCreditSpecifications', 1],
  ['DescribeSpotPriceHistory', 0.5],
  ['GetEbsEncryptionByDefault', 1],
];

const entries: ApiEntry[] = [
  ['DescribeInstances', 60, describeInstances],
  ...DESCRIBES.map(([name, weight]): ApiEntry => [name, weight, filters]),
  ['DescribeLaunchTemplateVersions', 4, template],
  ['DescribeInstanceAttribute', 2, req2('instanceId', 'attribute', 'userData')],
  [
    'DescribeVpcAttribute',
    2,
    (c) => ({ requestParameters: { vpcId: ids(c).vpc, attribute: 'enableDnsSupport' } }),
  ],
  ['GetConsoleOutput', 0.3, instanceOnly],
  ['GetLaunchTemplateData', 0.3, instanceOnly],
  ['RunInstances', 0.8, { build: runInstances, errors: [unauthorized, noCapacity, dryRun], errorRate: 0.08 }],
  [
    'TerminateInstances',
    0.6,
    { build: instanceAction([32, 'shutting-down'], [16, 'running']), errors: INSTANCE_ERRORS },
  ],
  [
    'StartInstances',
    0.3,
    { build: instanceAction([0, 'pending'], [80, 'stopped']), errors: INSTANCE_ERRORS },
  ],
  [
    'StopInstances',
    0.4,
    { build: instanceAction([64, 'stopping'], [16, 'running']), errors: INSTANCE_ERRORS },
  ],
  [
    'RebootInstances',
    0.1,
    { build: instanceAction([16, 'running'], [16, 'running']), errors: INSTANCE_ERRORS },
  ],
  ['CreateTags', 2, createTags],
  ['DeleteTags', 0.2, createTags],
  ['CreateSnapshot', 0.3, (c) => createSnapshotPayload(c, c.rng.pick(ids(c).volumes))],
  ['DeleteSnapshot', 0.3, { build: snapshot, errors: [snapshotNotFound, unauthorized] }],
  [
    'CreateVolume',
    0.1,
    (c) => ({ requestParameters: { size: 50, zone: `${c.region}a`, volumeType: 'gp3', encrypted: true } }),
  ],
  ['AttachVolume', 0.1, volume('volumeId')],
  ['DetachVolume', 0.05, volume('volumeId')],
  ['DeleteVolume', 0.05, volume('volumeId')],
  ['CreateNetworkInterface', 1, { build: createEni, errors: ENI_WRITE_ERRORS }],
  ['DeleteNetworkInterface', 1, { build: eni, errors: ENI_WRITE_ERRORS }],
  ['AttachNetworkInterface', 0.2, eni],
  ['ModifyNetworkInterfaceAttribute', 0.3, eni],
  ['AssignPrivateIpAddresses', 0.3, eni],
  ['UnassignPrivateIpAddresses', 0.2, eni],
  [
    'AuthorizeSecurityGroupIngress',
    0.2,
    { build: ingress, errors: [duplicateRule, unauthorized], errorRate: 0.2 },
  ],
  ['RevokeSecurityGroupIngress', 0.1, { build: ingress, errors: [groupNotFound, unauthorized] }],
  [
    'CreateSecurityGroup',
    0.05,
    (c) => ({
      requestParameters: {
        groupName: `shop-${c.rng.hex(4)}`,
        groupDescription: 'managed by terraform',
        vpcId: ids(c).vpc,
      },
    }),
  ],
  ['DeleteSecurityGroup', 0.02, { build: group, errors: [groupNotFound, unauthorized] }],
  ['ModifyInstanceAttribute', 0.05, instanceOnly],
  ['CreateLaunchTemplateVersion', 0.1, template],
  ['ModifyLaunchTemplate', 0.05, template],
  [
    'CreateImage',
    0.03,
    (c) => ({
      requestParameters: {
        instanceId: c.rng.pick(ids(c).instances),
        name: `shop-web-${c.rng.hex(6)}`,
        noReboot: true,
      },
    }),
  ],
];

function req2(key: string, key2: string, value2: string): Builder {
  return (c) => ({ requestParameters: { [key]: c.rng.pick(ids(c).instances), [key2]: value2 } });
}

export const ec2 = defineService(
  {
    key: 'ec2',
    source: 'ec2.amazonaws.com',
    denied: unauthorized,
    errors: [limitExceeded, unauthorized],
    errorRate: 0.015,
    machineOnly: [
      'CreateNetworkInterface',
      'DeleteNetworkInterface',
      'AttachNetworkInterface',
      'AssignPrivateIpAddresses',
      'UnassignPrivateIpAddresses',
      'ModifyNetworkInterfaceAttribute',
    ],
  },
  entries,
);
