// @vitest-environment node
// The session and identity routes over the DuckDB store, as the local server answers them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
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
