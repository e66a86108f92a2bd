// @vitest-environment node
// CloudTrail Lake in the local backend, over HTTP: the JS SDK and the AWS CLI list the built-in store,
// start a query, poll DescribeQuery to FINISHED and page through GetQueryResults; the documentation's
// sample queries give the right answers on a fixture; bad statements get Lake's errors.
import {
  CancelQueryCommand,
  CloudTrailClient,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  DescribeQueryCommand,
  GetEventDataStoreCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  ListQueriesCommand,
  LookupEventsCommand,
  StartEventDataStoreIngestionCommand,
  StartQueryCommand,
  StopEventDataStoreIngestionCommand,
  UpdateEventDataStoreCommand,
  type GetQueryResultsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_NAME } from '@/domain/lake';
import { generateLakeQuery, PROMPT_FAMILIES } from '@/domain/lake-nl';
import { LAKE_SAMPLE_QUERIES, sampleSql } from '@/domain/lake-samples';
import type { CloudTrailRecord } from '@/domain/record';
import type { LocalBackend } from '@/server/backends/local-backend';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { startTestServer, type TestServer } from '@/test/local-server';
import type { RunningServer } from '../main';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-checked' };
let running: TestServer;
let server: RunningServer;
let client: CloudTrailClient;
let storeId: string;

const HOUR = 3_600_000;
const user = (name: string) => ({
  type: 'IAMUser' as const,
  principalId: `AIDA${name.toUpperCase()}`,
  arn: `arn:aws:iam::${TEST_ACCOUNT}:user/${name}`,
  accountId: TEST_ACCOUNT,
  userName: name,
});

/** The fixture: 12 events whose answers the tests state by hand. */
function fixture(): CloudTrailRecord[] {
  const now = Date.now();
  const at = (hoursAgo: number) => Math.min(now, T0) - hoursAgo * HOUR;
  return [
    makeRecord({ time: at(1), eventName: 'RunInstances', userIdentity: user('alice') }),
    makeRecord({ time: at(2), eventName: 'RunInstances', userIdentity: user('alice') }),
    makeRecord({ time: at(3), eventName: 'DescribeInstances', readOnly: true, userIdentity: user('bob') }),
    makeRecord({
      time: at(4),
      eventName: 'DeleteBucket',
      eventSource: 's3.amazonaws.com',
      requestParameters: { bucketName: 'logs-bucket', host: ['s3.amazonaws.com'] },
      userIdentity: user('bob'),
      errorCode: 'AccessDenied',
      errorMessage: 'Access Denied',
    }),
    makeRecord({
      time: at(5),
      eventName: 'DeleteBucket',
      eventSource: 's3.amazonaws.com',
      requestParameters: { bucketName: 'logs-bucket' },
      userIdentity: user('bob'),
      errorCode: 'AccessDenied',
    }),
    makeRecord({
      time: at(6),
      eventName: 'CreateBucket',
      eventSource: 's3.amazonaws.com',
      requestParameters: { bucketName: 'new-bucket' },
      userIdentity: user('alice'),
      sessionCredentialFromConsole: 'true',
    }),
    makeRecord({
      time: at(7),
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      eventType: 'AwsConsoleSignIn',
      additionalEventData: { MFAUsed: 'Yes' },
      userIdentity: user('alice'),
    }),
    makeRecord({
      time: at(8),
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      eventType: 'AwsConsoleSignIn',
      additionalEventData: { MFAUsed: 'No' },
      userIdentity: user('carol'),
    }),
    makeRecord({
      time: at(30),
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      readOnly: true,
      userIdentity: user('carol'),
    }),
    makeRecord({
      time: at(31),
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      readOnly: true,
      userIdentity: user('carol'),
    }),
    makeRecord({
      time: at(32),
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      readOnly: true,
      userIdentity: user('carol'),
    }),
    makeRecord({
      time: at(33),
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      readOnly: true,
      userIdentity: user('carol'),
    }),
  ];
}

beforeAll(async () => {
  running = await startTestServer('lake');
  server = running.server;
  const backend = server.backend as LocalBackend;
  await backend.store.bulk('import', (writer) => writer.append(fixture()));
  client = new CloudTrailClient({
    region: 'us-east-1',
    endpoint: `${server.url}/aws`,
    credentials,
    maxAttempts: 1,
  });
  const stores = await client.send(new ListEventDataStoresCommand({}));
  storeId = stores
    .EventDataStores!.find((s) => s.Name === BUILT_IN_STORE_NAME)!
    .EventDataStoreArn!.split('/')[1]!;
}, 60_000);

afterAll(async () => {
  await running?.stop();
});

async function finished(queryId: string) {
  for (;;) {
    const described = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
    if (described.QueryStatus !== 'QUEUED' && described.QueryStatus !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs a statement and returns every row as {column: value} objects. */
async function query(sql: string): Promise<Array<Record<string, string>>> {
  const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql }));
  const described = await finished(QueryId!);
  expect(described.ErrorMessage).toBeUndefined();
  expect(described.QueryStatus).toBe('FINISHED');
  const rows: Array<Record<string, string>> = [];
  let token: string | undefined;
  do {
    const page: GetQueryResultsCommandOutput = await client.send(
      new GetQueryResultsCommand({ QueryId, NextToken: token, MaxQueryResults: 3 }),
    );
    for (const row of page.QueryResultRows ?? []) rows.push(Object.assign({}, ...row));
    token = page.NextToken;
  } while (token);
  return rows;
}

describe('Lake API over the JS SDK', () => {
  it('lists the built-in store, which is termination-protected', async () => {
    const store = await client.send(new GetEventDataStoreCommand({ EventDataStore: storeId }));
    expect(store).toMatchObject({
      Name: BUILT_IN_STORE_NAME,
      Status: 'ENABLED',
      TerminationProtectionEnabled: true,
    });
    await expect(
      client.send(new DeleteEventDataStoreCommand({ EventDataStore: storeId })),
    ).rejects.toMatchObject({
      name: 'EventDataStoreTerminationProtectedException',
    });
  });

  it('answers a query in pages, with statistics', async () => {
    // The emulator records its own calls (the Lake calls of these tests too): leave them out.
    const rows = await query(
      `SELECT eventName, count(*) AS n FROM ${storeId} WHERE eventSource <> 'cloudtrail.amazonaws.com'
       GROUP BY eventName ORDER BY n DESC, eventName`,
    );
    expect(rows).toEqual([
      { eventName: 'ListUsers', n: '4' },
      { eventName: 'ConsoleLogin', n: '2' },
      { eventName: 'DeleteBucket', n: '2' },
      { eventName: 'RunInstances', n: '2' },
      { eventName: 'CreateBucket', n: '1' },
      { eventName: 'DescribeInstances', n: '1' },
    ]);
    const { QueryId } = await client.send(
      new StartQueryCommand({
        QueryStatement: `SELECT eventID FROM ${storeId} WHERE eventTime < '2026-12-01 00:00:00'`,
      }),
    );
    const described = await finished(QueryId!);
    expect(described.QueryStatistics).toMatchObject({ EventsMatched: 12 });
    expect(described.QueryStatistics!.EventsScanned).toBeGreaterThanOrEqual(12);
    expect(described.QueryStatistics!.BytesScanned).toBeGreaterThan(12 * 100);
    const page = await client.send(new GetQueryResultsCommand({ QueryId, MaxQueryResults: 5 }));
    expect(page.QueryResultRows).toHaveLength(5);
    expect(page.QueryStatistics).toMatchObject({ ResultsCount: 5, TotalResultsCount: 12 });
    const listed = await client.send(new ListQueriesCommand({ EventDataStore: storeId }));
    expect(listed.Queries!.map((q) => q.QueryId)).toContain(QueryId);
  });

  it('renders timestamps, booleans, structs and maps as Lake does', async () => {
    const [row] = await query(
      `SELECT eventTime, readOnly, userIdentity.userName AS who, requestParameters['bucketName'] AS bucket,
              element_at(requestParameters, 'host') AS host
       FROM ${storeId} WHERE eventName = 'DeleteBucket' AND errorMessage IS NOT NULL`,
    );
    expect(row!.eventTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000$/);
    expect(row).toMatchObject({
      readOnly: 'false',
      who: 'bob',
      bucket: 'logs-bucket',
      host: '["s3.amazonaws.com"]',
    });
  });

  it.each([
    ['DELETE FROM x', 'Only SELECT statements are allowed'],
    ['SELECT 1', 'must name an event data store'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'cannot be used as a table'],
    ["SELECT * FROM 'secrets.csv'", 'cannot be used as a table'],
    ['SELECT * FROM events', 'does not exist'],
    ['SELECT eventName FROM STORE WHERE eventTime > now() - interval 1 day', 'INTERVAL'],
    ['SELECT eventName FROM STORE; SELECT 1', 'one statement'],
  ])('refuses %s', async (sql, message) => {
    await expect(
      client.send(new StartQueryCommand({ QueryStatement: sql.replace('STORE', storeId) })),
    ).rejects.toThrow(message);
  });

  it('reports a syntax error with its line and column', async () => {
    await expect(
      client.send(new StartQueryCommand({ QueryStatement: `SELECT eventName,\n  count(* FROM ${storeId}` })),
    ).rejects.toMatchObject({
      name: 'InvalidQueryStatementException',
      message: expect.stringMatching(/^line 2:\d+: syntax error/),
    });
    await expect(
      client.send(new StartQueryCommand({ QueryStatement: `SELECT nosuchcolumn FROM ${storeId}` })),
    ).rejects.toMatchObject({
      name: 'InvalidQueryStatementException',
      message: expect.stringMatching(/^line 1:8: /),
    });
  });

  it('answers the documented errors for unknown queries and finished ones', async () => {
    await expect(
      client.send(new DescribeQueryCommand({ QueryId: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({
      name: 'QueryIdNotFoundException',
    });
    const { QueryId } = await client.send(
      new StartQueryCommand({ QueryStatement: `SELECT eventID FROM ${storeId}` }),
    );
    await finished(QueryId!);
    await expect(client.send(new CancelQueryCommand({ QueryId }))).rejects.toMatchObject({
      name: 'InactiveQueryException',
    });
  });

  it('a created store collects only what its selectors select, from its creation on', async () => {
    const created = await client.send(
      new CreateEventDataStoreCommand({
        Name: 'reads-only',
        TerminationProtectionEnabled: false,
        AdvancedEventSelectors: [
          {
            Name: 'Reads',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Management'] },
              { Field: 'readOnly', Equals: ['true'] },
            ],
          },
        ],
      }),
    );
    const id = created.EventDataStoreArn!.split('/')[1]!;
    expect(created).toMatchObject({
      Status: 'ENABLED',
      RetentionPeriod: 366,
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
    });
    // The fixture predates the store: it starts empty (but for the audit events of this test's own calls).
    expect(
      await query(`SELECT count(*) AS n FROM ${id} WHERE eventSource <> 'cloudtrail.amazonaws.com'`),
    ).toEqual([{ n: '0' }]);
    const backend = server.backend as LocalBackend;
    const later = Date.now() + 1000;
    await backend.store.bulk('import', (writer) =>
      writer.append([
        makeRecord({ time: later, eventName: 'ListRoles', eventSource: 'iam.amazonaws.com', readOnly: true }),
        makeRecord({ time: later, eventName: 'RunInstances' }),
      ]),
    );
    expect(
      await query(`SELECT eventName FROM ${id} WHERE eventSource <> 'cloudtrail.amazonaws.com'`),
    ).toEqual([{ eventName: 'ListRoles' }]);
    await expect(client.send(new CreateEventDataStoreCommand({ Name: 'reads-only' }))).rejects.toMatchObject({
      name: 'EventDataStoreAlreadyExistsException',
    });
    await expect(
      client.send(new UpdateEventDataStoreCommand({ EventDataStore: id, RetentionPeriod: 3 })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: id }));
    const deleted = await client.send(new GetEventDataStoreCommand({ EventDataStore: id }));
    expect(deleted.Status).toBe('PENDING_DELETION');
    await expect(
      client.send(new StartQueryCommand({ QueryStatement: `SELECT * FROM ${id}` })),
    ).rejects.toMatchObject({
      name: 'InactiveEventDataStoreException',
    });
  });

  it('stops and starts ingestion: a stopped store collects nothing until started again', async () => {
    const created = await client.send(
      new CreateEventDataStoreCommand({ Name: 'stop-start', TerminationProtectionEnabled: false }),
    );
    const id = created.EventDataStoreArn!.split('/')[1]!;
    await expect(
      client.send(new StartEventDataStoreIngestionCommand({ EventDataStore: id })),
    ).rejects.toMatchObject({ name: 'InvalidEventDataStoreStatusException' });
    await client.send(new StopEventDataStoreIngestionCommand({ EventDataStore: id }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).Status).toBe(
      'STOPPED_INGESTION',
    );
    await expect(
      client.send(new StopEventDataStoreIngestionCommand({ EventDataStore: id })),
    ).rejects.toMatchObject({ name: 'InvalidEventDataStoreStatusException' });
    const backend = server.backend as LocalBackend;
    // An event of a time after the stop (the clock moves on before ingestion starts again). Event times
    // have whole seconds: the next whole second is after the stop's millisecond, whatever it was.
    const stoppedAt = Math.ceil((Date.now() + 1) / 1000) * 1000;
    await backend.store.bulk('import', (writer) =>
      writer.append([makeRecord({ time: stoppedAt, eventName: 'WhileStopped' })]),
    );
    while (Date.now() <= stoppedAt) await new Promise((resolve) => setTimeout(resolve, 1));
    await client.send(new StartEventDataStoreIngestionCommand({ EventDataStore: id }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).Status).toBe('ENABLED');
    await backend.store.bulk('import', (writer) =>
      writer.append([makeRecord({ time: Date.now() + 60_000, eventName: 'AfterRestart' })]),
    );
    expect(
      await query(`SELECT eventName FROM ${id} WHERE eventName IN ('WhileStopped', 'AfterRestart')`),
    ).toEqual([{ eventName: 'AfterRestart' }]);
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: id }));
  });

  it('interrupts a running query on CancelQuery, reports progress meanwhile, and keeps serving Event history', async () => {
    // A nine-way cross join of the store: trillions of rows, so it finishes only if DuckDB is interrupted.
    const runaway = `SELECT count(*) FROM ${Array.from({ length: 9 }, (_, i) => `${storeId} t${i}`).join(', ')}`;
    const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: runaway }));
    let described = await client.send(new DescribeQueryCommand({ QueryId }));
    while (described.QueryStatus !== 'RUNNING' || !described.QueryStatistics?.EventsScanned) {
      expect(['QUEUED', 'RUNNING']).toContain(described.QueryStatus);
      await new Promise((resolve) => setTimeout(resolve, 20));
      described = await client.send(new DescribeQueryCommand({ QueryId }));
    }
    expect(described.QueryStatistics!.BytesScanned).toBeGreaterThan(0);
    // The query runs on DuckDB's threads: the server still answers Event history.
    const lookup = await client.send(new LookupEventsCommand({ MaxResults: 5 }));
    expect(lookup.Events!.length).toBeGreaterThan(0);
    expect((await client.send(new DescribeQueryCommand({ QueryId }))).QueryStatus).toBe('RUNNING');
    const cancelled = await client.send(new CancelQueryCommand({ QueryId }));
    expect(cancelled.QueryStatus).toBe('CANCELLED');
    expect((await client.send(new DescribeQueryCommand({ QueryId }))).QueryStatus).toBe('CANCELLED');
  });
});

describe('the sample queries on the fixture', () => {
  const answers: Record<string, (rows: Array<Record<string, string>>) => void> = {
    'Investigate user actions': (rows) => {
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.user))).toEqual(new Set([`arn:aws:iam::${TEST_ACCOUNT}:user/alice`]));
    },
    'All events in a time window': (rows) => expect(rows).toHaveLength(12),
    'API calls by service and operation': (rows) =>
      expect(rows.filter((r) => r.eventSource !== 'cloudtrail.amazonaws.com')[0]).toEqual({
        eventSource: 'iam.amazonaws.com',
        eventName: 'ListUsers',
        apiCount: '4',
      }),
    'Investigate who made console changes': (rows) =>
      expect(rows).toEqual([
        expect.objectContaining({
          user: `arn:aws:iam::${TEST_ACCOUNT}:user/alice`,
          eventName: 'CreateBucket',
        }),
      ]),
    'Access denied errors by user': (rows) =>
      expect(rows).toEqual([
        { user: `arn:aws:iam::${TEST_ACCOUNT}:user/bob`, eventName: 'DeleteBucket', denials: '2' },
      ]),
    'S3 bucket of each bucket call': (rows) =>
      expect(rows).toEqual([
        { eventName: 'DeleteBucket', bucket: 'logs-bucket', calls: '2' },
        { eventName: 'CreateBucket', bucket: 'new-bucket', calls: '1' },
      ]),
    'Distinct callers per day': (rows) =>
      expect(rows.reduce((sum, r) => sum + Number(r.principals), 0)).toBeGreaterThanOrEqual(3),
    'Console sign-ins with and without MFA': (rows) =>
      expect(rows.sort((a, b) => a.mfaUsed!.localeCompare(b.mfaUsed!))).toEqual([
        { mfaUsed: 'No', signIns: '1' },
        { mfaUsed: 'Yes', signIns: '1' },
      ]),
  };

  it.each(LAKE_SAMPLE_QUERIES.map((s) => [s.name, s] as const))('%s', async (name, sample) => {
    const check = answers[name];
    expect(check, `an expected answer for ${name}`).toBeDefined();
    check!(await query(sampleSql(sample, storeId)));
  });
});

describe('the query generator', () => {
  it.each([...PROMPT_FAMILIES])('"%s" gives a query the engine runs', async (prompt) => {
    const generated = generateLakeQuery(prompt, storeId);
    await query(generated!.sql);
  });

  it('finds the fixture users denied access', async () => {
    const rows = await query(
      generateLakeQuery('top 10 users with AccessDenied errors last month', storeId)!.sql,
    );
    expect(rows).toEqual([{ user: `arn:aws:iam::${TEST_ACCOUNT}:user/bob`, eventCount: '2' }]);
  });
});

describe('Lake API over the AWS CLI', () => {
  const aws = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      'aws',
      [
        '--endpoint-url',
        `${server.url}/aws`,
        '--region',
        'us-east-1',
        '--output',
        'json',
        'cloudtrail',
        ...args,
      ],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: 'x',
          AWS_PAGER: '',
        },
      },
    );
    return JSON.parse(stdout) as Record<string, unknown>;
  };

  it('lists the store, starts a query, polls it to FINISHED and reads its rows', async () => {
    const listed = (await aws('list-event-data-stores')) as { EventDataStores: Array<{ Name: string }> };
    expect(listed.EventDataStores.map((s) => s.Name)).toContain(BUILT_IN_STORE_NAME);
    const { QueryId } = (await aws(
      'start-query',
      '--query-statement',
      `SELECT eventName FROM ${storeId} WHERE eventName = 'ConsoleLogin'`,
    )) as { QueryId: string };
    let status = '';
    while (status !== 'FINISHED') {
      status = String((await aws('describe-query', '--query-id', QueryId)).QueryStatus);
      expect(['QUEUED', 'RUNNING', 'FINISHED']).toContain(status);
    }
    const results = (await aws('get-query-results', '--query-id', QueryId)) as { QueryResultRows: unknown[] };
    expect(results.QueryResultRows).toEqual([
      [{ eventName: 'ConsoleLogin' }],
      [{ eventName: 'ConsoleLogin' }],
    ]);
  }, 60_000);
});
