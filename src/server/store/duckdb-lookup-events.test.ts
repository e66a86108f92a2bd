// @vitest-environment node
// The LookupEvents contract (every API rule, through the AWS SDK) against the DuckDB EventStore.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createEmulator } from '@/emulator/handler';
import { runLookupEventsContract } from '@/emulator/services/cloudtrail/lookup-events.contract';
import { createAccountState } from '@/emulator/state';
import { TEST_ACCOUNT } from '@/test/records';
import { openDatabase, type Database } from './database';
import { DuckDbEventStore } from './duckdb-event-store';

const dir = mkdtempSync(join(tmpdir(), 'trailview-lookup-'));
let opened: { db: Database; store: DuckDbEventStore } | undefined;

afterAll(async () => {
  await opened?.store.close();
  opened?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

runLookupEventsContract('DuckDB store', async ({ records, now }) => {
  const db = await openDatabase(join(dir, 'lookup.duckdb'));
  const store = await DuckDbEventStore.open(db);
  opened = { db, store };
  await store.append(records);
  return createEmulator({ store, state: createAccountState(TEST_ACCOUNT), clock: () => now, audit: false });
});
