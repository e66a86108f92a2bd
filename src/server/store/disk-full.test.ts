// @vitest-environment node
// An import that runs out of space. `npm run import`, built as the npm script builds it, runs in a
// child process under a file size limit (RLIMIT_FSIZE, set with util-linux `prlimit`) that stands in for
// a full disk: DuckDB's write past it fails with EFBIG ("File too large") the way a full disk fails with
// ENOSPC. Whatever happens to the child — a clear error, or (sometimes) DuckDB giving up on the process
// after the failed write — the data dir must open afterwards with everything it held, the server must
// start on it, and the same import must then go through. What it does not cover: other files (the limit
// is per file, a full disk is shared), and a start while the disk is still full.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry, type BuiltEntry } from '@/test/build-entry';
import { makeRecord, T0 } from '@/test/records';
import { startServer } from '../main';
import { DATABASE_FILE, openDatabase } from './database';
import { DuckDbEventStore } from './duckdb-event-store';

const root = mkdtempSync(join(tmpdir(), 'trailview-full-'));
const dataDir = join(root, 'data');
const file = join(dataDir, DATABASE_FILE);
const logs = join(root, 'logs');
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;
let cli: BuiltEntry;

const records = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({
      time: T0 + (from + i) * 1000,
      eventName: `Call${i % 5}`,
      requestParameters: { pad: 'x'.repeat(600) },
    }),
  );
const held = records(500, 0);

beforeAll(async () => {
  if (!hasPrlimit) return;
  cli = await buildEntry('server/import/import-cli.ts');
  mkdirSync(dataDir);
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  await store.bulk('import', (writer) => writer.append(held));
  await store.close();
  db.close();
  // 30,000 records of about 1.5 KB in four files: far more than the limit leaves room for.
  mkdirSync(logs);
  for (let part = 0; part < 4; part++) {
    const body = JSON.stringify({ Records: records(7_500, 1_000 + part * 7_500) });
    writeFileSync(join(logs, `part-${part}.json.gz`), gzipSync(body));
  }
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  cli?.remove();
});

/** Runs `npm run import` on the logs, under a file size limit when one is given. */
function importLogs(limit?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const script =
    // Without a handler, the signal for a write past the limit ends the process; with one, the write fails.
    `process.on('SIGXFSZ', () => {});` +
    `const { main } = await import(${JSON.stringify(cli.url)});` +
    `await main([${JSON.stringify(logs)}, '--data-dir', ${JSON.stringify(dataDir)}]);`;
  const node = [process.execPath, '--input-type=module', '-e', script];
  const [command, ...args] = limit === undefined ? node : ['prlimit', `--fsize=${limit}`, ...node];
  const child = spawn(command!, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

async function storedEvents(): Promise<{ count: number; newest: string[] }> {
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  try {
    const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 5 });
    return { count: await store.count(), newest: page.events.map((event) => event.eventId) };
  } finally {
    await store.close();
    db.close();
  }
}

describe.skipIf(!hasPrlimit)('an import that fills the disk', () => {
  it('fails with a clear error or dies, and the data dir then opens with everything it held', async () => {
    const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
    const limit = Math.max(size(file), size(`${file}.wal`)) + 4 * 1024 * 1024;
    const full = await importLogs(limit);
    expect(full.code, `the import succeeded under the limit: ${full.stderr}`).not.toBe(0);
    if (full.signal === null) {
      expect(full.stderr).toMatch(/The disk is full \(.*File too large.*\)\./);
      expect(full.stderr).toMatch(/Nothing of this import was kept|it is when the data dir is next opened/);
    }
    // Space is freed: the store opens with the 500 events it held, newest first, and nothing else.
    expect(await storedEvents()).toEqual({
      count: 500,
      newest: held
        .slice(-5)
        .reverse()
        .map((record) => record.eventID),
    });
    // The server starts on it.
    const server = await startServer(
      { port: 0, host: '127.0.0.1', dataDir, empty: true, backend: 'local', allowWrites: false, help: false },
      join(root, 'dist'),
      () => {},
    );
    expect(await server.backend.status()).toMatchObject({ events: 500 });
    await server.stop();
    // And the same import goes through now.
    const again = await importLogs();
    expect(again, again.stderr).toMatchObject({ code: 0 });
    expect((await storedEvents()).count).toBe(30_500);
  }, 180_000);
});
