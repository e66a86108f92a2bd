// @vitest-environment node
// S3 through the AWS SDK v3 (path-style, as the console sends it) against the in-process emulator.
import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketPolicyCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { s3Client, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState, type AccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
let state: AccountState;
beforeEach(() => {
  state = createAccountState(TEST_ACCOUNT);
  handle = createEmulator({ store: new MemoryEventStore(), state, clock: () => T0 });
});
useEmulatorServer(() => handle);

const policy = (bucket: string) =>
  JSON.stringify(cloudTrailBucketPolicy({ bucket, accountId: TEST_ACCOUNT }));

describe('S3 through the SDK', () => {
  it('creates buckets in us-east-1 and, with a LocationConstraint, elsewhere, and lists them with their Region', async () => {
    await s3Client().send(new CreateBucketCommand({ Bucket: 'trail-logs-east' }));
    await s3Client('eu-west-1').send(
      new CreateBucketCommand({
        Bucket: 'trail-logs-eu',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const out = await s3Client().send(new ListBucketsCommand({}));
    expect(out.Buckets).toEqual([
      { Name: 'trail-logs-east', CreationDate: new Date(T0), BucketRegion: 'us-east-1' },
      { Name: 'trail-logs-eu', CreationDate: new Date(T0), BucketRegion: 'eu-west-1' },
    ]);
    expect(out.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const head = await s3Client().send(new HeadBucketCommand({ Bucket: 'trail-logs-eu' }));
    expect(head.BucketRegion).toBe('eu-west-1');
    const location = await s3Client().send(new GetBucketLocationCommand({ Bucket: 'trail-logs-eu' }));
    expect(location.LocationConstraint).toBe('eu-west-1');
  });

  it('answers 200 to re-creating an own us-east-1 bucket and BucketAlreadyOwnedByYou elsewhere', async () => {
    await s3Client().send(new CreateBucketCommand({ Bucket: 'again' }));
    await expect(s3Client().send(new CreateBucketCommand({ Bucket: 'again' }))).resolves.toBeDefined();
    await s3Client('eu-west-1').send(
      new CreateBucketCommand({
        Bucket: 'again-eu',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    await expect(
      s3Client('eu-west-1').send(
        new CreateBucketCommand({
          Bucket: 'again-eu',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'BucketAlreadyOwnedByYou', $metadata: { httpStatusCode: 409 } });
  });

  it.each([
    ['an invalid name', 'Bad_Bucket', undefined, 'us-east-1', 'InvalidBucketName', 400],
    [
      'a LocationConstraint of another Region',
      'regional',
      'eu-west-2',
      'eu-west-1',
      'IllegalLocationConstraintException',
      400,
    ],
    [
      'LocationConstraint us-east-1',
      'explicit-east',
      'us-east-1',
      'us-east-1',
      'InvalidLocationConstraint',
      400,
    ],
  ] as const)('rejects %s', async (_label, bucket, constraint, region, code, status) => {
    const command = new CreateBucketCommand({
      Bucket: bucket,
      // us-east-1 is not a LocationConstraint value the SDK types allow; S3 refuses it too.
      ...(constraint && {
        CreateBucketConfiguration: { LocationConstraint: constraint as BucketLocationConstraint },
      }),
    });
    await expect(s3Client(region).send(command)).rejects.toMatchObject({
      name: code,
      $metadata: { httpStatusCode: status },
    });
  });

  it('fills in the LocationConstraint from a Regional client, as the SDK does', async () => {
    await s3Client('ap-southeast-2').send(new CreateBucketCommand({ Bucket: 'sydney-logs' }));
    expect(state.buckets.get('sydney-logs')?.region).toBe('ap-southeast-2');
  });

  it('puts and gets a bucket policy', async () => {
    await s3Client().send(new CreateBucketCommand({ Bucket: 'with-policy' }));
    await expect(
      s3Client().send(new GetBucketPolicyCommand({ Bucket: 'with-policy' })),
    ).rejects.toMatchObject({
      name: 'NoSuchBucketPolicy',
      $metadata: { httpStatusCode: 404 },
    });
    const put = await s3Client().send(
      new PutBucketPolicyCommand({ Bucket: 'with-policy', Policy: policy('with-policy') }),
    );
    expect(put.$metadata.httpStatusCode).toBe(204);
    const got = await s3Client().send(new GetBucketPolicyCommand({ Bucket: 'with-policy' }));
    expect(JSON.parse(got.Policy!)).toEqual(JSON.parse(policy('with-policy')));
    expect(state.buckets.get('with-policy')?.policy).toBe(policy('with-policy'));
  });

  it.each([
    ['not JSON', 'nope', "Policies must be valid JSON and the first byte must be '{'"],
    ['another bucket as the resource', policy('someone-else'), 'Policy has invalid resource'],
    ['no Statement', '{"Version":"2012-10-17"}', 'Missing required field Statement'],
  ])('rejects a policy that is %s with MalformedPolicy', async (_label, text, message) => {
    await s3Client().send(new CreateBucketCommand({ Bucket: 'strict' }));
    await expect(
      s3Client().send(new PutBucketPolicyCommand({ Bucket: 'strict', Policy: text })),
    ).rejects.toMatchObject({
      name: 'MalformedPolicy',
      message,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers NoSuchBucket (404) for a bucket that does not exist', async () => {
    await expect(s3Client().send(new HeadBucketCommand({ Bucket: 'missing' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      s3Client().send(new PutBucketPolicyCommand({ Bucket: 'missing', Policy: policy('missing') })),
    ).rejects.toMatchObject({
      name: 'NoSuchBucket',
      BucketName: 'missing',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
