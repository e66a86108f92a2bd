// Messages between the importer and its worker (import-worker.ts).
import type { AnyRecord } from '@/domain/record';
import type { EventOrigin, EventRow } from '../store/event-rows';
import type { FileResult } from './record-reader';

export type ToWorker =
  { type: 'file'; origin: EventOrigin } | { type: 'chunk'; data: ArrayBuffer } | { type: 'end' };

export type FromWorker =
  /** The worker took a chunk off its queue: the main thread may send another. */
  | { type: 'pulled' }
  /** Rows only: their index entries are read back from them (entryOfRow), which is cheaper than a copy. */
  | { type: 'batch'; rows: EventRow[]; observed: AnyRecord[]; rejected: string[] }
  | { type: 'done'; result: FileResult };
