// Threads that read runs of bytes from the records file (record-file.ts) with plain blocking reads and
// hand them over in one transferred buffer. Fifty rows read with fs.read cost the event loop about 0.35 ms
// in promise and callback work (50 requests through libuv's pool); a thread here costs it one message
// each way, and a read the page cache misses blocks the thread, not the server.
//
// The thread's code is small and has no imports of ours, so it is given as source (a worker evaluated
// from a string) rather than built as a file of its own: the same code runs from the built server and
// from the tests' TypeScript.
import { Worker } from 'node:worker_threads';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync } = require('node:fs');
const fd = openSync(workerData.path, 'r');
parentPort.on('message', ({ id, runs }) => {
  let total = 0;
  for (let i = 1; i < runs.length; i += 2) total += runs[i];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const length = runs[i + 1];
    for (let done = 0; done < length; ) {
      const read = readSync(fd, bytes, at + done, length - done, runs[i] + done);
      if (read === 0) break; // a short file leaves zeros: the event check rejects those rows
      done += read;
    }
    at += length;
  }
  parentPort.postMessage({ id, bytes }, [bytes.buffer]);
});
`;

const THREADS = 2;

export class RecordReaders {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (bytes: Uint8Array | undefined) => void>();
  private nextId = 0;
  private failed = false;

  constructor(path: string) {
    this.workers = Array.from({ length: THREADS }, () => {
      const worker = new Worker(SOURCE, { eval: true, workerData: { path } });
      worker.unref();
      worker.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
        this.waiting.get(id)?.(bytes);
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

  /** The bytes of runs [start, length, start, length, …], one after another; undefined if a thread failed. */
  read(runs: Float64Array): Promise<Uint8Array | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.workers[id % THREADS]!.postMessage({ id, runs });
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
