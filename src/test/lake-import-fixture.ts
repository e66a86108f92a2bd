// Log files for the Lake import tests (StartImport), generated here: a bucket in CloudTrail's layout with
// files before, inside and across the import's range, a digest file and an object outside the CloudTrail
// prefix that an import must not read, and what the range should copy.
import {
  DescribeQueryCommand,
  GetImportCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudTrailClient,
  type GetImportCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { gzip } from '@/domain/bytes';
import { logFileKey } from '@/domain/delivery-files';
import type { CloudTrailRecord } from '@/domain/record';
import { makeRecord } from './records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Marks the fixture's events, so a query counts them and not the test's own audited calls. */
export const IMPORT_MARKER = 'lake-import-fixture/1.0';

export async function logFileBody(records: readonly CloudTrailRecord[]): Promise<Uint8Array> {
  return gzip(new TextEncoder().encode(JSON.stringify({ Records: records })));
}

export interface ImportFixture {
  bucket: string;
  startMs: number;
  endMs: number;
  /** The eventIDs the range copies. */
  expected: string[];
  /** Folders holding files the range reads. */
  prefixes: number;
  files: number;
}

/**
 * Puts the fixture's objects into a new bucket: events `base - 3 days` (file named before the range: not
 * read), `base - 2 days` (5 in range, one a data event no management selector selects), `base - 1 day` (3 in
 * range and 2 after its end, in one file), a digest file and a file outside any CloudTrail prefix.
 */
export async function putImportFixture(
  s3: S3Client,
  accountId: string,
  bucket: string,
  base: number,
  extra: Array<{ key: string; body: Uint8Array }> = [],
): Promise<ImportFixture> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const event = (time: number, overrides: Partial<CloudTrailRecord> = {}) =>
    makeRecord({ time, userAgent: IMPORT_MARKER, recipientAccountId: accountId, ...overrides });
  const startMs = base - 2 * DAY - HOUR;
  const endMs = base - DAY;
  const before = [0, 1, 2, 3].map((i) => event(base - 3 * DAY + i * 60_000));
  const second = [0, 1, 2, 3].map((i) => event(base - 2 * DAY + i * 60_000));
  second.push(
    event(base - 2 * DAY + 5 * 60_000, {
      eventCategory: 'Data',
      managementEvent: false,
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      readOnly: true,
      resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/a.txt` }],
    }),
  );
  const inside = [1, 2, 3].map((i) => event(endMs - i * 60_000));
  const after = [1, 2].map((i) => event(endMs + i * 60_000));
  const key = (time: number, unique: string) =>
    logFileKey({ accountId, region: 'us-east-1', kind: 'CloudTrail', time, unique });
  const put = async (k: string, body: Uint8Array) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: k, Body: body }));
  await put(key(base - 3 * DAY + 10 * 60_000, 'aaaaaaaaaaaaaaaa'), await logFileBody(before));
  await put(key(base - 2 * DAY + 10 * 60_000, 'bbbbbbbbbbbbbbbb'), await logFileBody(second));
  await put(key(endMs + 10 * 60_000, 'cccccccccccccccc'), await logFileBody([...inside, ...after]));
  // Not log files of the CloudTrail prefix: never read.
  const stray = [event(base - 2 * DAY + 30 * 60_000)];
  await put(
    `AWSLogs/${accountId}/CloudTrail-Digest/us-east-1/2026/01/01/${accountId}_CloudTrail-Digest_us-east-1_x_us-east-1_20260101T000000Z.json.gz`,
    await logFileBody(stray),
  );
  await put(`exports/${accountId}_CloudTrail_us-east-1_stray.json.gz`, await logFileBody(stray));
  for (const object of extra) await put(object.key, object.body);
  return {
    bucket,
    startMs,
    endMs,
    expected: [...second, ...inside].map((r) => r.eventID).sort(),
    prefixes: 2,
    files: 2,
  };
}

export { DAY, HOUR };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GetImport until the import has ended (COMPLETED, FAILED or STOPPED). */
export async function settledImport(ct: CloudTrailClient, importId: string): Promise<GetImportCommandOutput> {
  for (;;) {
    const got = await ct.send(new GetImportCommand({ ImportId: importId }));
    if (got.ImportStatus !== 'INITIALIZING' && got.ImportStatus !== 'IN_PROGRESS') return got;
    await pause(10);
  }
}

/** The sorted eventIDs of the store's events that match `where` (by default: the fixture's events). */
export async function storeEventIds(
  ct: CloudTrailClient,
  storeId: string,
  where = `userAgent = '${IMPORT_MARKER}'`,
): Promise<string[]> {
  const { QueryId } = await ct.send(
    new StartQueryCommand({ QueryStatement: `SELECT eventID FROM ${storeId} WHERE ${where}` }),
  );
  for (;;) {
    const described = await ct.send(new DescribeQueryCommand({ QueryId }));
    if (described.QueryStatus === 'FINISHED') break;
    if (described.QueryStatus !== 'QUEUED' && described.QueryStatus !== 'RUNNING')
      throw new Error(`query ${described.QueryStatus}: ${described.ErrorMessage ?? ''}`);
    await pause(10);
  }
  const results = await ct.send(new GetQueryResultsCommand({ QueryId }));
  return (results.QueryResultRows ?? []).map((row) => row[0]!.eventID!).sort();
}
