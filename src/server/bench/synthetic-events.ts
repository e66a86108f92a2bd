// Events for the benchmarks: realistic in size and shape (about 1 KB, a dozen services, IAM users and
// assumed roles, resources, errors, several Regions), deterministic from (seed, index), cheap to make in
// millions. The demo account generator tells stories; this one only has to be large.
import type { CloudTrailRecord } from '@/domain/record';
import { isoSeconds } from '@/domain/iso-time';

const ACCOUNT = '210987654321';
const REGIONS = ['us-east-1', 'us-east-1', 'us-east-1', 'us-east-1', 'us-west-2', 'eu-west-1'];
export const CALLS: Array<[source: string, name: string, readOnly: boolean, param?: string]> = [
  ['ec2.amazonaws.com', 'DescribeInstances', true],
  ['ec2.amazonaws.com', 'RunInstances', false, 'instanceId'],
  ['ec2.amazonaws.com', 'TerminateInstances', false, 'instanceId'],
  ['s3.amazonaws.com', 'GetBucketPolicy', true, 'bucketName'],
  ['s3.amazonaws.com', 'PutBucketPolicy', false, 'bucketName'],
  ['s3.amazonaws.com', 'ListBuckets', true],
  ['iam.amazonaws.com', 'GetUser', true, 'userName'],
  ['iam.amazonaws.com', 'CreateAccessKey', false, 'userName'],
  ['iam.amazonaws.com', 'ListRoles', true],
  ['sts.amazonaws.com', 'AssumeRole', true],
  ['kms.amazonaws.com', 'Decrypt', true],
  ['kms.amazonaws.com', 'GenerateDataKey', true],
  ['lambda.amazonaws.com', 'Invoke', false, 'functionName'],
  ['logs.amazonaws.com', 'CreateLogStream', false, 'logGroupName'],
  ['ssm.amazonaws.com', 'GetParameter', true, 'name'],
  ['cloudtrail.amazonaws.com', 'LookupEvents', true],
  ['cloudtrail.amazonaws.com', 'DescribeTrails', true],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', true, 'secretId'],
];
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const ROLES = ['deploy', 'lambda-exec', 'readonly-audit', 'admin'];

/** A v4-shaped UUID from two numbers, so ids are unique per (seed, index) and stable. */
function uuid(seed: number, index: number): string {
  const a = (Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) >>> 0).toString(16).padStart(8, '0');
  const b = index.toString(16).padStart(12, '0');
  const s = (seed & 0xfff).toString(16).padStart(3, '0');
  return `${a}-${s.slice(0, 3)}0-4${s}-8${a.slice(0, 3)}-${b}`;
}

/** Index i of `count` events spread evenly over `days` days before `end` (ms); i = 0 is the oldest. */
export function syntheticRecord(
  seed: number,
  i: number,
  count: number,
  end: number,
  days: number,
): CloudTrailRecord {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const [eventSource, eventName, readOnly, param] = CALLS[h % CALLS.length]!;
  const region = REGIONS[(h >>> 8) % REGIONS.length]!;
  const time = end - Math.floor(((count - i) / count) * days * 86_400_000);
  const asRole = (h >>> 12) % 5 === 0;
  const user = USERS[(h >>> 4) % USERS.length]!;
  const role = ROLES[(h >>> 6) % ROLES.length]!;
  const accessKeyId = `AKIA${(h % 97).toString().padStart(16, '0')}`;
  const resource = `${eventSource.split('.')[0]}-resource-${(h >>> 3) % 500}`;
  const failed = (h >>> 10) % 29 === 0;
  const record: CloudTrailRecord = {
    eventVersion: '1.11',
    userIdentity: asRole
      ? {
          type: 'AssumedRole',
          principalId: `AROAEXAMPLE${role.toUpperCase()}:${user}`,
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${user}`,
          accountId: ACCOUNT,
          accessKeyId: `ASIA${accessKeyId.slice(4)}`,
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: 'AROAEXAMPLE',
              arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
              accountId: ACCOUNT,
              userName: role,
            },
            attributes: {
              creationDate: isoSeconds(time - 600_000),
              mfaAuthenticated: 'false',
            },
          },
        }
      : {
          type: 'IAMUser',
          principalId: 'AIDAEXAMPLE',
          arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
          accountId: ACCOUNT,
          accessKeyId,
          userName: user,
        },
    eventTime: isoSeconds(time),
    eventSource,
    eventName,
    awsRegion: region,
    sourceIPAddress: `198.51.100.${h % 250}`,
    userAgent:
      'aws-cli/2.17.28 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard',
    requestParameters: param ? { [param]: resource } : null,
    responseElements: null,
    requestID: uuid(seed + 1, i),
    eventID: uuid(seed, i),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${eventSource.split('.')[0]}.${region}.amazonaws.com`,
    },
  };
  if (failed) {
    record.errorCode = 'AccessDenied';
    record.errorMessage = `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${eventSource.split('.')[0]}:${eventName}`;
  }
  return record;
}
