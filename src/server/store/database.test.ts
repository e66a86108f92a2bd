// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, releaseCache } from './database';

const dir = mkdtempSync(join(tmpdir(), 'trailview-database-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("gives back the blocks a whole-table scan left in DuckDB's cache, and keeps the memory cap", async () => {
  const db = await openDatabase(join(dir, 'cache.duckdb'));
  try {
    const sql = db.connection;
    // 150,000 rows of 2 KB records (300 MB, more than the cache holds), in commits of 50 MB.
    for (let first = 0; first < 150_000; first += 25_000) {
      await sql.run(
        `INSERT INTO events SELECT i, 'id-' || i, i, 'us-east-1', 'Management', 'GetObject', 's3.amazonaws.com',
          NULL, NULL, NULL, '', '', 'import', encode(repeat('x', 2000)) FROM range(${first}, ${first + 25_000}) t(i)`,
      );
      await sql.run('CHECKPOINT');
    }
    const cached = async () =>
      Number(
        (
          await sql.runAndReadAll(
            `SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'`,
          )
        ).getRows()[0]![0],
      ) /
      (1024 * 1024);
    await sql.runAndReadAll('SELECT sum(octet_length(record)) FROM events');
    expect(await cached()).toBeGreaterThan(100);
    await releaseCache(db);
    expect(await cached()).toBeLessThanOrEqual(64);
    const limit = await sql.runAndReadAll(`SELECT current_setting('memory_limit')`);
    expect(String(limit.getRows()[0]![0])).toMatch(/^2(44|56)\.\d+ MiB$|^256/);
    // The table reads as before.
    const total = await sql.runAndReadAll('SELECT sum(octet_length(record))::DOUBLE FROM events');
    expect(Number(total.getRows()[0]![0])).toBe(300_000_000);
  } finally {
    db.close();
  }
});
