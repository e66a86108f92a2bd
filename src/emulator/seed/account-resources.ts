// The resources behind the demo account's events and trails, as the emulator's account state holds them:
// buckets (the trail buckets with CloudTrail bucket policies), KMS keys and aliases, SNS topics, log groups
// and IAM roles. With them, editing a demo trail passes the same destination checks as on AWS.
import {
  cloudTrailAssumeRolePolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  cloudTrailLogsRolePolicy,
  cloudTrailTopicPolicy,
} from '@/domain/cloudtrail-policies';
import type { AccountResources, IamRoleState, TrailState } from '@/emulator/state';
import { GITHUB_OIDC_PROVIDER, ROLES, type Role } from './identities';
import {
  ACCOUNT_ID,
  BUCKETS,
  HOME_REGION,
  KMS_ALIASES,
  LOG_GROUPS,
  REGION_WEIGHTS,
  regionalIds,
  TOPICS,
  TRAIL_NAMES,
} from './resources';
import { DAY_MS } from './time';

const KEY_DESCRIPTIONS = [
  'Shop application data',
  'Aurora storage',
  'CloudTrail log files',
  'S3 default encryption',
];

function trust(principal: Record<string, string>, condition?: Record<string, unknown>): string {
  const statement = {
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(condition && { Condition: condition }),
  };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

const service = (name: string) => trust({ Service: name });
const account = trust({ AWS: `arn:aws:iam::${ACCOUNT_ID}:root` });

/** Who may assume each role: what its sessions in the events imply. */
const TRUST: Record<keyof typeof ROLES, string> = {
  ssoAdmin: trust({
    Federated: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/AWSSSO_5e3a0c1b2d4f6a78_DO_NOT_DELETE`,
  }),
  ssoReadOnly: trust({
    Federated: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/AWSSSO_5e3a0c1b2d4f6a78_DO_NOT_DELETE`,
  }),
  webApp: service('ec2.amazonaws.com'),
  eksNode: service('ec2.amazonaws.com'),
  ordersLambda: service('lambda.amazonaws.com'),
  resizerLambda: service('lambda.amazonaws.com'),
  reportLambda: service('lambda.amazonaws.com'),
  rotationLambda: service('lambda.amazonaws.com'),
  deploy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: GITHUB_OIDC_PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:shopfront/*:ref:refs/heads/main' },
        },
      },
    ],
  }),
  ops: account,
  breakGlass: account,
  taskExecution: service('ecs-tasks.amazonaws.com'),
  scanner: trust(
    { AWS: 'arn:aws:iam::464622532012:root' },
    { StringEquals: { 'sts:ExternalId': 'shopfront-cspm' } },
  ),
  eksCluster: service('eks.amazonaws.com'),
  config: service('config.amazonaws.com'),
  autoScaling: service('autoscaling.amazonaws.com'),
  ecs: service('ecs.amazonaws.com'),
  guardDuty: service('guardduty.amazonaws.com'),
};

function roleState(role: Role, trustPolicy: string, createDate: number): IamRoleState {
  const path = role.arn.slice(role.arn.indexOf(':role') + 5, role.arn.length - role.name.length);
  return {
    roleName: role.name,
    roleId: role.roleId,
    arn: role.arn,
    path,
    createDate,
    assumeRolePolicyDocument: trustPolicy,
    maxSessionDuration: 3600,
    inlinePolicies: {},
    tags: [],
  };
}

/** Resources for an account whose trails are `trails` (demoTrails), dated relative to `nowMs`. */
export function demoResources(nowMs: number, trails: readonly TrailState[]): AccountResources {
  const created = (days: number) => Math.floor((nowMs - days * DAY_MS) / 1000) * 1000;
  const management = trails.find((t) => t.Name === TRAIL_NAMES.management);
  const trailBuckets = new Map(trails.map((t) => [t.S3BucketName, t]));
  const buckets = [...BUCKETS, { name: 'shopfront-legacy-trail-logs', region: 'us-west-2' }].map((b, i) => {
    const trail = trailBuckets.get(b.name);
    const policy = trail
      ? cloudTrailBucketPolicy({
          bucket: b.name,
          accountId: ACCOUNT_ID,
          trailArn: trail.TrailARN,
          ...(trail.S3KeyPrefix ? { prefix: trail.S3KeyPrefix } : {}),
        })
      : undefined;
    return {
      name: b.name,
      region: b.region,
      creationDate: created(700 - i * 40),
      ...(policy ? { policy: JSON.stringify(policy) } : {}),
    };
  });

  const regions = REGION_WEIGHTS.map(([region]) => region);
  const kmsKeys = regions.flatMap((region) =>
    regionalIds(region).kmsKeys.map((keyId, i) => ({
      keyId,
      arn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${keyId}`,
      region,
      description: KEY_DESCRIPTIONS[i] ?? 'Shop key',
      creationDate: created(500 - i * 30),
      enabled: true,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      ...(KMS_ALIASES[i] === 'alias/cloudtrail-mgmt'
        ? { policy: JSON.stringify(cloudTrailKeyPolicy(ACCOUNT_ID)) }
        : {}),
      tags: [{ TagKey: 'owner', TagValue: 'platform' }],
    })),
  );
  const kmsAliases = kmsKeys.map((key, i) => {
    const aliasName = KMS_ALIASES[i % KMS_ALIASES.length]!;
    return {
      aliasName,
      aliasArn: `arn:aws:kms:${key.region}:${ACCOUNT_ID}:${aliasName}`,
      region: key.region,
      targetKeyId: key.keyId,
      creationDate: key.creationDate,
      lastUpdatedDate: key.creationDate,
    };
  });

  const snsTopics = TOPICS.map((name) => {
    const arn = `arn:aws:sns:${HOME_REGION}:${ACCOUNT_ID}:${name}`;
    const attributes: Record<string, string> =
      arn === management?.SnsTopicARN ? { Policy: JSON.stringify(cloudTrailTopicPolicy(arn)) } : {};
    return { arn, name, region: HOME_REGION, attributes, tags: [] };
  });

  const logGroups = LOG_GROUPS.map((name, i) => ({
    name,
    region: HOME_REGION,
    arn: `arn:aws:logs:${HOME_REGION}:${ACCOUNT_ID}:log-group:${name}`,
    creationTime: created(400 - i * 20),
    logGroupClass: 'STANDARD',
    tags: {},
  }));

  const iamRoles = (Object.keys(ROLES) as Array<keyof typeof ROLES>).map((key, i) =>
    roleState(ROLES[key], TRUST[key], created(600 - i * 15)),
  );
  if (management?.CloudWatchLogsRoleArn && management.CloudWatchLogsLogGroupArn) {
    const name = management.CloudWatchLogsRoleArn.split('/').at(-1)!;
    const role = roleState(
      { name, roleId: 'AROA2XK7M3QZL7W2C4T6Y', arn: management.CloudWatchLogsRoleArn },
      JSON.stringify(cloudTrailAssumeRolePolicy()),
      management.createdTime,
    );
    const policy = cloudTrailLogsRolePolicy(management.CloudWatchLogsLogGroupArn, ACCOUNT_ID, HOME_REGION);
    iamRoles.push({ ...role, inlinePolicies: { 'cloudtrail-to-cloudwatch-logs': JSON.stringify(policy) } });
  }
  return { buckets, kmsKeys, kmsAliases, snsTopics, logGroups, iamRoles };
}
