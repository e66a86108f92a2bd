// Where a trail delivers, checked against the account's resources as CreateTrail/UpdateTrail check them
// (docs/cloudtrail-facts.md#trails): the S3 bucket and its policy, the KMS key, the SNS topic and the
// CloudWatch Logs group and role. Messages marked [OBSERVED] are real AWS output quoted in the reference;
// the others are UNCONFIRMED (docs/cloudtrail-facts.md#trails-console) and written to say how to fix the input.
import { parseArn, parseLogGroupArn, parseRoleArn, snsTopicArn } from '@/domain/aws-arn';
import {
  bucketPolicyAllowsCloudTrail,
  keyPolicyAllowsCloudTrail,
  roleAllowsCloudTrailLogs,
  topicPolicyAllowsCloudTrail,
} from '@/domain/cloudtrail-policies';
import { s3BucketNameError, s3PrefixError } from '@/domain/s3-bucket-name';
import { snsTopicNameError } from '@/domain/trail-rules';
import { ServiceError } from '../../errors';
import type { AccountState, BucketState } from '../../state';
import { optionalString, requiredString } from '../input';
import { findKey, parseKeyReference } from '../kms/kms-keys';

const invalidBucketName = (message: string) => new ServiceError('InvalidS3BucketNameException', message);
const invalidPrefix = (message: string) => new ServiceError('InvalidS3PrefixException', message);
const invalidKeyId = (message: string) => new ServiceError('InvalidKmsKeyIdException', message);
const invalidTopic = (message: string) => new ServiceError('InvalidSnsTopicNameException', message);

export function checkBucketName(value: unknown): string {
  const name = requiredString(value, 'S3BucketName', invalidBucketName);
  const problem = s3BucketNameError(name);
  if (problem) throw invalidBucketName(problem);
  return name;
}

export function checkPrefix(value: unknown): string | undefined {
  const prefix = optionalString(value, 'S3KeyPrefix', invalidPrefix);
  if (prefix === undefined) return undefined;
  const problem = s3PrefixError(prefix);
  if (problem) throw new ServiceError('InvalidS3PrefixException', problem);
  return prefix;
}

/**
 * The bucket must exist and its policy must let CloudTrail write under `[prefix/]AWSLogs/<account>/`: a
 * trail's log files by default, or what `allows` checks (a Lake query's results).
 */
export function checkBucket(
  state: AccountState,
  name: string,
  prefix: string | undefined,
  allows = bucketPolicyAllowsCloudTrail,
): BucketState {
  const bucket = state.buckets.get(name);
  if (!bucket) {
    throw new ServiceError(
      'S3BucketDoesNotExistException',
      `The S3 bucket ${name} does not exist. Create it, or choose another bucket.`,
    );
  }
  if (!allows(bucket.policy, name, prefix || undefined, state.accountId)) {
    // [OBSERVED] "Incorrect S3 bucket policy is detected for bucket: <bucket>"
    throw new ServiceError(
      'InsufficientS3BucketPolicyException',
      `Incorrect S3 bucket policy is detected for bucket: ${name}`,
    );
  }
  return bucket;
}

/**
 * KmsKeyId: alias name, alias ARN, key ARN or key id, resolved in the trail's Region; "KmsKeyNotFoundException
 * … when the S3 bucket and the KMS key are not in the same Region" (cloudtrail model). Returns the key ARN,
 * which is what the Trail shape reports.
 */
export function resolveTrailKey(
  state: AccountState,
  value: unknown,
  region: string,
  bucket: BucketState,
): string {
  const keyId = requiredString(value, 'KmsKeyId', invalidKeyId);
  const reference = parseKeyReference(keyId);
  if (!reference) {
    throw new ServiceError(
      'InvalidKmsKeyIdException',
      `${keyId} is not a valid KMS key ID. Specify an alias (alias/MyAlias), an alias ARN, a key ARN or a key ID.`,
    );
  }
  const key = findKey(state, reference, region);
  if (!key)
    throw new ServiceError(
      'KmsKeyNotFoundException',
      `The KMS key ${keyId} does not exist in ${reference.region ?? region}.`,
    );
  if (key.region !== bucket.region) {
    throw new ServiceError(
      'KmsKeyNotFoundException',
      `The KMS key ${key.arn} is not in the Region of the S3 bucket ${bucket.name} (${bucket.region}).`,
    );
  }
  if (key.policy === undefined || !keyPolicyAllowsCloudTrail(key.policy, key.arn)) {
    // [OBSERVED in Terraform issues] "Insufficient permissions to access S3 bucket <b> or KMS key <arn>."
    throw new ServiceError(
      'InsufficientEncryptionPolicyException',
      `Insufficient permissions to access S3 bucket ${bucket.name} or KMS key ${key.arn}.`,
    );
  }
  return key.arn;
}

/** SnsTopicName: a topic name (in the trail's Region) or ARN; returns the name and ARN the Trail reports. */
export function resolveTrailTopic(state: AccountState, value: unknown, region: string) {
  const nameOrArn = optionalString(value, 'SnsTopicName', invalidTopic);
  if (nameOrArn === undefined || nameOrArn === '' || nameOrArn.length > 256) {
    throw invalidTopic('SnsTopicName must be a topic name or ARN of up to 256 characters.');
  }
  const arn = parseArn(nameOrArn);
  if (nameOrArn.startsWith('arn:') && (!arn || arn.service !== 'sns' || snsTopicNameError(arn.resource))) {
    throw new ServiceError('InvalidSnsTopicNameException', `${nameOrArn} is not a valid SNS topic ARN.`);
  }
  const name = arn ? arn.resource : nameOrArn;
  const problem = snsTopicNameError(name);
  if (problem) throw new ServiceError('InvalidSnsTopicNameException', problem);
  const topicArn = arn ? nameOrArn : snsTopicArn(region, state.accountId, name);
  const topic = state.snsTopics.get(topicArn);
  // moto and real AWS use one message for both cases (docs/cloudtrail-facts.md#trails).
  if (
    !topic ||
    topic.attributes.Policy === undefined ||
    !topicPolicyAllowsCloudTrail(topic.attributes.Policy, topicArn)
  ) {
    throw new ServiceError(
      'InsufficientSnsTopicPolicyException',
      'SNS Topic does not exist or the topic policy is incorrect!',
    );
  }
  return { SnsTopicName: name, SnsTopicARN: topicArn };
}

/** Both ARNs, or neither; the group must exist in the trail's Region and the role must let CloudTrail write. */
export function checkCloudWatchLogs(
  state: AccountState,
  groupArn: string,
  roleArn: string,
  region: string,
): void {
  const group = parseLogGroupArn(groupArn);
  if (!group || group.region !== region || group.accountId !== state.accountId || !groupArn.endsWith(':*')) {
    // [OBSERVED] "CloudTrail cannot validate the specified log group ARN."
    throw new ServiceError(
      'InvalidCloudWatchLogsLogGroupArnException',
      'CloudTrail cannot validate the specified log group ARN.',
    );
  }
  const stored = `arn:aws:logs:${group.region}:${group.accountId}:log-group:${group.name}`;
  if (!state.logGroups.has(stored)) {
    throw new ServiceError(
      'InvalidCloudWatchLogsLogGroupArnException',
      'CloudTrail cannot validate the specified log group ARN.',
    );
  }
  const parsedRole = parseRoleArn(roleArn);
  const role =
    parsedRole && parsedRole.accountId === state.accountId
      ? state.iamRoles.get(parsedRole.name.toLowerCase())
      : undefined;
  const allowed =
    role?.arn === roleArn &&
    roleAllowsCloudTrailLogs(
      role.assumeRolePolicyDocument,
      Object.values(role.inlinePolicies),
      groupArn,
      state.accountId,
      region,
    );
  if (!allowed) {
    // [OBSERVED] Terraform retries InvalidCloudWatchLogsRoleArnException whose message contains "Access denied."
    throw new ServiceError(
      'InvalidCloudWatchLogsRoleArnException',
      'Access denied. Verify in IAM that the role has adequate permissions.',
    );
  }
}
