// @vitest-environment node
// Lake query results saved to S3 by the local backend (DuckDB engine, file object store), over HTTP with
// the JS SDK: the result and sign files in the query's folder, the CSV against GetQueryResults, the sign
// file verified with the key ListPublicKeys serves; after a restart the files and the key are still there
// and still verify, while the query itself is gone as every query is (they are kept in memory only).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeQueryCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  StartQueryCommand,
  type CloudTrailClient,
  type DescribeQueryCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, ListObjectsV2Command, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { lakeQueryResultsBucketPolicy } from '@/domain/cloudtrail-policies';
import { BUILT_IN_STORE_NAME } from '@/domain/lake';
import type { LocalBackend } from '@/server/backends/local-backend';
import { LOCAL_ACCOUNT, localClients, startLocalServer } from '@/test/local-server';
import { makeRecord, T0 } from '@/test/records';
import { verifyQueryResults } from '@/test/verify-query-results';
import type { RunningServer } from '../main';

const root = mkdtempSync(join(tmpdir(), 'trailview-lake-delivery-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function delivered(ct: CloudTrailClient, queryId: string): Promise<DescribeQueryCommandOutput> {
  for (;;) {
    const described = await ct.send(new DescribeQueryCommand({ QueryId: queryId }));
    const running = described.QueryStatus === 'QUEUED' || described.QueryStatus === 'RUNNING';
    if (!running && described.DeliveryStatus !== 'PENDING') return described;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Lake query results saved to S3 in the local backend', () => {
  it('writes verifiable files that outlive a restart', async () => {
    server = await startLocalServer(root);
    await (server.backend as LocalBackend).store.bulk('import', (writer) =>
      writer.append([
        makeRecord({ time: T0 - 2000, eventName: 'GetObject', eventSource: 'lake-fixture.test' }),
        makeRecord({ time: T0 - 1000, eventName: '@SUM(1,2)', eventSource: 'lake-fixture.test' }),
      ]),
    );
    let clients = localClients(server);
    const { ct, s3 } = clients;
    const stores = await ct.send(new ListEventDataStoresCommand({}));
    const storeId = stores
      .EventDataStores!.find((s) => s.Name === BUILT_IN_STORE_NAME)!
      .EventDataStoreArn!.split('/')[1]!;

    await expect(
      ct.send(
        new StartQueryCommand({
          QueryStatement: `SELECT 1 FROM ${storeId}`,
          DeliveryS3Uri: 's3://not-there',
        }),
      ),
    ).rejects.toMatchObject({ name: 'S3BucketDoesNotExistException' });
    await s3.send(new CreateBucketCommand({ Bucket: 'local-results' }));
    await expect(
      ct.send(
        new StartQueryCommand({
          QueryStatement: `SELECT 1 FROM ${storeId}`,
          DeliveryS3Uri: 's3://local-results',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InsufficientS3BucketPolicyException' });
    const policy = lakeQueryResultsBucketPolicy({
      bucket: 'local-results',
      accountId: LOCAL_ACCOUNT,
      region: 'us-east-1',
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'local-results', Policy: JSON.stringify(policy) }));

    const { QueryId } = await ct.send(
      new StartQueryCommand({
        QueryStatement: `SELECT eventName, eventTime FROM ${storeId} WHERE eventSource = 'lake-fixture.test' ORDER BY eventTime`,
        DeliveryS3Uri: 's3://local-results/saved/',
      }),
    );
    expect(await delivered(ct, QueryId!)).toMatchObject({
      QueryStatus: 'FINISHED',
      DeliveryS3Uri: 's3://local-results/saved/',
      DeliveryStatus: 'SUCCESS',
    });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'local-results' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key!);
    const folder = keys[0]!.slice(0, keys[0]!.lastIndexOf('/'));
    expect(folder).toMatch(
      new RegExp(`^saved/AWSLogs/${LOCAL_ACCOUNT}/CloudTrail-Lake/Query/\\d{4}/\\d{2}/\\d{2}/${QueryId}$`),
    );
    expect(keys).toEqual([`${folder}/result_1.csv.gz`, `${folder}/result_sign.json`]);

    const page = await ct.send(new GetQueryResultsCommand({ QueryId }));
    const rows = (page.QueryResultRows ?? []).map((row) => row.map((cell) => Object.values(cell)[0]!));
    expect(rows.map((r) => r[0])).toEqual(['GetObject', '@SUM(1,2)']);
    const check = await verifyQueryResults({ s3, cloudtrail: ct, bucket: 'local-results', folder });
    expect(check.problems).toEqual([]);
    expect(check.csv).toEqual([
      ['eventName', 'eventTime'],
      ...rows.map(([name, time]) => [name!.startsWith('@') ? `'${name}` : name, time]),
    ]);

    await server.stop();
    server = await startLocalServer(root);
    clients = localClients(server);
    const again = await verifyQueryResults({
      s3: clients.s3,
      cloudtrail: clients.ct,
      bucket: 'local-results',
      folder,
    });
    expect(again.problems).toEqual([]);
    expect(again.firstFile).toEqual(check.firstFile);
    await expect(clients.ct.send(new DescribeQueryCommand({ QueryId }))).rejects.toMatchObject({
      name: 'QueryIdNotFoundException',
    });
  }, 60_000);
});
