// @vitest-environment node
// The local backend's Insights engine is shown each event once — the rows stored before it started from
// the database, then each inserted event as it is inserted — so it counts every management write once
// though it keeps no set of event IDs: an import of events already stored adds nothing, and a Region's
// oldest event (read for the history mark) is not counted twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAccountState } from '@/emulator/state';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { attachInsights } from './local-insights';

const dir = mkdtempSync(join(tmpdir(), 'trailview-local-insights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const writes = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({ time: T0 + (from + i) * 60_000, readOnly: false, eventName: 'RunInstances' }),
  );
const reads = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => makeRecord({ time: T0 + (from + i) * 60_000, readOnly: true }));

describe('the local Insights engine', () => {
  it('counts each stored and each inserted management write once', async () => {
    const db = await openDatabase(join(dir, 'insights.duckdb'));
    const store = await DuckDbEventStore.open(db);
    // The oldest event of the Region is a write: read for the history mark, counted once.
    const before = [...writes(30, 0), ...reads(10, 30)];
    await store.bulk('import', (writer) => writer.append(before));
    const insights = attachInsights(db, store, createAccountState(TEST_ACCOUNT), () => T0);
    try {
      const counted = () =>
        insights.engine.counts
          .all()
          .filter((s) => s.type === 'ApiCallRateInsight')
          .reduce((sum, s) => sum + s.count, 0);
      await expect.poll(() => insights.ready).toBe(true);
      expect(counted()).toBe(30);
      // Importing the same events again adds none; new ones are counted as they are inserted.
      await store.bulk('import', (writer) => writer.append(before));
      expect(counted()).toBe(30);
      await store.bulk('import', (writer) => writer.append([...before.slice(0, 5), ...writes(7, 100)]));
      expect(counted()).toBe(37);
      expect(insights.engine.counts.historyStart('us-east-1')).toBe(Math.floor(T0 / 60_000));
    } finally {
      await insights.close();
      await store.close();
      db.close();
    }
  });
});
