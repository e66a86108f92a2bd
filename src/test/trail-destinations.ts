// The resources a trail delivers to, made through the SDKs the way the Create trail form makes them:
// a bucket with CloudTrail's bucket policy, a KMS key with CloudTrail's key policy and an alias, an SNS
// topic with CloudTrail's topic policy, a log group, and a role CloudTrail can assume to write to it.
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { logGroupArn, snsTopicArn } from '@/domain/aws-arn';
import {
  cloudTrailAssumeRolePolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  cloudTrailLogsRolePolicy,
  cloudTrailTopicPolicy,
} from '@/domain/cloudtrail-policies';
import { TEST_ACCOUNT } from './records';
import { iamClient, kmsClient, logsClient, s3Client, snsClient } from './sdk';

export interface Destinations {
  bucket: string;
  keyArn: string;
  keyId: string;
  alias: string;
  topicName: string;
  topicArn: string;
  logGroupArn: string;
  roleArn: string;
}

export async function createBucket(bucket: string, region = 'us-east-1', prefix?: string) {
  await s3Client(region).send(new CreateBucketCommand({ Bucket: bucket }));
  const policy = cloudTrailBucketPolicy({ bucket, prefix, accountId: TEST_ACCOUNT });
  await s3Client(region).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
}

export async function createDestinations(suffix: string, region = 'us-east-1'): Promise<Destinations> {
  const bucket = `trail-logs-${suffix}`;
  await createBucket(bucket, region);
  const key = await kmsClient(region).send(
    new CreateKeyCommand({ Policy: JSON.stringify(cloudTrailKeyPolicy(TEST_ACCOUNT)) }),
  );
  const alias = `alias/trail-${suffix}`;
  await kmsClient(region).send(
    new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyMetadata!.KeyId }),
  );
  const topicName = `trail-notices-${suffix}`;
  const topicArn = snsTopicArn(region, TEST_ACCOUNT, topicName);
  await snsClient(region).send(
    new CreateTopicCommand({
      Name: topicName,
      Attributes: { Policy: JSON.stringify(cloudTrailTopicPolicy(topicArn)) },
    }),
  );
  const group = `trail-logs-${suffix}`;
  await logsClient(region).send(new CreateLogGroupCommand({ logGroupName: group }));
  const groupArn = logGroupArn(region, TEST_ACCOUNT, group);
  const roleName = `CloudTrailRoleForCloudWatchLogs_${suffix}`;
  const role = await iamClient().send(
    new CreateRoleCommand({
      RoleName: roleName,
      Path: '/service-role/',
      AssumeRolePolicyDocument: JSON.stringify(cloudTrailAssumeRolePolicy()),
    }),
  );
  await iamClient().send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'cloudtrail-logs',
      PolicyDocument: JSON.stringify(cloudTrailLogsRolePolicy(groupArn, TEST_ACCOUNT, region)),
    }),
  );
  return {
    bucket,
    keyArn: key.KeyMetadata!.Arn!,
    keyId: key.KeyMetadata!.KeyId!,
    alias,
    topicName,
    topicArn,
    logGroupArn: groupArn,
    roleArn: role.Role!.Arn!,
  };
}
