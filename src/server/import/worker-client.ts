// The main thread's side of the import worker: sends a file's bytes (a few chunks ahead, no more) and
// hands the rows the worker built to the store, one batch at a time.
import { Worker } from 'node:worker_threads';
import type { EventOrigin } from '../store/event-rows';
import type { FileResult } from './record-reader';
import type { FromWorker, ToWorker } from './worker-protocol';

/** Chunks sent and not yet taken by the worker. */
const AHEAD = 4;

type BatchMessage = FromWorker & { type: 'batch' };

export class ImportWorker {
  private readonly worker: Worker;
  private inFlight = 0;
  private pulled: (() => void) | undefined;
  private readonly messages: Array<BatchMessage | { type: 'done'; result: FileResult }> = [];
  private arrived: (() => void) | undefined;
  private failure: Error | undefined;

  readonly file: URL | string;

  constructor(file: URL | string) {
    this.file = file;
    this.worker = new Worker(file);
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'pulled') {
        this.inFlight--;
        this.pulled?.();
      } else {
        this.messages.push(message);
        this.arrived?.();
      }
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.pulled?.();
      this.arrived?.();
    });
  }

  /** Reads one file in the worker; `onBatch` is awaited before the next batch is handed over. */
  async readFile(
    source: AsyncIterable<Uint8Array>,
    origin: EventOrigin,
    onBatch: (batch: BatchMessage) => Promise<void>,
    onRawBytes: (n: number) => void,
  ): Promise<FileResult> {
    this.post({ type: 'file', origin });
    let sendFailure: unknown;
    const sending = this.send(source, onRawBytes).catch((error: unknown) => {
      sendFailure = error;
      this.inFlight++;
      this.post({ type: 'end' });
    });
    for (;;) {
      const message = await this.next();
      if (message.type === 'done') {
        await sending;
        if (sendFailure)
          return { failure: sendFailure instanceof Error ? sendFailure.message : String(sendFailure) };
        return message.result;
      }
      await onBatch(message);
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private async send(source: AsyncIterable<Uint8Array>, onRawBytes: (n: number) => void) {
    for await (const chunk of source) {
      onRawBytes(chunk.length);
      while (this.inFlight >= AHEAD && !this.failure)
        await new Promise<void>((resolve) => (this.pulled = resolve));
      if (this.failure) throw this.failure;
      // A copy the worker can own: Node pools small buffers, and a transferred buffer is gone here.
      const data = chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer;
      this.inFlight++;
      this.post({ type: 'chunk', data }, [data]);
    }
    this.inFlight++;
    this.post({ type: 'end' });
  }

  private async next() {
    while (this.messages.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.arrived = resolve));
    }
    return this.messages.shift()!;
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []) {
    this.worker.postMessage(message, transfer);
  }
}
