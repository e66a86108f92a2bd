// @vitest-environment node
// Log file and digest delivery through the SDKs: what a logging trail delivers equals what LookupEvents
// serves, digests verify with an independent checker (node:crypto, the AWS documentation's algorithm),
// a replaced log file fails it, and a bucket policy that shuts CloudTrail out stops delivery with an error.
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  ListPublicKeysCommand,
  LookupEventsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { beforeEach, describe, expect, it } from 'vitest';
import { DELIVERIES_PER_DIGEST } from '@/domain/delivery-files';
import { hasDigestFiles, validateFolder, type FolderFile } from '@/domain/folder-validation';
import { digestKeyTime, validateLogFiles } from '@/domain/log-file-validation';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, logsClient, s3Client, useEmulatorServer } from '@/test/sdk';
import { createBucket, createDestinations } from '@/test/trail-destinations';
import { FilterLogEventsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { verifyTrailLogs } from '@/test/verify-trail-logs';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { MemoryObjectStore } from '../../objects/object-store';
import { createAccountState, deserializeState, serializeState, type AccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';
import { Delivery } from './delivery';

const BUCKET = 'delivered-logs';
const INTERVAL = 1000;
let now: number;
let handle: EmulatorHandler;
let state: AccountState;
let delivery: Delivery;

beforeEach(async () => {
  now = T0;
  state = createAccountState(TEST_ACCOUNT);
  const store = new MemoryEventStore();
  const objects = new MemoryObjectStore();
  handle = createEmulator({ store, state, objects, clock: () => now });
  delivery = new Delivery({ store, state, objects, intervalMs: INTERVAL, startedAt: T0 });
  await createBucket(BUCKET);
});
useEmulatorServer(() => handle);

const ct = cloudTrailClient;
const s3 = () => s3Client();

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

async function readLogFile(key: string): Promise<{ Records: unknown[] }> {
  const got = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return JSON.parse(gunzipSync(await got.Body!.transformToByteArray()).toString('utf8')) as {
    Records: unknown[];
  };
}

/** Moves the clock one interval on, makes a call that is recorded, and delivers. */
async function tick(region = 'us-east-1') {
  now += INTERVAL;
  await ct(region).send(new DescribeTrailsCommand({}));
  return delivery.deliver(now + INTERVAL);
}

async function startTrail(multiRegion = true) {
  await ct().send(
    new CreateTrailCommand({
      Name: 'audit',
      S3BucketName: BUCKET,
      IsMultiRegionTrail: multiRegion,
      EnableLogFileValidation: true,
    }),
  );
  await ct().send(new StartLoggingCommand({ Name: 'audit' }));
}

describe('log file delivery', () => {
  it('writes the selected events as the records LookupEvents serves, in CloudTrail key layout', async () => {
    await startTrail();
    await tick('us-east-1');
    await tick('eu-west-1');
    const keys = await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail/`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).toMatch(
        new RegExp(
          `^AWSLogs/${TEST_ACCOUNT}/CloudTrail/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/${TEST_ACCOUNT}_CloudTrail_\\1_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`,
        ),
      );
    }
    for (const region of ['us-east-1', 'eu-west-1']) {
      const delivered = [];
      for (const key of keys.filter((k) => k.includes(`/CloudTrail/${region}/`)))
        delivered.push(...(await readLogFile(key)).Records);
      const served = await ct(region).send(new LookupEventsCommand({ MaxResults: 50 }));
      const lookedUp = (served.Events ?? [])
        .map((e) => JSON.parse(e.CloudTrailEvent!) as { eventTime: string })
        .filter((r) => Date.parse(r.eventTime) <= now)
        .reverse();
      expect(delivered.length).toBeGreaterThan(0);
      expect(delivered).toEqual(lookedUp.slice(0, delivered.length));
      expect(delivered.map((r) => (r as { awsRegion: string }).awsRegion)).toEqual(
        delivered.map(() => region),
      );
    }
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'audit' }));
    expect(status.LatestDeliveryTime?.getTime()).toBe(now + INTERVAL);
    expect(status.LatestDeliveryError).toBeUndefined();
  });

  it('delivers the calls made in the second logging started, though their times are before it', async () => {
    now = T0 + 400;
    await startTrail();
    const result = await delivery.deliver(T0 + 2_000);
    expect(result.written.some((k) => k.includes('/CloudTrail/us-east-1/'))).toBe(true);
    const [key] = (await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail/us-east-1/`)).filter((k) =>
      k.endsWith('.json.gz'),
    );
    const names = (await readLogFile(key!)).Records.map((r) => (r as { eventName: string }).eventName);
    expect(names).toEqual(expect.arrayContaining(['CreateTrail', 'StartLogging']));
  });

  it('delivers a single-Region trail only its home Region, and nothing once logging stopped', async () => {
    await startTrail(false);
    await tick('eu-west-1');
    await ct().send(new StopLoggingCommand({ Name: 'audit' }));
    await tick('us-east-1');
    const before = await keysUnder('AWSLogs/');
    await tick('us-east-1');
    expect(await keysUnder('AWSLogs/')).toEqual(before);
    expect(before.some((k) => k.includes('/eu-west-1/'))).toBe(false);
  });

  it('writes nothing and reports AccessDenied when the bucket policy no longer allows CloudTrail', async () => {
    await startTrail();
    // A policy for another prefix: CloudTrail may not write where this trail delivers.
    const policy = cloudTrailBucketPolicy({ bucket: BUCKET, prefix: 'elsewhere', accountId: TEST_ACCOUNT });
    await s3().send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(policy) }));
    await tick();
    expect(await keysUnder('AWSLogs/')).toEqual([]);
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'audit' }));
    expect(status.LatestDeliveryError).toBe('AccessDenied');
    expect(status.LatestDeliveryTime).toBeUndefined();
  });
});

describe('CloudWatch Logs and SNS delivery', () => {
  it('sends the delivered records to the stream <account>_CloudTrail_<region>, filterable by event name', async () => {
    const dest = await createDestinations('cwl');
    await ct().send(
      new CreateTrailCommand({
        Name: 'to-logs',
        S3BucketName: dest.bucket,
        CloudWatchLogsLogGroupArn: dest.logGroupArn,
        CloudWatchLogsRoleArn: dest.roleArn,
      }),
    );
    now += INTERVAL; // the setup's calls come before logging starts
    await ct().send(new StartLoggingCommand({ Name: 'to-logs' }));
    await tick();
    const group = dest.logGroupArn.replace(/^.*:log-group:/, '').replace(/:\*$/, '');
    const stream = `${TEST_ACCOUNT}_CloudTrail_us-east-1`;
    const logs = logsClient();
    const got = await logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true }),
    );
    const names = (got.events ?? []).map((e) => (JSON.parse(e.message!) as { eventName: string }).eventName);
    expect(names).toEqual(['StartLogging', 'DescribeTrails']);
    const filtered = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: group,
        filterPattern: '{ $.eventName = "DescribeTrails" }',
      }),
    );
    expect(filtered.events?.map((e) => e.logStreamName)).toEqual([stream]);
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '{ $.eventName ~ x }' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      logs.send(new GetLogEventsCommand({ logGroupName: 'nope', logStreamName: stream })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'to-logs' }));
    expect(status.LatestCloudWatchLogsDeliveryTime?.getTime()).toBe(now + INTERVAL);
  });

  it("publishes one SNS notification per delivered file, in CloudTrail's message shape", async () => {
    const dest = await createDestinations('sns');
    await ct().send(
      new CreateTrailCommand({ Name: 'notifying', S3BucketName: dest.bucket, SnsTopicName: dest.topicName }),
    );
    now += INTERVAL;
    await ct().send(new StartLoggingCommand({ Name: 'notifying' }));
    const { written } = await tick();
    expect(written.length).toBeGreaterThan(0);
    const published = state.snsTopics.get(dest.topicArn)?.notifications ?? [];
    expect(published.map((n) => JSON.parse(n.message) as unknown)).toEqual(
      written.map((key) => ({ s3Bucket: dest.bucket, s3ObjectKey: [key] })),
    );
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'notifying' }));
    expect(status.LatestNotificationTime?.getTime()).toBe(now + INTERVAL);
  });
});

describe('digest files', () => {
  it('signs a chain of digests that an independent check accepts, and catches a replaced log file', async () => {
    await startTrail();
    for (let i = 0; i < 2 * DELIVERIES_PER_DIGEST + 1; i++) await tick(i % 2 ? 'eu-west-1' : 'us-east-1');
    const digests = await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail-Digest/us-east-1/`);
    expect(digests).toHaveLength(2);
    expect(digests[0]).toMatch(
      new RegExp(`/${TEST_ACCOUNT}_CloudTrail-Digest_us-east-1_audit_us-east-1_\\d{8}T\\d{6}Z\\.json\\.gz$`),
    );
    const status = await ct().send(new GetTrailStatusCommand({ Name: 'audit' }));
    expect(status.LatestDigestDeliveryTime).toBeInstanceOf(Date);

    const keys = await ct().send(new ListPublicKeysCommand({}));
    expect(keys.PublicKeyList).toHaveLength(1);
    expect(keys.PublicKeyList![0]!.Fingerprint).toMatch(/^[0-9a-f]{32}$/);

    const check = (region: string) =>
      verifyTrailLogs({
        s3: s3(),
        cloudtrail: ct(region),
        bucket: BUCKET,
        accountId: TEST_ACCOUNT,
        region,
        trailName: 'audit',
        homeRegion: 'us-east-1',
      });
    const verdicts = [...(await check('us-east-1')), ...(await check('eu-west-1'))];
    expect(verdicts.filter((v) => v.file === 'digest')).toHaveLength(4);
    expect(verdicts.filter((v) => v.file === 'log').length).toBeGreaterThanOrEqual(
      2 * DELIVERIES_PER_DIGEST - 2,
    );
    expect(verdicts.filter((v) => !v.valid)).toEqual([]);

    const tampered = verdicts.find((v) => v.file === 'log')!.key;
    await s3().send(
      new PutObjectCommand({ Bucket: BUCKET, Key: tampered, Body: gzipSync('{"Records":[]}') }),
    );
    const after = [...(await check('us-east-1')), ...(await check('eu-west-1'))];
    expect(after.filter((v) => !v.valid)).toEqual([
      { file: 'log', key: tampered, valid: false, reason: 'hash' },
    ]);

    // The console's validation (src/domain/log-file-validation.ts) comes to the same verdicts.
    const publicKeys = new Map<string, Uint8Array>();
    for (const region of ['us-east-1', 'eu-west-1']) {
      const listed = await ct(region).send(new ListPublicKeysCommand({ StartTime: new Date(T0) }));
      for (const k of listed.PublicKeyList ?? []) publicKeys.set(k.Fingerprint!, k.Value!);
    }
    const progress: number[] = [];
    const inConsole = await validateLogFiles({
      target: {
        bucket: BUCKET,
        accountId: TEST_ACCOUNT,
        trailName: 'audit',
        homeRegion: 'us-east-1',
        regions: ['us-east-1', 'eu-west-1'],
      },
      start: T0,
      end: now + INTERVAL,
      publicKeys,
      reader: {
        listKeys: async (bucket, prefix) =>
          (
            (await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []
          ).map((o) => o.Key!),
        get: async (bucket, key) => {
          const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          return { body: await got.Body!.transformToByteArray(), metadata: got.Metadata ?? {} };
        },
      },
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(inConsole.length).toBe(after.length);
    expect(inConsole.filter((v) => !v.valid)).toEqual([
      {
        file: 'Log file',
        bucket: BUCKET,
        key: tampered,
        valid: false,
        result: "INVALID: hash value doesn't match",
      },
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it('continues the chain of a Region with no log files, with digests whose logFiles are empty', async () => {
    // A call in ap-south-1 before logging starts: the trail covers the Region but delivers nothing there.
    now = T0 - 5000;
    await ct('ap-south-1').send(new DescribeTrailsCommand({}));
    now = T0;
    await startTrail();
    for (let i = 0; i < 2 * DELIVERIES_PER_DIGEST + 1; i++) await tick('us-east-1');
    expect(await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail/ap-south-1/`)).toEqual([]);
    const quiet = await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail-Digest/ap-south-1/`);
    expect(quiet).toHaveLength(2);
    const [first, second] = await Promise.all(
      quiet.map(async (key) => {
        const got = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
        return JSON.parse(gunzipSync(await got.Body!.transformToByteArray()).toString('utf8')) as {
          digestStartTime: string;
          digestEndTime: string;
          logFiles: unknown[];
          previousDigestS3Object: string | null;
        };
      }),
    );
    expect(first!.logFiles).toEqual([]);
    expect(second!.logFiles).toEqual([]);
    expect(first!.previousDigestS3Object).toBeNull();
    expect(second!.previousDigestS3Object).toBe(quiet[0]);
    expect(second!.digestStartTime).toBe(first!.digestEndTime);
    // Together with the home Region's digests, and all of them verify.
    const home = await keysUnder(`AWSLogs/${TEST_ACCOUNT}/CloudTrail-Digest/us-east-1/`);
    expect(home.map(digestKeyTime)).toEqual(quiet.map(digestKeyTime));
    const verdicts = await verifyTrailLogs({
      s3: s3(),
      cloudtrail: ct('ap-south-1'),
      bucket: BUCKET,
      accountId: TEST_ACCOUNT,
      region: 'ap-south-1',
      trailName: 'audit',
      homeRegion: 'us-east-1',
    });
    expect(verdicts).toHaveLength(2);
    expect(verdicts.filter((v) => !v.valid)).toEqual([]);
  });

  it('lists the current key of a Region that has signed nothing yet, the same one each time', async () => {
    const first = await ct('ap-south-1').send(new ListPublicKeysCommand({}));
    expect(first.PublicKeyList).toHaveLength(1);
    const [key] = first.PublicKeyList!;
    expect(key!.ValidityStartTime!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(key!.ValidityEndTime!.getTime()).toBeGreaterThan(Date.now());
    const again = await ct('ap-south-1').send(new ListPublicKeysCommand({}));
    expect(again.PublicKeyList!.map((k) => k.Fingerprint)).toEqual([key!.Fingerprint]);
  });

  it('rejects a time range that ends before it starts', async () => {
    await expect(
      ct().send(new ListPublicKeysCommand({ StartTime: new Date(T0), EndTime: new Date(T0 - 1) })),
    ).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
  });
});

// An S3 copy of the bucket's AWSLogs (`aws s3 cp --recursive s3://BUCKET/AWSLogs ./logs`): the bytes of
// each object under `logs/…`, without their metadata.
async function copiedFolder(): Promise<Map<string, Uint8Array>> {
  const folder = new Map<string, Uint8Array>();
  for (const key of await keysUnder('AWSLogs/')) {
    const got = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    folder.set(`logs/${key.slice('AWSLogs/'.length)}`, await got.Body!.transformToByteArray());
  }
  return folder;
}

describe('validating a folder of delivered files', () => {
  const filesOf = (folder: Map<string, Uint8Array>): FolderFile[] =>
    [...folder].map(([path, bytes]) => ({ path, read: async () => bytes }));
  const publicKeys = async (region: string, start: Date, end: Date) => {
    const listed = await ct(region).send(new ListPublicKeysCommand({ StartTime: start, EndTime: end }));
    return new Map((listed.PublicKeyList ?? []).map((k) => [k.Fingerprint!, k.Value!]));
  };
  const signatureOf = async (bucket: string, key: string) =>
    (await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).Metadata?.signature;

  it('finds every digest and log file valid, and a replaced log file INVALID', async () => {
    await startTrail();
    for (let i = 0; i < 2 * DELIVERIES_PER_DIGEST + 1; i++) await tick(i % 2 ? 'eu-west-1' : 'us-east-1');
    const folder = await copiedFolder();
    expect(hasDigestFiles([...folder.keys()])).toBe(true);
    expect(hasDigestFiles([...folder.keys()].filter((p) => !p.includes('CloudTrail-Digest')))).toBe(false);

    const progress: Array<[number, number]> = [];
    const verdicts = await validateFolder({
      files: filesOf(folder),
      publicKeys,
      signatureOf,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(verdicts.filter((v) => v.file === 'Digest file')).toHaveLength(4); // two per Region
    expect(verdicts.filter((v) => v.file === 'Log file').length).toBeGreaterThanOrEqual(
      2 * DELIVERIES_PER_DIGEST - 2,
    );
    expect(verdicts.filter((v) => !v.valid)).toEqual([]);
    expect(progress.at(-1)).toEqual([verdicts.length, verdicts.length]);

    const tampered = verdicts.find((v) => v.file === 'Log file')!.key;
    folder.set(`logs/${tampered.slice('AWSLogs/'.length)}`, gzipSync('{"Records":[]}'));
    const after = await validateFolder({ files: filesOf(folder), publicKeys, signatureOf });
    expect(after.filter((v) => !v.valid)).toEqual([
      {
        file: 'Log file',
        bucket: BUCKET,
        key: tampered,
        valid: false,
        result: "INVALID: hash value doesn't match",
      },
    ]);

    // Without the bucket, the newest digest of each chain has no signature to check; the older ones
    // take theirs from the next digest.
    const offline = await validateFolder({ files: filesOf(folder), publicKeys });
    const digestResults = offline.filter((v) => v.file === 'Digest file').map((v) => v.result);
    expect(digestResults.sort()).toEqual([
      "INVALID: no signature in the digest file's metadata",
      "INVALID: no signature in the digest file's metadata",
      'valid',
      'valid',
    ]);
  });

  it('finds a digest chain that forks INVALID (a delivery redone without its plan, as before 2026-12)', async () => {
    await startTrail();
    let before = '';
    for (let digests = 0; digests < 2;) {
      before = serializeState(state);
      const { written } = await tick();
      if (written.some((key) => key.includes('CloudTrail-Digest/us-east-1/'))) digests++;
    }
    // The trail as it was before that delivery: it is done again, later, with keys of its own.
    state.trails.clear();
    for (const [arn, trail] of deserializeState(before).trails) state.trails.set(arn, trail);
    now += 5 * INTERVAL;
    await delivery.deliver(now + INTERVAL);
    const verdicts = await validateFolder({ files: filesOf(await copiedFolder()), publicKeys, signatureOf });
    const forks = verdicts.filter((v) => v.result.startsWith('INVALID: the chain forks'));
    expect(forks.length).toBeGreaterThan(0);
  });
});
