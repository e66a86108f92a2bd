// Threads that read rows from the records file (record-file.ts) with plain blocking reads and hand them
// over in one transferred buffer. Fifty rows read with fs.read cost the event loop about 0.35 ms in
// promise and callback work (50 requests through libuv's pool); a thread here costs it one message each
// way, and a read the page cache misses blocks the thread, not the server.
//
// The thread's code is small and has no imports of ours, so it is given as source (a worker evaluated
// from a string) rather than built as a file of its own: the same code runs from the built server and
// from the tests' TypeScript. `readPlacedRows` is that code's work, and also what the event loop runs
// when there are no threads.
import { Worker } from 'node:worker_threads';

/** A blocking positional read (fs.readSync's shape): bytes read. */
type ReadAt = (fd: number, into: Uint8Array, offset: number, length: number, position: number) => number;

/** What `readPlacedRows` found: the rows' bytes one after another, and [seq, start, length] per row. */
export interface PlacedRows {
  bytes: Uint8Array;
  table: Float64Array;
}

/**
 * Reads rows by number: each row's place (offset and length, 16 bytes at seq × 16 in the places file),
 * then their bytes in as few reads as the places allow. A row without a place, or whose place lies past
 * `size` (the records the file is known to hold), is left out.
 *
 * Self-contained on purpose: its source is the reader threads' code (see RecordReaders).
 */
export function readPlacedRows(
  readSync: ReadAt,
  dataFd: number,
  placesFd: number,
  seqs: ArrayLike<number>,
  size: number,
): PlacedRows {
  /** Rows whose places lie at most this far apart are read in one go. */
  const PLACES_GAP = 256;
  /** Rows whose bytes lie at most this far apart are read in one go. */
  const READ_GAP = 16 * 1024;
  const MAX_READ = 1 << 20;
  const fill = (fd: number, into: Uint8Array, at: number, length: number, position: number): number => {
    let done = 0;
    while (done < length) {
      const read = readSync(fd, into, at + done, length - done, position + done);
      if (read === 0) break; // a short file leaves zeros
      done += read;
    }
    return done;
  };
  const sorted = Array.from(seqs).sort((a, b) => a - b);
  const rows: Array<[seq: number, offset: number, length: number]> = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]! - sorted[j - 1]! <= PLACES_GAP) j++;
    const first = sorted[i]!;
    const count = sorted[j - 1]! - first + 1;
    const places = new Float64Array(count * 2);
    fill(placesFd, new Uint8Array(places.buffer), 0, count * 16, first * 16);
    for (let k = i; k < j; k++) {
      const seq = sorted[k]!;
      const offset = places[(seq - first) * 2]!;
      const length = places[(seq - first) * 2 + 1]!;
      if (length > 0 && offset >= 0 && offset + length <= size) rows.push([seq, offset, length]);
    }
    i = j;
  }
  rows.sort((a, b) => a[1] - b[1]);
  const runs: Array<{ start: number; end: number }> = [];
  const runOf: number[] = [];
  for (const [, offset, length] of rows) {
    const last = runs[runs.length - 1];
    const end = offset + length;
    if (last && offset - last.end <= READ_GAP && end - last.start <= MAX_READ)
      last.end = Math.max(last.end, end);
    else runs.push({ start: offset, end });
    runOf.push(runs.length - 1);
  }
  let total = 0;
  const at: number[] = [];
  for (const run of runs) {
    at.push(total);
    total += run.end - run.start;
  }
  const bytes = new Uint8Array(total);
  runs.forEach((run, r) => fill(dataFd, bytes, at[r]!, run.end - run.start, run.start));
  const table = new Float64Array(rows.length * 3);
  rows.forEach(([seq, offset, length], i) => {
    const run = runs[runOf[i]!]!;
    table[i * 3] = seq;
    table[i * 3 + 1] = at[runOf[i]!]! + offset - run.start;
    table[i * 3 + 2] = length;
  });
  return { bytes, table };
}

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync } = require('node:fs');
const readPlacedRows = (${readPlacedRows.toString()});
const data = openSync(workerData.path, 'r');
const places = openSync(workerData.path + '.at', 'r');
parentPort.on('message', ({ id, seqs, size }) => {
  const { bytes, table } = readPlacedRows(readSync, data, places, seqs, size);
  parentPort.postMessage({ id, bytes, table }, [bytes.buffer, table.buffer]);
});
`;

const THREADS = 2;

export class RecordReaders {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (rows: PlacedRows | undefined) => void>();
  private nextId = 0;
  private failed = false;

  constructor(path: string) {
    this.workers = Array.from({ length: THREADS }, () => {
      const worker = new Worker(SOURCE, { eval: true, workerData: { path } });
      worker.unref();
      worker.on('message', ({ id, bytes, table }: { id: number } & PlacedRows) => {
        this.waiting.get(id)?.({ bytes, table });
        this.waiting.delete(id);
      });
      worker.on('error', (error) => this.fail(error));
      return worker;
    });
  }

  /** Whether the threads run (after an error the file is read by the event loop instead). */
  get running(): boolean {
    return !this.failed;
  }

  /** `readPlacedRows` in a thread; undefined if a thread failed. */
  read(seqs: readonly number[], size: number): Promise<PlacedRows | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.workers[id % THREADS]!.postMessage({ id, seqs: Float64Array.from(seqs), size });
    });
  }

  async close(): Promise<void> {
    this.failed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.settleAll();
  }

  private fail(error: unknown): void {
    if (!this.failed) console.error('trailview: a records file reader failed; reading in the server', error);
    this.failed = true;
    this.settleAll();
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
