// EC2 request and response shapes and the "Client." errors EC2 really returns (real records,
// docs/cloudtrail-facts.md#records).
import type { JsonObject } from '@/domain/record';
import { ACCOUNT_ID, INSTANCE_TYPES, regionalIds } from '../resources';
import { isoSeconds } from '@/domain/iso-time';
import { err, fixed, shared } from './define';
import type { Builder, CallContext, ErrorContext } from './types';

export const unauthorized = err(
  'Client.UnauthorizedOperation',
  1,
  (c) =>
    `You are not authorized to perform this operation. Encoded authorization failure message: ${c.rng.alnum(72)}`,
);
export const limitExceeded = err('Client.RequestLimitExceeded', 1, () => 'Request limit exceeded.');
export const dryRun = err(
  'Client.DryRunOperation',
  1,
  () => 'Request would have succeeded, but DryRun flag is set.',
);

function firstItem(c: ErrorContext, key: string, prefix: string): string {
  const set = c.params?.instancesSet;
  if (set && typeof set === 'object' && !Array.isArray(set) && Array.isArray(set.items)) {
    const first = set.items[0];
    if (first && typeof first === 'object' && !Array.isArray(first) && typeof first[key] === 'string')
      return first[key];
  }
  const direct = c.params?.[key];
  return typeof direct === 'string' ? direct : `${prefix}-0${c.rng.hex(16)}`;
}

export const instanceNotFound = err(
  'Client.InvalidInstanceID.NotFound',
  1,
  (c) => `The instance ID '${firstItem(c, 'instanceId', 'i')}' does not exist`,
);
export const snapshotNotFound = err(
  'Client.InvalidSnapshot.NotFound',
  1,
  (c) => `The snapshot '${firstItem(c, 'snapshotId', 'snap')}' does not exist.`,
);
export const groupNotFound = err(
  'Client.InvalidGroup.NotFound',
  1,
  (c) => `The security group '${firstItem(c, 'groupId', 'sg')}' does not exist`,
);
export const duplicateRule = err(
  'Client.InvalidPermission.Duplicate',
  1,
  () => 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 443, to port: 443, ALLOW" already exists',
);
export const noCapacity = err(
  'Server.InsufficientInstanceCapacity',
  1,
  (c) =>
    `We currently do not have sufficient m6i.xlarge capacity in the Availability Zone you requested (${c.region}e). Our system will be working on provisioning additional capacity. You can currently get m6i.xlarge capacity by not specifying an Availability Zone in your request or choosing ${c.region}a, ${c.region}b, ${c.region}c, ${c.region}d, ${c.region}f.`,
);

export const ids = (c: CallContext) => regionalIds(c.region);
const items = (key: string, values: string[]): JsonObject => ({
  items: values.map((value) => ({ [key]: value })),
});
const done = (c: CallContext, extra: JsonObject = {}): JsonObject => ({
  requestId: c.requestId,
  _return: true,
  ...extra,
});

const ALL_INSTANCES: Builder = fixed({ instancesSet: {}, filterSet: {} });
const oneInstance = shared(
  (c) => c.rng.pick(ids(c).instances),
  (instanceId) => ({ requestParameters: { instancesSet: items('instanceId', [instanceId]), filterSet: {} } }),
);
export const describeInstances: Builder = (c) => (c.rng.chance(0.5) ? ALL_INSTANCES(c) : oneInstance(c));
export const instanceAction =
  (current: [number, string], previous: [number, string]): Builder =>
  (c) => {
    const instanceId = c.rng.pick(ids(c).instances);
    return {
      requestParameters: { instancesSet: items('instanceId', [instanceId]) },
      responseElements: {
        requestId: c.requestId,
        instancesSet: {
          items: [
            {
              instanceId,
              currentState: { code: current[0], name: current[1] },
              previousState: { code: previous[0], name: previous[1] },
            },
          ],
        },
      },
    };
  };

export function runInstancesPayload(c: CallContext, instanceType: string, count: number, imageId?: string) {
  const region = ids(c);
  const image = imageId ?? c.rng.pick(region.images);
  const subnetId = c.rng.pick(region.subnets);
  const launched = Array.from({ length: count }, () => ({
    instanceId: `i-0${c.rng.hex(16)}`,
    imageId: image,
    instanceState: { code: 0, name: 'pending' },
    instanceType,
    launchTime: c.timeMs,
    subnetId,
    vpcId: region.vpc,
  }));
  return {
    requestParameters: {
      instancesSet: { items: [{ imageId: image, minCount: count, maxCount: count }] },
      instanceType,
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: c.rng.uuid(),
      subnetId,
    },
    responseElements: {
      requestId: c.requestId,
      reservationId: `r-0${c.rng.hex(16)}`,
      ownerId: ACCOUNT_ID,
      groupSet: {},
      instancesSet: { items: launched },
    },
  };
}

export const runInstances: Builder = (c) =>
  runInstancesPayload(c, c.rng.pick(INSTANCE_TYPES), c.rng.between(1, 2));

export const createTags: Builder = (c) => ({
  requestParameters: {
    resourcesSet: items('resourceId', [c.rng.pick(ids(c).instances)]),
    tagSet: {
      items: [
        {
          key: c.rng.pick(['Name', 'team', 'env', 'cost-center']),
          value: c.rng.pick(['shop', 'prod', 'platform']),
        },
      ],
    },
  },
  responseElements: done(c),
});

export function createSnapshotPayload(
  c: CallContext,
  volumeId: string,
): { requestParameters: JsonObject; responseElements: JsonObject } {
  return {
    requestParameters: { volumeId, description: `backup-agent nightly ${isoSeconds(c.timeMs).slice(0, 10)}` },
    responseElements: {
      requestId: c.requestId,
      snapshotId: `snap-0${c.rng.hex(16)}`,
      volumeId,
      status: 'pending',
      startTime: c.timeMs,
      progress: '',
      ownerId: ACCOUNT_ID,
      volumeSize: c.rng.pick([8, 20, 50, 100]),
      encrypted: true,
    },
  };
}

export const volume =
  (key: string): Builder =>
  (c) => ({ requestParameters: { [key]: c.rng.pick(ids(c).volumes) } });
export const snapshot: Builder = (c) => ({
  requestParameters: { snapshotId: c.rng.pick(ids(c).snapshots) },
  responseElements: done(c),
});
export const eni: Builder = (c) => ({
  requestParameters: { networkInterfaceId: c.rng.pick(ids(c).networkInterfaces) },
  responseElements: done(c),
});
export const createEni: Builder = (c) => {
  const subnetId = c.rng.pick(ids(c).subnets);
  return {
    requestParameters: {
      subnetId,
      description: 'aws-K8S-i-0',
      groupSet: items('groupId', [c.rng.pick(ids(c).securityGroups)]),
    },
    responseElements: {
      requestId: c.requestId,
      networkInterface: {
        networkInterfaceId: `eni-0${c.rng.hex(16)}`,
        subnetId,
        vpcId: ids(c).vpc,
        ownerId: ACCOUNT_ID,
        status: 'pending',
      },
    },
  };
};
export const ingress: Builder = (c) => ({
  requestParameters: {
    groupId: c.rng.pick(ids(c).securityGroups),
    ipPermissions: {
      items: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipRanges: { items: [{ cidrIp: '10.20.0.0/16' }] } },
      ],
    },
  },
  responseElements: done(c),
});
export const group: Builder = (c) => ({
  requestParameters: { groupId: c.rng.pick(ids(c).securityGroups) },
  responseElements: done(c),
});
export const template: Builder = (c) => ({
  requestParameters: { launchTemplateId: c.rng.pick(ids(c).launchTemplates) },
});
export const instanceOnly: Builder = (c) => ({
  requestParameters: { instanceId: c.rng.pick(ids(c).instances) },
});
export const filters = fixed({ filterSet: {} });
