// Test harness for the Lake engine without HTTP: a DuckDB store in a temp dir, a fixture written to it,
// and `run(sql)` giving the result rows as {column: value} objects (values as Lake renders them). No
// emulator sits in front, so no audit events of the test's own calls land in the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInEventDataStore, eventDataStoreArn, type EventDataStoreState } from '@/domain/lake';
import type { CloudTrailRecord } from '@/domain/record';
import { openDatabase, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { DuckDbLakeEngine } from './duckdb-lake-engine';

export interface LakeHarness {
  engine: DuckDbLakeEngine;
  stores: EventDataStoreState[];
  /** The built-in store's ID. */
  storeId: string;
  run(sql: string): Promise<Array<Record<string, string | null>>>;
  close(): Promise<void>;
}

export const HARNESS_ACCOUNT = '111122223333';

/** Opens a store holding `records`, with the built-in event data store and `extra` created stores. */
export async function openLakeHarness(
  records: readonly CloudTrailRecord[],
  extra: ReadonlyArray<Partial<EventDataStoreState> & { id: string }> = [],
): Promise<LakeHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'trailview-lake-engine-'));
  const db: Database = await openDatabase(join(dir, 'lake.duckdb'));
  const store = await DuckDbEventStore.open(db);
  await store.bulk('import', (writer) => writer.append(records));
  const builtIn = builtInEventDataStore({
    id: '00000000-0000-4000-8000-0000000eda11',
    accountId: HARNESS_ACCOUNT,
    region: 'us-east-1',
    createdMs: 0,
  });
  const stores = [
    builtIn,
    ...extra.map((s) => ({
      ...builtIn,
      builtIn: false,
      name: `store-${s.id.slice(0, 8)}`,
      arn: eventDataStoreArn('us-east-1', HARNESS_ACCOUNT, s.id),
      ...s,
    })),
  ];
  const engine = new DuckDbLakeEngine(db.instance);
  return {
    engine,
    stores,
    storeId: builtIn.id,
    async run(sql) {
      const prepared = await engine.prepare(sql, stores, Date.now());
      const result = await prepared.run(new AbortController().signal);
      return result.rows.map((row) => Object.fromEntries(row.map((v, i) => [result.columns[i]!, v])));
    },
    async close() {
      await store.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
