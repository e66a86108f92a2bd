// @vitest-environment node
// An import that runs out of space. This process's file size limit (RLIMIT_FSIZE, set with util-linux
// `prlimit`) stands in for a full disk: DuckDB's write past it fails with EFBIG ("File too large"),
// the way a full disk fails with ENOSPC. What it covers: a write failing in the middle of an import,
// after some of its transactions committed, on the data file or its WAL. What it does not: other files
// (the limit is per file, a full disk is shared), and a start while the disk is still full.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase } from './database';
import { DuckDbEventStore } from './duckdb-event-store';

const dir = mkdtempSync(join(tmpdir(), 'trailview-full-'));
const file = join(dir, 'full.duckdb');
// Opt-in (TRAILVIEW_DISK_FULL_TEST=1): about one run in six the process dies inside DuckDB after the
// failed write (vitest reports "Worker exited unexpectedly"), and `npm test` must not fail by chance.
const enabled =
  process.env.TRAILVIEW_DISK_FULL_TEST === '1' && spawnSync('prlimit', ['--version']).status === 0;

/** Sets this process's soft file size limit ('unlimited' lifts it). */
function limitFileSize(bytes: number | 'unlimited') {
  const result = spawnSync('prlimit', ['--pid', String(process.pid), `--fsize=${bytes}:`]);
  if (result.status !== 0) throw new Error(`prlimit failed: ${result.stderr.toString()}`);
}

// Without a handler the signal for a write past the limit ends the process; with one, the write fails.
const ignore = () => {};
process.on('SIGXFSZ', ignore);
afterAll(() => {
  limitFileSize('unlimited');
  process.off('SIGXFSZ', ignore);
  rmSync(dir, { recursive: true, force: true });
});

const records = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({ time: T0 + (from + i) * 1000, eventName: `Call${i % 5}` }),
  );

describe.skipIf(!enabled)('an import that fills the disk', () => {
  it('is rolled back with a clear error, and the store opens with everything it held', async () => {
    let db = await openDatabase(file);
    let store = await DuckDbEventStore.open(db);
    const held = records(500, 0);
    await store.bulk('import', (writer) => writer.append(held));
    await db.connection.run('CHECKPOINT');
    const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
    limitFileSize(Math.max(size(file), size(`${file}.wal`)) + 3 * 1024 * 1024);
    try {
      // 20,000 records of about 1 KB in transactions of 2,000: the first few commit, then a write fails.
      const more = records(20_000, 1_000);
      let committed = 0;
      const failed = store.bulk(
        'import',
        async (writer) => {
          for (let i = 0; i < more.length; i += 1_000) {
            await writer.append(more.slice(i, i + 1_000));
            committed = await store.count();
          }
        },
        2_000,
      );
      // Rolled back at once, or (when DuckDB invalidated the database after the failed write, which
      // happens here about one run in three) at the next open.
      const error = await failed.then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(
        /^The disk is full \(.*File too large.*\)\. (Nothing of this import was kept: the data dir holds what it held before\.|What this import had stored could not be rolled back now .*; it is when the data dir is next opened\.)/,
      );
      expect(committed).toBeGreaterThan(500);
      if (error?.message.includes('Nothing of this import was kept')) expect(await store.count()).toBe(500);
      // Space is freed before the restart (a start on a still-full disk is not covered).
      limitFileSize('unlimited');
      await store.close();
      db.close();
      db = await openDatabase(file);
      store = await DuckDbEventStore.open(db);
      expect(await store.count()).toBe(500);
      const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
      expect(page.events.map((e) => e.eventId)).toEqual(
        held
          .slice(-50)
          .reverse()
          .map((r) => r.eventID),
      );
      // And the same import goes through now.
      await store.bulk('import', (writer) => writer.append(more));
      expect(await store.count()).toBe(20_500);
    } finally {
      limitFileSize('unlimited');
      await store.close();
      db.close();
    }
  }, 60_000);
});
