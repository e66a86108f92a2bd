// The import worker (a worker thread; dist-server/import-worker.mjs): gunzips, splits, parses,
// normalises and derives the rows of one file at a time, so the main thread only stores them. Using both
// cores this way roughly halves an import's wall time (the main thread appends to DuckDB meanwhile).
import { parentPort } from 'node:worker_threads';
import type { AnyRecord } from '@/domain/record';
import { buildEventRow, type EventOrigin } from '../store/event-rows';
import { readRecords, type Outcome } from './record-reader';
import type { FromWorker, ToWorker } from './worker-protocol';

const BATCH = 2_000;
const port = parentPort!;

let chunks: Array<ArrayBuffer | null> = [];
let wake: (() => void) | undefined;

/** The file's bytes as the main thread sends them; null marks the end. */
async function* source(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (chunks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const chunk = chunks.shift()!;
    send({ type: 'pulled' });
    if (chunk === null) return;
    yield new Uint8Array(chunk);
  }
}

function send(message: FromWorker) {
  port.postMessage(message);
}

/** Worth showing the Insights engine: it counts management writes and errors (emulator/insights). */
const counted = (record: AnyRecord) =>
  'readOnly' in record && (record.readOnly === false || record.errorCode !== undefined);

async function readFile(origin: EventOrigin) {
  let built: FromWorker & { type: 'batch' } = { type: 'batch', rows: [], observed: [], rejected: [] };
  const flush = () => {
    send(built);
    built = { type: 'batch', rows: [], observed: [], rejected: [] };
  };
  const take = (outcomes: Outcome[]) => {
    for (const outcome of outcomes) {
      if ('reason' in outcome) {
        built.rejected.push(outcome.reason);
        continue;
      }
      try {
        built.rows.push(buildEventRow(-1, outcome, origin).row);
        if (counted(outcome.record)) built.observed.push(outcome.record);
      } catch (error) {
        built.rejected.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (built.rows.length >= BATCH) flush();
  };
  const result = await readRecords(source(), take);
  flush();
  send({ type: 'done', result });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'file') {
    chunks = [];
    void readFile(message.origin);
  } else {
    chunks.push(message.type === 'chunk' ? message.data : null);
    wake?.();
    wake = undefined;
  }
});
