// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, releaseCache, usingMemory, type Database } from './database';

const dir = mkdtempSync(join(tmpdir(), 'trailview-database-'));

describe("DuckDB's cache", () => {
  let db: Database;
  const cachedMb = async () =>
    Number(
      (
        await db.connection.runAndReadAll(
          `SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'`,
        )
      ).getRows()[0]![0],
    ) /
    (1024 * 1024);
  const scan = async () =>
    Number(
      (
        await db.connection.runAndReadAll('SELECT sum(octet_length(record))::DOUBLE FROM events')
      ).getRows()[0]![0],
    );

  beforeAll(async () => {
    db = await openDatabase(join(dir, 'cache.duckdb'));
    // 150,000 rows of 2 KB records (300 MB, more than the cache holds), in commits of 50 MB.
    for (let first = 0; first < 150_000; first += 25_000) {
      await db.connection.run(
        `INSERT INTO events SELECT i, 'id-' || i, i, 'us-east-1', 'Management', 'GetObject', 's3.amazonaws.com',
          NULL, NULL, NULL, '', '', 'import', encode(repeat('x', 2000)) FROM range(${first}, ${first + 25_000}) t(i)`,
      );
      await db.connection.run('CHECKPOINT');
    }
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back the blocks a whole-table scan left, and keeps the memory cap', async () => {
    await scan();
    expect(await cachedMb()).toBeGreaterThan(100);
    await releaseCache(db);
    expect(await cachedMb()).toBeLessThanOrEqual(64);
    const limit = await db.connection.runAndReadAll(`SELECT current_setting('memory_limit')`);
    expect(String(limit.getRows()[0]![0])).toMatch(/^2(44|56)\.\d+ MiB$|^256/);
    // The table reads as before.
    expect(await scan()).toBe(300_000_000);
  });

  it('gives nothing back, and does not throw, once the database is closed', async () => {
    const closed = await openDatabase(join(dir, 'closed.duckdb'));
    closed.close();
    await expect(releaseCache(closed)).resolves.toBeUndefined();
  });

  it('waits for work that needs memory: released once the last of it ends', async () => {
    await scan();
    let ended = () => {};
    const work = usingMemory(db, () => new Promise<void>((resolve) => (ended = resolve)));
    await releaseCache(db);
    // Not while the work runs: a Lake query or an import would have 64 MB.
    expect(await cachedMb()).toBeGreaterThan(100);
    ended();
    await work;
    for (let i = 0; i < 100 && (await cachedMb()) > 64; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await cachedMb()).toBeLessThanOrEqual(64);
  });
});
