// @vitest-environment node
// Trail settings and logging through the AWS SDK v3 (docs/cloudtrail-facts.md#trails–4.7): every
// operation's success and its documented errors.
import {
  DeleteTrailCommand,
  GetTrailStatusCommand,
  type CreateTrailCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '@/test/records';
import { useTrailEmulator } from '@/test/trail-emulator';
import { kmsClient, s3Client } from '@/test/sdk';
import { createBucket, createDestinations } from '@/test/trail-destinations';
import { trailArn } from '../../state';

const emu = useTrailEmulator();
const { ct, create } = emu;

describe('CreateTrail', () => {
  it('creates a trail with the API defaults, answers without HomeRegion, and does not start logging', async () => {
    const out = await create({ Name: 'management-events' });
    expect(out).toMatchObject({
      Name: 'management-events',
      S3BucketName: emu.dest.bucket,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: false,
      TrailARN: trailArn('us-east-1', TEST_ACCOUNT, 'management-events'),
      LogFileValidationEnabled: false,
      IsOrganizationTrail: false,
    });
    expect(out).not.toHaveProperty('HomeRegion');
    expect(out).not.toHaveProperty('KmsKeyId');
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'management-events' }));
    expect(status.IsLogging).toBe(false);
    expect(status.StartLoggingTime).toBeUndefined();
  });

  it('resolves every destination: key by alias to its ARN, topic by name to name and ARN, CloudWatch Logs', async () => {
    const out = await create({
      Name: 'everything',
      S3KeyPrefix: 'org',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: emu.dest.alias,
      SnsTopicName: emu.dest.topicName,
      CloudWatchLogsLogGroupArn: emu.dest.logGroupArn,
      CloudWatchLogsRoleArn: emu.dest.roleArn,
      TagsList: [{ Key: 'team', Value: 'security' }],
    }).catch((e: unknown) => e);
    // The bucket policy covers AWSLogs/<account>/ without a prefix, so the prefixed trail is refused…
    expect(out).toMatchObject({
      name: 'InsufficientS3BucketPolicyException',
      message: `Incorrect S3 bucket policy is detected for bucket: ${emu.dest.bucket}`,
    });
    // …until the bucket has a policy for the prefix.
    await createBucket('prefixed-logs', 'us-east-1', 'org');
    const ok = await create({
      Name: 'everything',
      S3BucketName: 'prefixed-logs',
      S3KeyPrefix: 'org',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: emu.dest.alias,
      SnsTopicName: emu.dest.topicName,
      CloudWatchLogsLogGroupArn: emu.dest.logGroupArn,
      CloudWatchLogsRoleArn: emu.dest.roleArn,
    });
    expect(ok).toMatchObject({
      S3KeyPrefix: 'org',
      KmsKeyId: emu.dest.keyArn,
      SnsTopicName: emu.dest.topicName,
      SnsTopicARN: emu.dest.topicArn,
      CloudWatchLogsLogGroupArn: emu.dest.logGroupArn,
      CloudWatchLogsRoleArn: emu.dest.roleArn,
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
    });
    for (const keyId of [
      emu.dest.keyId,
      emu.dest.keyArn,
      `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:${emu.dest.alias}`,
    ]) {
      await ct().send(new DeleteTrailCommand({ Name: 'everything' }));
      await expect(
        create({ Name: 'everything', S3BucketName: 'prefixed-logs', S3KeyPrefix: 'org', KmsKeyId: keyId }),
      ).resolves.toMatchObject({ KmsKeyId: emu.dest.keyArn });
    }
  });

  it.each<[string, Partial<CreateTrailCommandInput>, string, string?]>([
    ['a name that breaks the rules', { Name: 'a--b' }, 'InvalidTrailNameException'],
    ['an invalid bucket name', { S3BucketName: 'Bad_Bucket' }, 'InvalidS3BucketNameException'],
    ['a bucket that does not exist', { S3BucketName: 'no-such-bucket' }, 'S3BucketDoesNotExistException'],
    ['a prefix over 200 characters', { S3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
    ['a malformed KMS key id', { KmsKeyId: 'not a key' }, 'InvalidKmsKeyIdException'],
    ['a KMS alias that does not exist', { KmsKeyId: 'alias/missing' }, 'KmsKeyNotFoundException'],
    ['an invalid SNS topic name', { SnsTopicName: 'bad topic' }, 'InvalidSnsTopicNameException'],
    [
      'an SNS topic that does not exist',
      { SnsTopicName: 'missing' },
      'InsufficientSnsTopicPolicyException',
      'SNS Topic does not exist or the topic policy is incorrect!',
    ],
    [
      'a multi-Region trail without global service events',
      { IsMultiRegionTrail: true, IncludeGlobalServiceEvents: false },
      'InvalidParameterCombinationException',
      'Multi-Region trail must include global service events.',
    ],
    [
      'a log group without a role',
      { CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:x:*' },
      'InvalidParameterCombinationException',
    ],
    [
      'a log group that does not exist',
      {
        CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:missing:*`,
        CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/x',
      },
      'InvalidCloudWatchLogsLogGroupArnException',
      'CloudTrail cannot validate the specified log group ARN.',
    ],
    [
      '51 tags',
      { TagsList: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` })) },
      'TagsLimitExceededException',
    ],
    ['a tag key given twice', { TagsList: [{ Key: 'a' }, { Key: 'a' }] }, 'InvalidTagParameterException'],
    ['a reserved tag key', { TagsList: [{ Key: 'aws:owner' }] }, 'InvalidTagParameterException'],
  ])('refuses %s with %s', async (_label, input, name, message) => {
    await expect(create({ Name: 'refused', ...input })).rejects.toMatchObject({
      name,
      ...(message && { message }),
      $metadata: { httpStatusCode: 400 },
    });
    expect(emu.state.trails.size).toBe(0);
  });

  it('refuses a role CloudTrail cannot use, and a key whose policy does not let CloudTrail encrypt', async () => {
    const other = await createDestinations('other');
    await expect(
      create({
        Name: 'cw-trail',
        CloudWatchLogsLogGroupArn: emu.dest.logGroupArn,
        CloudWatchLogsRoleArn: other.roleArn,
      }),
    ).rejects.toMatchObject({
      name: 'InvalidCloudWatchLogsRoleArnException',
      message: 'Access denied. Verify in IAM that the role has adequate permissions.',
    });
    const plain = await kmsClient().send(new CreateKeyCommand({}));
    await expect(create({ Name: 'kms-trail', KmsKeyId: plain.KeyMetadata!.KeyId })).rejects.toMatchObject({
      name: 'InsufficientEncryptionPolicyException',
    });
  });

  it('refuses a bucket whose policy does not let CloudTrail write, and a key in another Region than the bucket', async () => {
    await s3Client().send(
      new PutBucketPolicyCommand({
        Bucket: emu.dest.bucket,
        Policy: JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'cloudtrail.amazonaws.com' },
              Action: 's3:GetBucketAcl',
              Resource: `arn:aws:s3:::${emu.dest.bucket}`,
            },
          ],
        }),
      }),
    );
    await expect(create({ Name: 'nope' })).rejects.toMatchObject({
      name: 'InsufficientS3BucketPolicyException',
    });
    const eu = await createDestinations('eu', 'eu-west-1');
    await expect(
      create({ Name: 'cross', S3BucketName: eu.bucket, KmsKeyId: emu.dest.keyArn }),
    ).rejects.toMatchObject({
      name: 'KmsKeyNotFoundException',
    });
  });

  it('refuses a second trail of the same name and a sixth trail in a Region, shadows included', async () => {
    await create({ Name: 'one-trail' });
    await expect(create({ Name: 'one-trail' })).rejects.toMatchObject({
      name: 'TrailAlreadyExistsException',
      message: `Trail one-trail already exists for customer: ${TEST_ACCOUNT}`,
    });
    await create({ Name: 'everywhere', IsMultiRegionTrail: true });
    const eu = await createDestinations('eu', 'eu-west-1');
    for (const name of ['eu-1', 'eu-2', 'eu-3', 'eu-4'])
      await create({ Name: name, S3BucketName: eu.bucket }, 'eu-west-1');
    await expect(create({ Name: 'eu-5', S3BucketName: eu.bucket }, 'eu-west-1')).rejects.toMatchObject({
      name: 'MaximumNumberOfTrailsExceededException',
      message: `User: ${TEST_ACCOUNT} already has 5 trails in eu-west-1.`,
    });
    // A multi-Region trail would show in eu-west-1 too.
    await expect(create({ Name: 'global-two', IsMultiRegionTrail: true })).rejects.toMatchObject({
      name: 'MaximumNumberOfTrailsExceededException',
    });
    await expect(create({ Name: 'eu-1', IsMultiRegionTrail: true })).rejects.toMatchObject({
      name: 'TrailAlreadyExistsException',
    });
  });
});
