// @vitest-environment node
// The bulk writer's transactions: each holds exactly `commitRows` rows however the batches fall, what a
// commit wrote is published in order, duplicates are known before the first copy is committed, and only
// inserted events are shown to the Insights engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyRecord } from '@/domain/record';
import { makeRecord, T0 } from '@/test/records';
import { BulkWriter } from './bulk-writer';
import { openDatabase, type Database } from './database';
import type { EventRow } from './event-rows';

const dir = mkdtempSync(join(tmpdir(), 'trailview-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The instance as the writer sees it, with the first lane's first COMMIT held back until the second
 * lane's has finished: the order in which two connections' commits complete is up to DuckDB.
 */
function secondCommitFirst(db: Database): DuckDBInstance {
  let lanes = 0;
  let secondCommitted!: () => void;
  const second = new Promise<void>((resolve) => (secondCommitted = resolve));
  const connect = async (): Promise<DuckDBConnection> => {
    const lane = lanes++;
    const connection = await db.instance.connect();
    let commits = 0;
    const run = connection.run.bind(connection);
    return new Proxy(connection, {
      get(target, key, receiver) {
        if (key !== 'run') return Reflect.get(target, key, receiver) as unknown;
        return async (sql: string) => {
          if (sql !== 'COMMIT' || commits++ > 0) return run(sql);
          if (lane === 0) {
            await second;
            return run(sql);
          }
          const result = await run(sql);
          secondCommitted();
          return result;
        };
      },
    });
  };
  return { connect } as unknown as DuckDBInstance;
}

describe('BulkWriter', () => {
  it.each([
    ['as DuckDB finishes them', (db: Database) => db.instance],
    ["with the second lane's commit finishing first", secondCommitFirst],
  ])('commits exactly commitRows rows per transaction, published in order %s', async (name, instanceOf) => {
    const db = await openDatabase(join(dir, `bulk-${name.length}.duckdb`));
    const claimed = new Map<string, number>();
    const published: number[][] = [];
    const observed: AnyRecord[] = [];
    const writer = await BulkWriter.open(
      instanceOf(db),
      'import',
      {
        claim: (id) => (claimed.has(id) ? undefined : (claimed.set(id, claimed.size), claimed.size - 1)),
        release: (ids) => ids.forEach((id) => claimed.delete(id)),
        publish: (rows: readonly EventRow[]) => published.push(rows.map((row) => row[0])),
        observe: (records) => observed.push(...records),
      },
      7,
    );
    const records = Array.from({ length: 30 }, (_, i) => makeRecord({ time: T0 + i * 1000 }));
    try {
      // Batches of 4, 9 and 17 records, the last repeating two of the first.
      expect(await writer.append(records.slice(0, 4))).toEqual({ inserted: 4, duplicates: 0 });
      expect(await writer.append(records.slice(4, 13))).toEqual({ inserted: 9, duplicates: 0 });
      expect(await writer.append([...records.slice(13), records[0]!, records[1]!])).toEqual({
        inserted: 17,
        duplicates: 2,
      });
      await writer.commit();
    } finally {
      writer.close();
    }
    expect(published.map((seqs) => seqs.length)).toEqual([7, 7, 7, 7, 2]);
    expect(published.flat()).toEqual(Array.from({ length: 30 }, (_, i) => i));
    // The Insights engine is shown the inserted events, each once; not the duplicates.
    expect(observed.map((r) => r.eventID)).toEqual(records.map((r) => r.eventID));
    const stored = await db.connection.runAndReadAll(
      'SELECT count(*)::INTEGER, count(DISTINCT event_id)::INTEGER, max(seq) FROM events',
    );
    expect(stored.getRows()).toEqual([[30, 30, 29]]);
    db.close();
  });
});
