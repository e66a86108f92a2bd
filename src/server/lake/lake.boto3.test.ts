// @vitest-environment node
// CloudTrail Lake in the local backend through boto3, as the done-when states it: list the built-in
// store, start a query, poll DescribeQuery to FINISHED and page GetQueryResults with NextToken. Runs where
// python3 has boto3 (the JS SDK and the AWS CLI cover the same calls in lake.sdk.test.ts).
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_NAME } from '@/domain/lake';
import type { LocalBackend } from '@/server/backends/local-backend';
import { startTestServer, type TestServer } from '@/test/local-server';
import { makeRecord, T0 } from '@/test/records';

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

// The script prints one JSON document: the store names, the final status, the pages' sizes and the rows.
const SCRIPT = `
import json, os, sys, time
import boto3
ct = boto3.client('cloudtrail', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                  aws_access_key_id='AKIAIOSFODNN7EXAMPLE', aws_secret_access_key='x')
stores = ct.list_event_data_stores()['EventDataStores']
store = next(s for s in stores if s['Name'] == sys.argv[1])
store_id = store['EventDataStoreArn'].split('/')[-1]
query_id = ct.start_query(QueryStatement=f'SELECT eventName, COUNT(*) AS calls FROM {store_id} '
                          'GROUP BY eventName ORDER BY calls DESC, eventName')['QueryId']
while True:
    status = ct.describe_query(QueryId=query_id)['QueryStatus']
    if status not in ('QUEUED', 'RUNNING'):
        break
    time.sleep(0.05)
pages, rows, token = [], [], None
while True:
    args = {'QueryId': query_id, 'MaxQueryResults': 2}
    if token:
        args['NextToken'] = token
    page = ct.get_query_results(**args)
    pages.append(len(page['QueryResultRows']))
    rows += [{k: v for cell in row for k, v in cell.items()} for row in page['QueryResultRows']]
    token = page.get('NextToken')
    if not token:
        break
print(json.dumps({'stores': [s['Name'] for s in stores], 'status': status, 'pages': pages, 'rows': rows}))
`;

let running: TestServer;

beforeAll(async () => {
  running = await startTestServer('lake-boto3');
  const names = ['RunInstances', 'RunInstances', 'RunInstances', 'ListUsers', 'ListUsers', 'GetObject'];
  const records = names.map((eventName, i) => makeRecord({ time: T0 - (i + 1) * 60_000, eventName }));
  await (running.server.backend as LocalBackend).store.bulk('import', (w) => w.append(records));
}, 60_000);

afterAll(async () => {
  await running?.stop();
});

describe.skipIf(!hasBoto3)('Lake API over boto3', () => {
  it('lists the built-in store, polls a query to FINISHED and pages its results', async () => {
    const { stdout } = await promisify(execFile)('python3', ['-c', SCRIPT, BUILT_IN_STORE_NAME], {
      env: { ...process.env, ENDPOINT: `${running.server.url}/aws` },
    });
    const out = JSON.parse(stdout) as {
      stores: string[];
      status: string;
      pages: number[];
      rows: Array<Record<string, string>>;
    };
    expect(out.stores).toContain(BUILT_IN_STORE_NAME);
    expect(out.status).toBe('FINISHED');
    // The fixture's three names, and the audit events of the calls the script made before the query ran.
    expect(out.rows.slice(0, 2)).toEqual([
      { eventName: 'RunInstances', calls: '3' },
      { eventName: 'ListUsers', calls: '2' },
    ]);
    expect(out.rows).toContainEqual({ eventName: 'GetObject', calls: '1' });
    expect(out.pages.length).toBeGreaterThan(1);
    expect(out.pages.slice(0, -1).every((n) => n === 2)).toBe(true);
  }, 60_000);
});
