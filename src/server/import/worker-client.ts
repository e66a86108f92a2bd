// The main thread's side of the import worker: queues files (paths the worker reads itself, or streams
// whose chunks it forwards, a few ahead and no more) and hands the rows the worker built to the store,
// one batch at a time in the order they come, acknowledging each so the worker keeps a bounded lead.
import { Worker } from 'node:worker_threads';
import type { EventOrigin } from '../store/event-rows';
import type { FileResult } from './record-reader';
import type { FromWorker, ToWorker } from './worker-protocol';

/** Stream chunks sent and not yet taken by the worker. */
const CHUNKS_AHEAD = 4;

export type WorkerBatch = FromWorker & { type: 'batch' };

interface FileJob {
  onBatch: (batch: WorkerBatch) => Promise<void>;
  onRawBytes: (n: number) => void;
  resolve: (result: FileResult) => void;
  reject: (error: unknown) => void;
}

export class ImportWorker {
  private readonly worker: Worker;
  private nextFile = 0;
  private readonly jobs = new Map<number, FileJob>();
  /** Batches and results are handled one after another, in the order the worker sent them. */
  private handling: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private pulled: (() => void) | undefined;
  private failure: Error | undefined;

  readonly file: URL | string;

  constructor(file: URL | string) {
    this.file = file;
    this.worker = new Worker(file);
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => {
      this.failure = error;
      this.pulled?.();
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
    });
  }

  /**
   * Reads one file in the worker: a path it opens itself, or a stream of the file's bytes. Files queue
   * in the worker; `onBatch` is awaited before the next batch (of any file) is handled.
   */
  readFile(
    source: string | AsyncIterable<Uint8Array>,
    origin: EventOrigin,
    onBatch: (batch: WorkerBatch) => Promise<void>,
    onRawBytes: (n: number) => void,
  ): Promise<FileResult> {
    if (this.failure) return Promise.reject(this.failure);
    const file = this.nextFile++;
    const done = new Promise<FileResult>((resolve, reject) =>
      this.jobs.set(file, { onBatch, onRawBytes, resolve, reject }),
    );
    if (typeof source === 'string') {
      this.post({ type: 'path', file, path: source, origin });
      return done;
    }
    this.post({ type: 'stream', file, origin });
    let sendFailure: unknown;
    const sending = this.send(file, source, onRawBytes).catch((error: unknown) => {
      sendFailure = error;
      this.inFlight++;
      this.post({ type: 'end', file });
    });
    return done.then(async (result) => {
      await sending;
      if (sendFailure)
        return { failure: sendFailure instanceof Error ? sendFailure.message : String(sendFailure) };
      return result;
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'pulled') {
      this.inFlight--;
      this.pulled?.();
      return;
    }
    this.handling = this.handling.then(async () => {
      const job = this.jobs.get(message.file);
      if (!job) {
        // The file failed already; the worker still waits for its batches to be taken.
        if (message.type === 'batch') this.post({ type: 'stored' });
        return;
      }
      try {
        job.onRawBytes(message.rawBytes);
        if (message.type === 'batch') {
          await job.onBatch(message);
          this.post({ type: 'stored' });
        } else {
          this.jobs.delete(message.file);
          job.resolve(message.result);
        }
      } catch (error) {
        this.jobs.delete(message.file);
        job.reject(error);
        // The worker still waits for the batch to be stored before it goes on.
        if (message.type === 'batch') this.post({ type: 'stored' });
      }
    });
  }

  private async send(file: number, source: AsyncIterable<Uint8Array>, onRawBytes: (n: number) => void) {
    for await (const chunk of source) {
      onRawBytes(chunk.length);
      while (this.inFlight >= CHUNKS_AHEAD && !this.failure)
        await new Promise<void>((resolve) => (this.pulled = resolve));
      if (this.failure) throw this.failure;
      // A copy the worker can own: Node pools small buffers, and a transferred buffer is gone here.
      const data = chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer;
      this.inFlight++;
      this.post({ type: 'chunk', file, data }, [data]);
    }
    this.inFlight++;
    this.post({ type: 'end', file });
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []) {
    this.worker.postMessage(message, transfer);
  }
}
