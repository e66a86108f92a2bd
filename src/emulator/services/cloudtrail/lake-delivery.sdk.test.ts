// @vitest-environment node
// Lake query results saved to S3 (StartQuery DeliveryS3Uri) in the demo build's emulator, through the AWS
// SDK: the objects' keys, the CSV against GetQueryResults, the sign file verified with node:crypto and the
// key ListPublicKeys serves (src/test/verify-query-results.ts, from the documentation alone), the
// DeliveryS3Uri errors, and DeliveryStatus when the bucket goes away or the query is cancelled.
import { gzipSync } from 'node:zlib';
import {
  CancelQueryCommand,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  ListQueriesCommand,
  StartQueryCommand,
  type DescribeQueryCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudTrailBucketPolicy, lakeQueryResultsBucketPolicy } from '@/domain/cloudtrail-policies';
import { createEmulator, type EmulatorHandler } from '@/emulator/handler';
import { MemoryObjectStore } from '@/emulator/objects/object-store';
import { createAccountState, type AccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, s3Client, useEmulatorServer } from '@/test/sdk';
import { verifyQueryResults } from '@/test/verify-query-results';
import type { LakeEngine } from './lake-queries';
import { memoryLakeEngine } from './lake-memory-engine';

const ct = cloudTrailClient();
const s3 = s3Client();
let handle: EmulatorHandler;
let state: AccountState;
let storeId: string;
/** While set, queries wait for it before they run (the test acts "mid-query"). */
let gate: { promise: Promise<void>; open: () => void } | undefined;

useEmulatorServer(() => handle);

/** The demo's engine, holding each query at the gate. */
function gatedEngine(inner: LakeEngine): LakeEngine {
  return {
    timeLimitMs: inner.timeLimitMs,
    async prepare(statement, stores, now) {
      const prepared = await inner.prepare(statement, stores, now);
      const held = gate?.promise;
      return {
        storeIds: prepared.storeIds,
        async run(signal) {
          if (held) {
            await new Promise<void>((resolve, reject) => {
              void held.then(resolve);
              signal.addEventListener('abort', () => reject(new Error('aborted')));
            });
          }
          return prepared.run(signal);
        },
      };
    },
  };
}

beforeEach(() => {
  gate = undefined;
  const store = new MemoryEventStore();
  store.appendSync([
    makeRecord({ time: T0 - 3000, eventName: 'RunInstances' }),
    makeRecord({ time: T0 - 2000, eventName: 'TerminateInstances' }),
    // Untrusted event data: a user name that a spreadsheet would run as a formula.
    makeRecord({
      time: T0 - 1000,
      eventName: 'CreateUser',
      eventSource: 'iam.amazonaws.com',
      userIdentity: { type: 'IAMUser', userName: '=HYPERLINK("https://x.test","a,b")' },
    }),
  ]);
  state = createAccountState(TEST_ACCOUNT);
  handle = createEmulator({
    store,
    state,
    objects: new MemoryObjectStore(),
    audit: false,
    lake: {
      engine: gatedEngine(memoryLakeEngine(() => store.records())),
      builtInStoreRegion: 'us-east-1',
    },
  });
});

async function builtInStoreId(): Promise<string> {
  const stores = await ct.send(new ListEventDataStoresCommand({}));
  return stores.EventDataStores![0]!.EventDataStoreArn!.split('/').at(-1)!;
}

async function lakeBucket(bucket: string) {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const policy = lakeQueryResultsBucketPolicy({ bucket, accountId: TEST_ACCOUNT, region: 'us-east-1' });
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
}

/** DescribeQuery until the query has ended and its delivery is no longer PENDING. */
async function delivered(queryId: string): Promise<DescribeQueryCommandOutput> {
  for (;;) {
    const described = await ct.send(new DescribeQueryCommand({ QueryId: queryId }));
    const running = described.QueryStatus === 'QUEUED' || described.QueryStatus === 'RUNNING';
    if (!running && described.DeliveryStatus !== 'PENDING') return described;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function keysUnder(bucket: string, prefix = ''): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

describe('Lake query results saved to S3 (demo emulator)', () => {
  it('writes result_1.csv.gz and a sign file that verifies with the key ListPublicKeys serves', async () => {
    storeId = await builtInStoreId();
    await lakeBucket('lake-results');
    const statement = `SELECT eventName, userIdentity.userName AS who FROM ${storeId} ORDER BY eventTime`;
    const { QueryId } = await ct.send(
      new StartQueryCommand({ QueryStatement: statement, DeliveryS3Uri: 's3://lake-results/team' }),
    );
    const described = await delivered(QueryId!);
    expect(described).toMatchObject({
      QueryStatus: 'FINISHED',
      DeliveryS3Uri: 's3://lake-results/team',
      DeliveryStatus: 'SUCCESS',
    });

    const keys = await keysUnder('lake-results');
    const layout = new RegExp(
      `^team/AWSLogs/${TEST_ACCOUNT}/CloudTrail-Lake/Query/\\d{4}/\\d{2}/\\d{2}/${QueryId}/`,
    );
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => layout.test(k))).toBe(true);
    expect(keys.map((k) => k.split('/').at(-1))).toEqual(['result_1.csv.gz', 'result_sign.json']);
    const folder = keys[0]!.slice(0, keys[0]!.lastIndexOf('/'));

    const page = await ct.send(new GetQueryResultsCommand({ QueryId }));
    const fromApi = (page.QueryResultRows ?? []).map((row) => row.map((cell) => Object.values(cell)[0]!));
    expect(fromApi).toHaveLength(3);
    const check = await verifyQueryResults({ s3, cloudtrail: ct, bucket: 'lake-results', folder });
    expect(check.problems).toEqual([]);
    expect(check.csv[0]).toEqual(['eventName', 'who']);
    // The same rows, with the formula neutralised by a leading quote.
    expect(check.csv.slice(1)).toEqual(
      fromApi.map((row) => row.map((v) => (v.startsWith('=') ? `'${v}` : v))),
    );
    expect(check.csv[3]).toEqual(['CreateUser', `'=HYPERLINK("https://x.test","a,b")`]);
    expect(check.sign).toMatchObject({
      version: '1.0',
      region: 'us-east-1',
      files: [{ fileName: 'result_1.csv.gz' }],
      hashAlgorithm: 'SHA-256',
      signatureAlgorithm: 'SHA256withRSA',
    });
    const completed = new Date(check.sign.queryCompleteTime).toISOString();
    expect(folder).toContain(`/Query/${completed.slice(0, 10).replaceAll('-', '/')}/`);

    // A result file changed after delivery no longer matches the sign file.
    await s3.send(
      new PutObjectCommand({
        Bucket: 'lake-results',
        Key: `${folder}/result_1.csv.gz`,
        Body: gzipSync('x\r\n'),
      }),
    );
    const tampered = await verifyQueryResults({ s3, cloudtrail: ct, bucket: 'lake-results', folder });
    expect(tampered.problems).toEqual([
      expect.stringMatching(/^File result_1\.csv\.gz has inconsistent hash value/) as string,
    ]);

    // ListQueries lists it as any other query.
    const listed = await ct.send(new ListQueriesCommand({ EventDataStore: storeId }));
    expect(listed.Queries).toEqual([
      { QueryId, QueryStatus: 'FINISHED', CreationTime: expect.any(Date) as Date },
    ]);
  });

  it('writes to the bucket root without a prefix, into a trail bucket whose policy covers AWSLogs/', async () => {
    storeId = await builtInStoreId();
    await s3.send(new CreateBucketCommand({ Bucket: 'trail-bucket' }));
    const policy = cloudTrailBucketPolicy({ bucket: 'trail-bucket', accountId: TEST_ACCOUNT });
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'trail-bucket', Policy: JSON.stringify(policy) }));
    const { QueryId } = await ct.send(
      new StartQueryCommand({
        QueryStatement: `SELECT count(*) FROM ${storeId}`,
        DeliveryS3Uri: 's3://trail-bucket',
      }),
    );
    expect((await delivered(QueryId!)).DeliveryStatus).toBe('SUCCESS');
    const keys = await keysUnder('trail-bucket');
    expect(keys.map((k) => k.replace(/\d{4}\/\d{2}\/\d{2}/, 'DATE'))).toEqual([
      `AWSLogs/${TEST_ACCOUNT}/CloudTrail-Lake/Query/DATE/${QueryId}/result_1.csv.gz`,
      `AWSLogs/${TEST_ACCOUNT}/CloudTrail-Lake/Query/DATE/${QueryId}/result_sign.json`,
    ]);
  });

  it('refuses a DeliveryS3Uri CloudTrail cannot write to', async () => {
    storeId = await builtInStoreId();
    await s3.send(new CreateBucketCommand({ Bucket: 'no-policy' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'other-prefix' }));
    const trailOnly = cloudTrailBucketPolicy({
      bucket: 'other-prefix',
      prefix: 'trails',
      accountId: TEST_ACCOUNT,
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'other-prefix', Policy: JSON.stringify(trailOnly) }));
    const start = (uri: string) =>
      ct.send(
        new StartQueryCommand({ QueryStatement: `SELECT count(*) FROM ${storeId}`, DeliveryS3Uri: uri }),
      );
    await expect(start('https://lake-results/x')).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(start('s3://Lake_Results')).rejects.toMatchObject({ name: 'InvalidS3BucketNameException' });
    await expect(start('s3://missing-bucket/x')).rejects.toMatchObject({
      name: 'S3BucketDoesNotExistException',
      message: 'The S3 bucket missing-bucket does not exist. Create it, or choose another bucket.',
    });
    await expect(start('s3://no-policy')).rejects.toMatchObject({
      name: 'InsufficientS3BucketPolicyException',
      message: 'Incorrect S3 bucket policy is detected for bucket: no-policy',
    });
    await expect(start('s3://other-prefix/lake')).rejects.toMatchObject({
      name: 'InsufficientS3BucketPolicyException',
    });
    // The trail's own prefix is fine: its policy covers trails/AWSLogs/<account>/*.
    await expect(start('s3://other-prefix/trails')).resolves.toHaveProperty('QueryId');
    const listed = await ct.send(new ListQueriesCommand({ EventDataStore: storeId }));
    expect(listed.Queries).toHaveLength(1);
  });

  it('reports the delivery failed when the bucket goes away or shuts CloudTrail out mid-query; the results stay', async () => {
    storeId = await builtInStoreId();
    await lakeBucket('goes-away');
    await lakeBucket('shuts-out');
    let open!: () => void;
    gate = { promise: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
    const statement = `SELECT eventName FROM ${storeId}`;
    const gone = await ct.send(
      new StartQueryCommand({ QueryStatement: statement, DeliveryS3Uri: 's3://goes-away' }),
    );
    const denied = await ct.send(
      new StartQueryCommand({ QueryStatement: statement, DeliveryS3Uri: 's3://shuts-out/p' }),
    );
    const running = await ct.send(new DescribeQueryCommand({ QueryId: gone.QueryId }));
    expect(running).toMatchObject({ DeliveryS3Uri: 's3://goes-away', DeliveryStatus: 'PENDING' });
    // The emulated S3 has no DeleteBucket: the bucket leaves the account state as DeleteBucket would.
    state.buckets.delete('goes-away');
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'shuts-out',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${TEST_ACCOUNT}:root` },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::shuts-out/*',
            },
          ],
        }),
      }),
    );
    gate.open();
    expect(await delivered(gone.QueryId!)).toMatchObject({
      QueryStatus: 'FINISHED',
      DeliveryStatus: 'RESOURCE_NOT_FOUND',
    });
    expect(await delivered(denied.QueryId!)).toMatchObject({
      QueryStatus: 'FINISHED',
      DeliveryStatus: 'ACCESS_DENIED',
    });
    expect(await keysUnder('shuts-out')).toEqual([]);
    const results = await ct.send(new GetQueryResultsCommand({ QueryId: gone.QueryId }));
    expect(results.QueryResultRows).toHaveLength(3);
  });

  it('delivers nothing for a cancelled query', async () => {
    storeId = await builtInStoreId();
    await lakeBucket('cancelled-results');
    gate = { promise: new Promise<void>(() => {}), open: () => {} };
    const { QueryId } = await ct.send(
      new StartQueryCommand({
        QueryStatement: `SELECT eventName FROM ${storeId}`,
        DeliveryS3Uri: 's3://cancelled-results',
      }),
    );
    await ct.send(new CancelQueryCommand({ QueryId }));
    expect(await delivered(QueryId!)).toMatchObject({
      QueryStatus: 'CANCELLED',
      DeliveryStatus: 'CANCELLED',
    });
    expect(await keysUnder('cancelled-results')).toEqual([]);
  });

  it('answers no delivery members for a query without DeliveryS3Uri', async () => {
    storeId = await builtInStoreId();
    const { QueryId } = await ct.send(
      new StartQueryCommand({ QueryStatement: `SELECT count(*) FROM ${storeId}` }),
    );
    const described = await delivered(QueryId!);
    expect(described.DeliveryS3Uri).toBeUndefined();
    expect(described.DeliveryStatus).toBeUndefined();
  });
});
