// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEventStoreContract } from '@/emulator/store/event-store.contract';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase, type Database } from './database';
import { DuckDbEventStore } from './duckdb-event-store';

const dir = mkdtempSync(join(tmpdir(), 'trailview-store-'));
const open: Array<{ db: Database; store: DuckDbEventStore }> = [];
let n = 0;

async function openStore(file = join(dir, `store-${++n}.duckdb`)) {
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  open.push({ db, store });
  return { db, store, file };
}

async function closeStore(opened: { db: Database; store: DuckDbEventStore }) {
  await opened.store.close();
  opened.db.close();
  open.splice(
    open.findIndex((o) => o.store === opened.store),
    1,
  );
}

afterAll(async () => {
  for (const opened of [...open]) await closeStore(opened);
  rmSync(dir, { recursive: true, force: true });
});

runEventStoreContract('duckdb', async () => (await openStore()).store);

describe('DuckDB EventStore persistence', () => {
  it('finds every event, its attributes and its cursor order again after reopening the file', async () => {
    const first = await openStore();
    const records = Array.from({ length: 30 }, (_, i) =>
      makeRecord({ time: T0 - Math.floor(i / 2) * 60_000, readOnly: i % 2 === 0 }),
    );
    await first.store.append(records);
    const before = await first.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    await closeStore(first);

    const again = await openStore(first.file);
    expect(await again.store.count()).toBe(30);
    const after = await again.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    expect(after.events.map((e) => e.eventId)).toEqual(before.events.map((e) => e.eventId));
    const readOnly = await again.store.lookup({
      region: 'us-east-1',
      insight: false,
      attribute: { key: 'ReadOnly', value: 'true' },
      limit: 50,
    });
    expect(readOnly.events).toHaveLength(15);
    expect(await again.store.append(records.slice(0, 5))).toEqual({ inserted: 0, duplicates: 5 });
  });

  it('keeps the JSON text it was given and stores nothing of a batch that fails', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    const json = JSON.stringify(record, null, 2);
    await store.appendWithJson([{ record, json }]);
    const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 5 });
    expect(page.events[0]!.record).toEqual(record);
    const bad = { ...makeRecord(), eventTime: 'not a time' };
    await expect(store.append([makeRecord(), bad])).rejects.toThrow(/eventTime/);
    expect(await store.count()).toBe(1);
    expect(await store.append([makeRecord()])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.count()).toBe(2);
  });

  it('writes a bulk transaction whole or not at all, and finds what it committed after reopening', async () => {
    const first = await openStore();
    const kept = Array.from({ length: 5 }, (_, i) => makeRecord({ time: T0 - i * 1000 }));
    await first.store.bulk('import', (writer) => writer.append(kept));
    const failed = first.store.bulk('import', async (writer) => {
      await writer.append([makeRecord(), makeRecord()]);
      throw new Error('the import broke');
    });
    await expect(failed).rejects.toThrow('the import broke');
    expect(await first.store.count()).toBe(5);
    await first.store.append([makeRecord({ time: T0 + 1000, eventName: 'WrittenBehind' })]);
    await closeStore(first);

    const again = await openStore(first.file);
    expect(await again.store.count()).toBe(6);
    const page = await again.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    expect(page.events.map((e) => e.eventName)).toEqual(['WrittenBehind', ...kept.map((r) => r.eventName)]);
  });
});
