// @vitest-environment node
// The session, identity and what-if routes over the DuckDB store, as the local server answers them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
import type { SelectingTrail, WhatIfReport } from '@/domain/trail-selection';
import { createDemoAccount } from '@/emulator/seed/demo-account';
import { createInvestigationRoutes } from '@/emulator/investigations/investigation-routes';
import { makeRecord } from '@/test/records';
import { openDatabase, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { storeRecordSource } from './store-records';

const dir = mkdtempSync(join(tmpdir(), 'trailview-sessions-'));
let db: Database;
let store: DuckDbEventStore;

beforeAll(async () => {
  db = await openDatabase(join(dir, 'trailview.duckdb'));
  store = await DuckDbEventStore.open(db);
  await store.bulk('import', (writer) =>
    writer.append([
      makeRecord({ eventName: 'ListBuckets', eventSource: 's3.amazonaws.com' }),
      makeRecord({ eventName: 'RunInstances', errorCode: 'UnauthorizedOperation' }),
    ]),
  );
});

afterAll(async () => {
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('investigation routes over the DuckDB store', () => {
  it('answers a session and an identity from the stored records', async () => {
    const routes = createInvestigationRoutes(storeRecordSource(db, () => store.count()));
    const get = async (path: string) =>
      (await routes.handle(new Request(`http://localhost/trailview/${path}`)))!.json();
    const session = (await get('sessions/AKIAIOSFODNN7EXAMPLE')) as SessionReport;
    expect(session).toMatchObject({ events: 2, errors: 1, origin: { kind: 'IAMUser', name: 'alice' } });
    const identity = (await get('identities/alice')) as IdentityReport;
    expect(identity.sessions.map((s) => s.sessionId)).toEqual(['AKIAIOSFODNN7EXAMPLE']);
    // Detections are the server's own endpoint (with its --rules folders), not this route.
    expect(await routes.handle(new Request('http://localhost/trailview/detections'))).toBeUndefined();
  });
});

describe('the what-if over the DuckDB store', () => {
  const NOW = new Date('2026-11-21T14:00:00Z');
  const whatIfDir = mkdtempSync(join(tmpdir(), 'trailview-what-if-'));
  let whatIfDb: Database;
  let whatIfStore: DuckDbEventStore;

  beforeAll(async () => {
    whatIfDb = await openDatabase(join(whatIfDir, 'trailview.duckdb'));
    whatIfStore = await DuckDbEventStore.open(whatIfDb);
    const account = createDemoAccount({ now: NOW, days: 9 });
    await whatIfStore.bulk('seed', async (writer) => {
      for (let day = 0; day < account.days; day++) await writer.append(account.generateDay(day));
    });
  }, 60_000);

  afterAll(async () => {
    await whatIfStore.close();
    whatIfDb.close();
    rmSync(whatIfDir, { recursive: true, force: true });
  });

  const base = { HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true };
  const selections: SelectingTrail[] = [
    {
      ...base,
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
      ],
    },
    {
      ...base,
      IncludeGlobalServiceEvents: false,
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::'] },
            { Field: 'eventName', NotStartsWith: ['Head'] },
          ],
        },
        {
          FieldSelectors: [
            { Field: 'errorCode', Equals: ['AccessDenied'] },
            { Field: 'userIdentity.arn', NotEndsWith: [':root'] },
          ],
        },
      ],
    },
    {
      ...base,
      eventSelectors: [
        {
          ReadWriteType: 'WriteOnly',
          ExcludeManagementEventSources: ['kms.amazonaws.com'],
          DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
        },
      ],
    },
  ];

  it('counts by selection members in DuckDB exactly as record by record', async () => {
    const source = storeRecordSource(whatIfDb, () => whatIfStore.count());
    const grouped = createInvestigationRoutes(source, { now: () => NOW.getTime() });
    const oneByOne = createInvestigationRoutes(
      { count: source.count, tail: (cursor) => source.tail(cursor), records: () => source.records() },
      { now: () => NOW.getTime() },
    );
    for (const selection of selections) {
      for (const region of ['us-east-1', 'eu-west-1']) {
        const url = `http://localhost/trailview/what-if?${new URLSearchParams({ region, selection: JSON.stringify(selection) })}`;
        const fast = (await (await grouped.handle(new Request(url)))!.json()) as WhatIfReport;
        const slow = (await (await oneByOne.handle(new Request(url)))!.json()) as WhatIfReport;
        expect(fast).toEqual(slow);
        if (region === 'us-east-1') expect(slow.total).toBeGreaterThan(1000);
      }
    }
  });
});
