// @vitest-environment node
// The lookup index saved beside the database: a reopened store reads it instead of every row, adds the
// rows written after it was saved, and ignores a file that is not its own or is damaged — answering the
// same pages as the in-memory store in every case, ties of time broken by event ID (UUIDs and others).
import { copyFileSync, mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LookupQuery } from '@/emulator/store/event-store';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase } from './database';
import { DuckDbEventStore } from './duckdb-event-store';
import { indexFileOf } from './index-file';

const dir = mkdtempSync(join(tmpdir(), 'trailview-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Many events per second, IDs of both kinds, two Regions, a few user names. */
function records(count: number, from: number) {
  return Array.from({ length: count }, (_, i) =>
    makeRecord({
      eventID: (from + i) % 3 === 0 ? `event-${(from + i) % 7}-${from + i}` : crypto.randomUUID(),
      time: T0 + Math.floor((from + i) / 4) * 1000,
      awsRegion: (from + i) % 5 === 0 ? 'eu-west-1' : 'us-east-1',
      userIdentity: { type: 'IAMUser', userName: `user-${(from + i) % 3}` },
      readOnly: (from + i) % 2 === 0,
    }),
  );
}

const QUERIES: LookupQuery[] = [
  { region: 'us-east-1', insight: false, limit: 7 },
  { region: 'eu-west-1', insight: false, limit: 7 },
  { region: 'us-east-1', insight: false, limit: 7, attribute: { key: 'Username', value: 'user-1' } },
  { region: 'us-east-1', insight: false, limit: 7, attribute: { key: 'ReadOnly', value: 'true' } },
  { region: 'us-east-1', insight: false, limit: 7, startTime: T0 + 20_000, endTime: T0 + 40_000 },
];

/** Every page of every query, as event IDs. */
async function pages(store: { lookup: DuckDbEventStore['lookup'] }): Promise<string[][]> {
  const out: string[][] = [];
  for (const query of QUERIES) {
    let after: LookupQuery['after'];
    do {
      const page = await store.lookup({ ...query, after });
      out.push(page.events.map((e) => e.eventId));
      after = page.next;
    } while (after);
  }
  return out;
}

async function withStore<T>(file: string, run: (store: DuckDbEventStore) => Promise<T>): Promise<T> {
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  try {
    return await run(store);
  } finally {
    await store.close();
    db.close();
  }
}

describe('the lookup index file', () => {
  const file = join(dir, 'a.duckdb');
  const memory = new MemoryEventStore();
  const first = records(300, 0);
  const later = records(120, 300);

  it('is saved at close and read at open, with the pages of the in-memory store', async () => {
    await memory.append(first);
    await withStore(file, (store) => store.append(first));
    expect(statSync(indexFileOf(file)).size).toBeGreaterThan(0);
    const expected = await pages(memory);
    await withStore(file, async (store) => {
      expect(store.opened).toEqual({ rowsRead: 0, events: 300 });
      expect(await pages(store)).toEqual(expected);
      expect(await store.append(first.slice(0, 10))).toEqual({ inserted: 0, duplicates: 10 });
    });
  });

  it('adds the rows written after the file was saved (a process killed before its close)', async () => {
    copyFileSync(indexFileOf(file), join(dir, 'saved.index'));
    await memory.append(later);
    await withStore(file, (store) => store.append(later));
    copyFileSync(join(dir, 'saved.index'), indexFileOf(file));
    const expected = await pages(memory);
    await withStore(file, async (store) => {
      expect(store.opened).toEqual({ rowsRead: 120, events: 420 });
      expect(await pages(store)).toEqual(expected);
      expect(await store.append([...first.slice(0, 3), ...later.slice(0, 3)])).toEqual({
        inserted: 0,
        duplicates: 6,
      });
    });
  });

  it("ignores another store's file and a damaged one, and reads every row instead", async () => {
    const other = join(dir, 'b.duckdb');
    await withStore(other, (store) => store.append(records(10, 1_000)));
    const expected = await pages(memory);
    copyFileSync(indexFileOf(other), indexFileOf(file));
    await withStore(file, async (store) => {
      expect(store.opened).toEqual({ rowsRead: 420, events: 420 });
      expect(await pages(store)).toEqual(expected);
    });
    truncateSync(indexFileOf(file), 100);
    await withStore(file, async (store) => {
      expect(store.opened).toEqual({ rowsRead: 420, events: 420 });
      expect(await pages(store)).toEqual(expected);
    });
  });
});
