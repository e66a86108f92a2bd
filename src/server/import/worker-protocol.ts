// Messages between the importer and its worker (import-worker.ts). Files are numbered by the main
// thread and read in the order they were sent; the worker reads a path itself, or a stream's chunks as
// the main thread forwards them.
import type { AnyRecord } from '@/domain/record';
import type { EventOrigin, EventRow } from '../store/event-rows';
import type { FileResult, Rejection } from './record-reader';

export type ToWorker =
  | { type: 'path'; file: number; path: string; origin: EventOrigin }
  | { type: 'stream'; file: number; origin: EventOrigin }
  | { type: 'chunk'; file: number; data: ArrayBuffer }
  | { type: 'end'; file: number }
  /** The main thread stored a batch: the worker may run one more ahead. */
  | { type: 'stored' };

export type FromWorker =
  /** The worker took a stream chunk off its queue: the main thread may send another. */
  | { type: 'pulled' }
  /**
   * Rows, which the lookup index reads too. Each row's record is a view of a buffer transferred with the message, so its bytes are not copied.
   */
  | {
      type: 'batch';
      file: number;
      rows: EventRow[];
      /** The management writes and errors, reduced to what the Insights counts read (countedPart). */
      observed: AnyRecord[];
      rejected: Rejection[];
      /** Bytes of the file read since the last message (for a path). */
      rawBytes: number;
    }
  | { type: 'done'; file: number; result: FileResult; rawBytes: number };
