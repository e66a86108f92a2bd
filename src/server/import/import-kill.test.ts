// @vitest-environment node
// An import killed part-way (kill -9 once its writes have begun) and run again: the store then holds
// exactly the unique events — those it held, plus every distinct event of the files, none twice,
// whatever the kill interrupted — and opens with its lookup index whole. `npm run import`, built as the
// npm script builds it, runs in a child process.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry, type BuiltEntry } from '@/test/build-entry';
import { makeRecord, T0 } from '@/test/records';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';

const root = mkdtempSync(join(tmpdir(), 'trailview-kill-import-'));
const dataDir = join(root, 'data');
const file = join(dataDir, DATABASE_FILE);
const logs = join(root, 'logs');
let cli: BuiltEntry;

const records = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({
      time: T0 + (from + i) * 1000,
      eventName: `Call${i % 7}`,
      requestParameters: { pad: 'x'.repeat(400) },
    }),
  );
const held = records(200, 0);
const files = Array.from({ length: 6 }, (_, part) => records(10_000, 1_000 + part * 10_000));
const unique = held.length + files.length * 10_000;

beforeAll(async () => {
  cli = await buildEntry('server/import/import-cli.ts');
  mkdirSync(dataDir);
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  await store.append(held);
  await store.close();
  db.close();
  mkdirSync(logs);
  files.forEach((part, i) =>
    writeFileSync(join(logs, `part-${i}.json.gz`), gzipSync(JSON.stringify({ Records: part }))),
  );
  // Copies: events of the first file again, and events the store held before.
  const copies = [...files[0]!.slice(0, 2_000), ...held.slice(0, 100)];
  writeFileSync(join(logs, 'part-copies.json.gz'), gzipSync(JSON.stringify({ Records: copies })));
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  cli?.remove();
});

/** Starts `npm run import` on the logs. */
function startImport() {
  const script =
    `const { main } = await import(${JSON.stringify(cli.url)});` +
    `await main([${JSON.stringify(logs)}, '--data-dir', ${JSON.stringify(dataDir)}]);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const written = () => size(file) + size(`${file}.wal`);

async function stored(): Promise<{ count: number; ids: number }> {
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  try {
    const [[ids]] = (
      await db.connection.runAndReadAll('SELECT count(DISTINCT event_id)::DOUBLE FROM events')
    ).getRows() as [[number]];
    return { count: await store.count(), ids };
  } finally {
    await store.close();
    db.close();
  }
}

describe('an import killed part-way', () => {
  it('run again, stores exactly the unique events', async () => {
    for (const round of [0, 1]) {
      const before = written();
      const { child, exited } = startImport();
      // Kill once its writes have begun (the second round a little later than the first).
      for (let waited = 0; written() <= before + round * 2_000_000 && waited < 60_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGKILL');
      const killed = await exited;
      expect(killed.signal, `the import ended before it was killed: ${killed.output}`).toBe('SIGKILL');
      const after = await stored();
      expect(after.count).toBe(after.ids);
      expect(after.count).toBeGreaterThanOrEqual(held.length);
      expect(after.count).toBeLessThanOrEqual(unique);
    }
    const again = await startImport().exited;
    expect(again, again.output).toMatchObject({ code: 0 });
    expect(await stored()).toEqual({ count: unique, ids: unique });
    const once = await startImport().exited;
    expect(once, once.output).toMatchObject({ code: 0 });
    expect(await stored()).toEqual({ count: unique, ids: unique });
  }, 240_000);
});
