// The import worker (a worker thread; dist-server/import-worker.mjs): reads, gunzips, splits, parses,
// normalises and derives the rows of one file after another, so the main thread only stores them. It
// runs ahead of the store by up to AHEAD batches, across files, so neither thread waits for the other
// at a file's end; with one core each, an import takes about half the wall time it would in process.
import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { AnyRecord } from '@/domain/record';
import { countedPart } from '@/emulator/insights/minute-counts';
import { buildEventRow, type EventOrigin, type RecordText, Field } from '../store/event-rows';
import { readRecords, type Outcome } from './record-reader';
import type { FromWorker, ToWorker } from './worker-protocol';

const BATCH = 2_000;
/** Batches sent and not yet stored. */
const AHEAD = 4;
/** Record bytes are copied into buffers of this size, which go to the main thread with their batch. */
const PACK_BYTES = 1 << 20;

const port = parentPort!;
const utf8 = new TextEncoder();

type Job = { type: 'path' | 'stream'; file: number; path?: string; origin: EventOrigin };

const jobs: Job[] = [];
const streams = new Map<number, Array<ArrayBuffer | null>>();
/** Streams whose end marker has been taken. */
const ended = new Set<number>();
let wake: (() => void) | undefined;
let unstored = 0;
let stored: (() => void) | undefined;

function send(message: FromWorker, transfer: ArrayBuffer[] = []) {
  port.postMessage(message, transfer);
}

function nudge() {
  wake?.();
  wake = undefined;
}

/** The bytes of a stream as the main thread sends them; null marks the end. */
async function* streamed(file: number): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunks = streams.get(file)!;
    while (chunks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const chunk = chunks.shift()!;
    send({ type: 'pulled' });
    if (chunk === null) {
      ended.add(file);
      return;
    }
    yield new Uint8Array(chunk);
  }
}

/** Copies records into transferable buffers; the rows keep views of them. */
class RecordPacker {
  private buffers: ArrayBuffer[] = [];
  private current = new Uint8Array(0);
  private used = 0;

  add(record: RecordText): Uint8Array {
    const bytes = typeof record === 'string' ? utf8.encode(record) : record;
    if (this.used + bytes.length > this.current.length) {
      this.current = new Uint8Array(Math.max(PACK_BYTES, bytes.length));
      this.buffers.push(this.current.buffer);
      this.used = 0;
    }
    const view = this.current.subarray(this.used, this.used + bytes.length);
    view.set(bytes);
    this.used += bytes.length;
    return view;
  }

  take(): ArrayBuffer[] {
    const buffers = this.buffers;
    this.buffers = [];
    this.current = new Uint8Array(0);
    this.used = 0;
    return buffers;
  }
}

async function readFile(job: Job) {
  const packer = new RecordPacker();
  let rawBytes = 0;
  const fresh = () => ({
    type: 'batch' as const,
    file: job.file,
    rows: [],
    observed: [],
    rejected: [],
    rawBytes: 0,
  });
  let built: FromWorker & { type: 'batch' } = fresh();
  const flush = async () => {
    built.rawBytes = rawBytes;
    rawBytes = 0;
    unstored++;
    send(built, packer.take());
    built = fresh();
    while (unstored >= AHEAD) await new Promise<void>((resolve) => (stored = resolve));
  };
  const take = async (outcomes: Outcome[]) => {
    for (const outcome of outcomes) {
      if ('reason' in outcome) {
        built.rejected.push(outcome);
        continue;
      }
      try {
        const row = buildEventRow(-1, outcome, job.origin);
        row[Field.record] = packer.add(row[Field.record]);
        built.rows.push(row);
        const part: AnyRecord | undefined = countedPart(outcome.record);
        if (part) built.observed.push(part);
      } catch (error) {
        built.rejected.push({ reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (built.rows.length >= BATCH) await flush();
  };
  const source =
    job.type === 'path' ? createReadStream(job.path!, { highWaterMark: 256 * 1024 }) : streamed(job.file);
  // A stream's bytes are counted by the main thread as it forwards them.
  const result = await readRecords(source, take, job.type === 'path' ? (n) => (rawBytes += n) : undefined);
  if (built.rows.length > 0 || built.rejected.length > 0) await flush();
  // A file given up early (not JSON, not gzip) still has chunks on their way: take them, or the main
  // thread waits for room to send them, and every later stream behind them, for ever.
  if (job.type === 'stream' && !ended.has(job.file)) for await (const rest of streamed(job.file)) void rest;
  ended.delete(job.file);
  streams.delete(job.file);
  send({ type: 'done', file: job.file, result, rawBytes });
}

async function run() {
  for (;;) {
    while (jobs.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    await readFile(jobs.shift()!);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'path':
      jobs.push(message);
      break;
    case 'stream':
      streams.set(message.file, []);
      jobs.push(message);
      break;
    case 'chunk':
      streams.get(message.file)?.push(message.data);
      break;
    case 'end':
      streams.get(message.file)?.push(null);
      break;
    case 'stored':
      unstored--;
      stored?.();
      stored = undefined;
      return;
  }
  nudge();
});

void run();
