// @vitest-environment node
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecord } from '@/test/records';
import { openDatabase, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { exportParquet } from './parquet-export';

const dir = mkdtempSync(join(tmpdir(), 'trailview-parquet-'));
let db: Database;
const records = [
  makeRecord({ time: Date.parse('2026-11-01T10:00:00Z'), awsRegion: 'us-east-1', errorCode: 'AccessDenied' }),
  makeRecord({ time: Date.parse('2026-11-01T23:59:59Z'), awsRegion: 'us-east-1', readOnly: true }),
  makeRecord({ time: Date.parse('2026-11-02T00:00:00Z'), awsRegion: 'us-east-1' }),
  makeRecord({ time: Date.parse('2026-11-02T08:00:00Z'), awsRegion: 'eu-west-1', eventName: 'ListBuckets' }),
];

beforeAll(async () => {
  db = await openDatabase(join(dir, 'store.duckdb'));
  const store = await DuckDbEventStore.open(db);
  await store.bulk('import', (writer) => writer.append(records));
  await store.close();
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Parquet export', () => {
  it('writes one Hive partition per Region and UTC day, which a query engine reads back whole', async () => {
    const out = join(dir, 'parquet');
    expect(await exportParquet(db.connection, out)).toBe(4);
    for (const partition of ['region=us-east-1/date=2026-11-01', 'region=us-east-1/date=2026-11-02']) {
      expect(existsSync(join(out, partition))).toBe(true);
    }
    expect(existsSync(join(out, 'region=eu-west-1/date=2026-11-02'))).toBe(true);
    const reader = await db.connection.runAndReadAll(
      `SELECT region, date, count(*) AS n, count(errorcode) AS errors, bool_or(readonly) AS reads,
         min(json_extract_string(record, '$.eventID') = eventid) AS ids
       FROM read_parquet('${out}/**/*.parquet', hive_partitioning = true)
       GROUP BY ALL ORDER BY region, date`,
    );
    expect(reader.getRowsJson()).toEqual([
      ['eu-west-1', '2026-11-02', '1', '0', false, true],
      ['us-east-1', '2026-11-01', '2', '1', true, true],
      ['us-east-1', '2026-11-02', '1', '0', false, true],
    ]);
  });
});
