// How Event history derives the User name and Resources columns of a record.
// docs/cloudtrail-facts.md#event-history-and-lookupevents: Username per identity type; Resources are computed per API
// from the request and response, not copied from the record's `resources` (IAM records have none).
import type { CloudTrailRecord, JsonValue } from './record';

export interface DerivedResource {
  ResourceType?: string;
  ResourceName: string;
}

export function deriveUsername(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  if (!identity) return undefined;
  switch (identity.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return identity.userName;
    case 'AssumedRole':
    case 'Role': {
      // The role session name: the last segment of the assumed-role ARN (or principalId suffix).
      const fromArn = identity.arn?.split('/').at(-1);
      if (fromArn && identity.arn?.includes(':assumed-role/')) return fromArn;
      const fromPrincipal = identity.principalId?.split(':').at(-1);
      return identity.userName ?? fromPrincipal;
    }
    case 'FederatedUser': {
      // arn:aws:sts::123:federated-user/<name>
      return identity.arn?.split('/').at(-1) ?? identity.userName;
    }
    case 'IdentityCenterUser':
      return identity.userName ?? identity.onBehalfOf?.userId;
    case 'AWSService':
    case 'AWSAccount':
      return undefined;
    default:
      return identity.userName;
  }
}

/** Keys of requestParameters / responseElements that name a resource, by the resource type they name. */
const PARAMETER_RESOURCES = new Map(
  Object.entries<Record<string, string>>({
    'iam.amazonaws.com': {
      userName: 'AWS::IAM::User',
      roleName: 'AWS::IAM::Role',
      groupName: 'AWS::IAM::Group',
      policyArn: 'AWS::IAM::Policy',
      instanceProfileName: 'AWS::IAM::InstanceProfile',
      accessKeyId: 'AWS::IAM::AccessKey',
      serialNumber: 'AWS::IAM::MFADevice',
    },
    's3.amazonaws.com': { bucketName: 'AWS::S3::Bucket' },
    'ec2.amazonaws.com': {
      instanceId: 'AWS::EC2::Instance',
      groupId: 'AWS::EC2::SecurityGroup',
      groupName: 'AWS::EC2::SecurityGroup',
      vpcId: 'AWS::EC2::VPC',
      subnetId: 'AWS::EC2::Subnet',
      imageId: 'AWS::EC2::Ami',
      volumeId: 'AWS::EC2::Volume',
      snapshotId: 'AWS::EC2::Snapshot',
      keyName: 'AWS::EC2::KeyPair',
      networkInterfaceId: 'AWS::EC2::NetworkInterface',
    },
    'lambda.amazonaws.com': { functionName: 'AWS::Lambda::Function' },
    'dynamodb.amazonaws.com': { tableName: 'AWS::DynamoDB::Table' },
    'rds.amazonaws.com': {
      dBInstanceIdentifier: 'AWS::RDS::DBInstance',
      dBClusterIdentifier: 'AWS::RDS::DBCluster',
    },
    'kms.amazonaws.com': { keyId: 'AWS::KMS::Key', aliasName: 'AWS::KMS::Alias' },
    'cloudtrail.amazonaws.com': {
      trailName: 'AWS::CloudTrail::Trail',
      eventDataStore: 'AWS::CloudTrail::EventDataStore',
      dashboardId: 'AWS::CloudTrail::Dashboard',
      channel: 'AWS::CloudTrail::Channel',
      channelArn: 'AWS::CloudTrail::Channel',
    },
    'sns.amazonaws.com': { topicArn: 'AWS::SNS::Topic' },
    'sqs.amazonaws.com': { queueUrl: 'AWS::SQS::Queue' },
    'logs.amazonaws.com': { logGroupName: 'AWS::Logs::LogGroup' },
    'secretsmanager.amazonaws.com': { secretId: 'AWS::SecretsManager::Secret' },
    'ssm.amazonaws.com': { name: 'AWS::SSM::Parameter', instanceId: 'AWS::EC2::Instance' },
    'cloudformation.amazonaws.com': { stackName: 'AWS::CloudFormation::Stack' },
    'ecr.amazonaws.com': { repositoryName: 'AWS::ECR::Repository' },
    'ecs.amazonaws.com': { cluster: 'AWS::ECS::Cluster', clusterName: 'AWS::ECS::Cluster' },
    'eks.amazonaws.com': { name: 'AWS::EKS::Cluster' },
    'elasticloadbalancing.amazonaws.com': { loadBalancerArn: 'AWS::ElasticLoadBalancingV2::LoadBalancer' },
    'route53.amazonaws.com': { hostedZoneId: 'AWS::Route53::HostedZone' },
    'cloudwatch.amazonaws.com': { alarmName: 'AWS::CloudWatch::Alarm' },
    'monitoring.amazonaws.com': { alarmName: 'AWS::CloudWatch::Alarm' },
    'events.amazonaws.com': { name: 'AWS::Events::Rule' },
    'sts.amazonaws.com': { roleArn: 'AWS::IAM::Role' },
    'config.amazonaws.com': { configRuleName: 'AWS::Config::ConfigRule' },
    'guardduty.amazonaws.com': { detectorId: 'AWS::GuardDuty::Detector' },
    'organizations.amazonaws.com': { accountId: 'AWS::Organizations::Account' },
  }),
);

/** Response members that carry the identifier of what a create call made. */
const RESPONSE_RESOURCES = new Map(
  Object.entries<Array<[path: string[], type: string]>>({
    'iam.amazonaws.com': [
      [['user', 'arn'], 'AWS::IAM::User'],
      [['user', 'userId'], 'AWS::IAM::User'],
      [['role', 'arn'], 'AWS::IAM::Role'],
      [['role', 'roleId'], 'AWS::IAM::Role'],
      [['policy', 'arn'], 'AWS::IAM::Policy'],
      [['accessKey', 'accessKeyId'], 'AWS::IAM::AccessKey'],
    ],
    // RunInstances: the console lists the VPC, AMI, instance profile, ENI, instance, security group and
    // subnet of each launched instance (docs/cloudtrail-facts.md#event-history-and-lookupevents, observed).
    'ec2.amazonaws.com': [
      [['instancesSet', 'items', '*', 'instanceId'], 'AWS::EC2::Instance'],
      [['instancesSet', 'items', '*', 'vpcId'], 'AWS::EC2::VPC'],
      [['instancesSet', 'items', '*', 'subnetId'], 'AWS::EC2::Subnet'],
      [['instancesSet', 'items', '*', 'imageId'], 'AWS::EC2::Ami'],
      [['instancesSet', 'items', '*', 'iamInstanceProfile', 'arn'], 'AWS::IAM::InstanceProfile'],
      [
        ['instancesSet', 'items', '*', 'networkInterfaceSet', 'items', '*', 'networkInterfaceId'],
        'AWS::EC2::NetworkInterface',
      ],
      [['instancesSet', 'items', '*', 'groupSet', 'items', '*', 'groupId'], 'AWS::EC2::SecurityGroup'],
      [['snapshotId'], 'AWS::EC2::Snapshot'],
      [['volumeId'], 'AWS::EC2::Volume'],
      [['groupId'], 'AWS::EC2::SecurityGroup'],
    ],
    'kms.amazonaws.com': [[['keyMetadata', 'arn'], 'AWS::KMS::Key']],
    'cloudtrail.amazonaws.com': [
      [['trailARN'], 'AWS::CloudTrail::Trail'],
      [['eventDataStoreArn'], 'AWS::CloudTrail::EventDataStore'],
      [['dashboardArn'], 'AWS::CloudTrail::Dashboard'],
      [['channelArn'], 'AWS::CloudTrail::Channel'],
    ],
    'sns.amazonaws.com': [[['topicArn'], 'AWS::SNS::Topic']],
  }),
);

function collect(value: JsonValue | undefined, path: string[], out: string[]): void {
  if (value === undefined || value === null) return;
  if (path.length === 0) {
    if (typeof value === 'string' && value) out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string' && v) out.push(v);
    return;
  }
  const [head, ...rest] = path;
  if (head === '*') {
    if (Array.isArray(value)) for (const item of value) collect(item, rest, out);
    return;
  }
  if (typeof value === 'object' && !Array.isArray(value)) collect(value[head!], rest, out);
}

const EC2_ID_PREFIXES: Array<[prefix: string, type: string]> = [
  ['i-', 'AWS::EC2::Instance'],
  ['vol-', 'AWS::EC2::Volume'],
  ['snap-', 'AWS::EC2::Snapshot'],
  ['sg-', 'AWS::EC2::SecurityGroup'],
  ['subnet-', 'AWS::EC2::Subnet'],
  ['vpc-', 'AWS::EC2::VPC'],
  ['ami-', 'AWS::EC2::Ami'],
  ['eni-', 'AWS::EC2::NetworkInterface'],
];

/** CloudTrail's resources by the kind their ARN names (arn:aws:cloudtrail:…:eventdatastore/…). */
const CLOUDTRAIL_ARN_KINDS = new Map([
  ['trail', 'AWS::CloudTrail::Trail'],
  ['eventdatastore', 'AWS::CloudTrail::EventDataStore'],
  ['dashboard', 'AWS::CloudTrail::Dashboard'],
  ['channel', 'AWS::CloudTrail::Channel'],
]);

/**
 * What CloudTrail's own `name` member names, by the operation (CreateEventDataStore's name is a store's,
 * StartLogging's a trail's), and what a resource ARN member (AddTags' resourceId) names, by its kind.
 */
function cloudTrailResources(
  record: CloudTrailRecord,
  add: (type: string | undefined, name: string) => void,
) {
  const params = record.requestParameters;
  if (!params) return;
  const eventName = record.eventName ?? '';
  const named: string[] = [];
  collect(params.name, [], named);
  const nameType = /EventDataStore/.test(eventName)
    ? 'AWS::CloudTrail::EventDataStore'
    : /Dashboard/.test(eventName)
      ? 'AWS::CloudTrail::Dashboard'
      : /Channel/.test(eventName)
        ? 'AWS::CloudTrail::Channel'
        : 'AWS::CloudTrail::Trail';
  for (const name of named) add(nameType, name);
  const arns: string[] = [];
  for (const key of ['resourceId', 'resourceArn', 'resourceIdList']) collect(params[key], [], arns);
  for (const arn of arns) {
    const kind = /^arn:[^:]+:cloudtrail:[^:]*:[^:]*:([a-z]+)\//.exec(arn)?.[1];
    add(kind === undefined ? undefined : CLOUDTRAIL_ARN_KINDS.get(kind), arn);
  }
}

function ec2TypeOf(id: string): string | undefined {
  return EC2_ID_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1];
}

export function deriveResources(record: CloudTrailRecord): DerivedResource[] {
  const seen = new Set<string>();
  const out: DerivedResource[] = [];
  const add = (type: string | undefined, name: string) => {
    const key = `${type ?? ''}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(type ? { ResourceType: type, ResourceName: name } : { ResourceName: name });
  };
  const params = record.requestParameters;
  const byParam = PARAMETER_RESOURCES.get(record.eventSource);
  if (params && byParam) {
    for (const [key, type] of Object.entries(byParam)) {
      const names: string[] = [];
      collect(params[key], [], names);
      for (const name of names) add(type, name);
    }
    // EC2 batch calls: instancesSet.items[].instanceId; CreateTags and friends: resourcesSet.items[].resourceId,
    // typed by the ID's prefix.
    const items: string[] = [];
    collect(params, ['instancesSet', 'items', '*', 'instanceId'], items);
    for (const name of items) add('AWS::EC2::Instance', name);
    if (record.eventSource === 'ec2.amazonaws.com') {
      const tagged: string[] = [];
      collect(params, ['resourcesSet', 'items', '*', 'resourceId'], tagged);
      for (const name of tagged) add(ec2TypeOf(name), name);
    }
  }
  if (record.eventSource === 'cloudtrail.amazonaws.com') cloudTrailResources(record, add);
  const byResponse = RESPONSE_RESOURCES.get(record.eventSource);
  if (record.responseElements && byResponse) {
    for (const [path, type] of byResponse) {
      const names: string[] = [];
      collect(record.responseElements, path, names);
      for (const name of names) add(type, name);
    }
  }
  for (const resource of record.resources ?? []) {
    if (!resource.ARN) continue;
    // The record's ARN of a resource its parameters already named (bucket `logs` and arn:aws:s3:::logs,
    // role `r` and arn:aws:iam::…:role/r) is the same resource: listed once, by the name.
    const name = /[:/]([^:/]+)$/.exec(resource.ARN)?.[1];
    if (name !== undefined && seen.has(`${resource.type ?? ''}\u0000${name}`)) continue;
    add(resource.type, resource.ARN);
  }
  return out;
}
