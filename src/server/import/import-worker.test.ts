// @vitest-environment node
// The import worker, built as `npm start` builds it, against the in-process path on the same files:
// the same summary, the same rows stored, and a file that breaks it does not stop the worker.
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { Importer } from './importer';
import { ImportWorker } from './worker-client';

const root = mkdtempSync(join(tmpdir(), 'trailview-worker-'));
const workerFile = join(root, 'dist', 'import-worker.mjs');
const logs = join(root, 'logs');

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
    build: {
      ssr: fileURLToPath(new URL('./import-worker.ts', import.meta.url)),
      outDir: join(root, 'dist'),
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'import-worker.mjs' } },
    },
  });
  mkdirSync(logs);
  const records = Array.from({ length: 3_000 }, (_, i) =>
    makeRecord({ time: T0 - i * 1000, eventName: `Call${i % 7}`, readOnly: i % 2 === 0 }),
  );
  writeFileSync(join(logs, 'a.json.gz'), gzipSync(JSON.stringify({ Records: records.slice(0, 2_000) })));
  // JSON lines with two broken lines (an unclosed object, a stray word) among them.
  const lines = records.slice(1_500).map((r) => JSON.stringify(r));
  lines.splice(700, 0, '{"eventID": "broken", "eventTime": ');
  lines.splice(1_200, 0, 'oops');
  writeFileSync(join(logs, 'b.json'), lines.join('\n'));
  writeFileSync(join(logs, 'c.json'), '{"Records":[{"eventID":"x"},');
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function importInto(name: string, worker?: string, workers = 1) {
  const db = await openDatabase(join(root, `${name}.duckdb`));
  const store = await DuckDbEventStore.open(db);
  try {
    const summary = await store.bulk('import', (writer) =>
      new Importer(writer, { worker, workers }).importPaths([logs]),
    );
    const page = await store.lookup({
      region: 'us-east-1',
      insight: false,
      attribute: { key: 'EventName', value: 'Call3' },
      limit: 50,
    });
    return { summary, count: await store.count(), page: page.events.map((e) => e.record) };
  } finally {
    await store.close();
    db.close();
  }
}

describe('the import worker', () => {
  it('imports what the in-process path imports', async () => {
    const inProcess = await importInto('in-process');
    const viaWorker = await importInto('worker', workerFile);
    expect(viaWorker).toEqual(inProcess);
    // Two files at once: the same rows; the notes may come in another order.
    const parallel = await importInto('two-workers', workerFile, 2);
    expect({ ...parallel, summary: { ...parallel.summary, rejectionExamples: [] } }).toEqual({
      ...inProcess,
      summary: { ...inProcess.summary, rejectionExamples: [] },
    });
    expect(viaWorker.count).toBe(3_000);
    expect(viaWorker.summary).toMatchObject({
      filesRead: 3,
      eventsRead: 3_503,
      eventsImported: 3_000,
      duplicatesSkipped: 500,
      rejected: { 'no eventTime': 1, 'invalid JSON': 2 },
    });
    expect(viaWorker.summary.rejectionExamples.filter((note) => note.line !== undefined)).toEqual([
      { file: join(logs, 'b.json'), reason: 'invalid JSON', line: 701 },
      { file: join(logs, 'b.json'), reason: 'invalid JSON', line: 1_201 },
    ]);
    expect(viaWorker.summary.filesFailed).toEqual([
      { file: join(logs, 'c.json'), reason: 'The file ends in the middle of a JSON value.' },
    ]);
  });

  it('reads uploads (streams) as it reads files, one file after another on one worker', async () => {
    const db = await openDatabase(join(root, 'streams.duckdb'));
    const store = await DuckDbEventStore.open(db);
    const worker = new ImportWorker(workerFile);
    try {
      const summaries = [];
      for (const name of ['a.json.gz', 'b.json', 'c.json']) {
        summaries.push(
          await store.bulk('import', async (writer) => {
            const importer = new Importer(writer, { worker });
            await importer.importStream(name, createReadStream(join(logs, name), { highWaterMark: 4096 }));
            return importer.finish();
          }),
        );
      }
      expect(summaries.map((s) => [s.eventsImported, s.duplicatesSkipped])).toEqual([
        [2_000, 0],
        [1_000, 500],
        [0, 0],
      ]);
      expect(summaries[2]!.filesFailed).toEqual([
        { file: 'c.json', reason: 'The file ends in the middle of a JSON value.' },
      ]);
      expect(await store.count()).toBe(3_000);
    } finally {
      await worker.close();
      await store.close();
      db.close();
    }
  });

  it('takes the rest of an upload it gave up on early, so the next upload is read', async () => {
    const junk = join(root, 'junk.bin');
    writeFileSync(junk, 'x'.repeat(256 * 1024));
    const db = await openDatabase(join(root, 'junk.duckdb'));
    const store = await DuckDbEventStore.open(db);
    const worker = new ImportWorker(workerFile);
    try {
      const summaries = [];
      for (const path of [junk, join(logs, 'a.json.gz')]) {
        summaries.push(
          await store.bulk('import', async (writer) => {
            const importer = new Importer(writer, { worker });
            // Small chunks: many more than the worker lets the main thread send ahead.
            await importer.importStream(path, createReadStream(path, { highWaterMark: 4096 }));
            return importer.finish();
          }),
        );
      }
      expect(summaries[0]!.filesSkipped).toEqual([{ file: junk, reason: 'not JSON' }]);
      expect(summaries[1]!.eventsImported).toBe(2_000);
    } finally {
      await worker.close();
      await store.close();
      db.close();
    }
  });
});
