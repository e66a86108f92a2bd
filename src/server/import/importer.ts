// Imports CloudTrail log files into an event store, streaming: S3-layout folders of .json.gz or .json
// files ({"Records":[…]}), JSON arrays, JSON lines, single events and LookupEvents output, detected by
// content. A record it cannot use is counted with its reason; nothing stops the import but a store failure.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AnyRecord } from '@/domain/record';
import type { AppendResult } from '@/emulator/store/event-store';
import { Field, type EventOrigin, type EventRow, type RecordWithJson } from '../store/event-rows';
import { readRecords, type FileResult, type Outcome, type Rejection } from './record-reader';
import { emptySummary, noteEvent, type ImportSummary } from '@/domain/import-summary';
import type { ImportProgress } from './summary';
import { ImportWorker } from './worker-client';

/** Where records go: a DuckDbEventStore's BulkWriter (or anything that counts inserts and duplicates). */
export interface ImportSink {
  appendWithJson(items: readonly RecordWithJson[]): Promise<AppendResult>;
  /** Rows built by the import worker; without it the importer parses in process. */
  appendBuilt?(rows: readonly EventRow[], observed: readonly AnyRecord[]): Promise<AppendResult>;
}

export interface ImporterOptions {
  /** Records per store append in process. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * The built import worker (dist-server/import-worker.mjs), or a running one to share (left running);
   * without it files are parsed in process.
   */
  worker?: URL | string | ImportWorker;
  /** Files read at once, each by a worker of its own (with a worker file); default 1. */
  workers?: number;
  origin?: EventOrigin;
}

const MAX_EXAMPLES = 20;

/** Files a worker has queued: it starts on the next while the store takes the last one's rows. */
const FILES_AHEAD = 3;

/**
 * Workers for a folder: one core stays with the main thread, which stores what they parse.
 * TRAILVIEW_IMPORT_WORKERS overrides it.
 */
export function defaultWorkers(): number {
  const chosen = Number(process.env.TRAILVIEW_IMPORT_WORKERS);
  if (Number.isInteger(chosen) && chosen > 0) return chosen;
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Names that are never log files (as cloudtrail-stats.py skips them), and CloudTrail digest folders. */
const NOT_LOGS = /\.(md|txt|ya?ml|csv|py|png|svg|gif|html|js|zip)$|^(LICENSE|README)$/i;
const DIGEST_FOLDER = 'CloudTrail-Digest';

export class Importer {
  readonly summary: ImportSummary = emptySummary();
  private batch: RecordWithJson[] = [];
  private readonly batchSize: number;
  private bytesRead = 0;
  private readonly sink: ImportSink;
  private readonly options: ImporterOptions;
  /** Workers by lane; the ones this importer started are stopped by close(). */
  private readonly workers: ImportWorker[] = [];
  private readonly owned: ImportWorker[] = [];
  /** The store takes one batch at a time, whichever lane it comes from. */
  private appending: Promise<unknown> = Promise.resolve();

  constructor(sink: ImportSink, options: ImporterOptions = {}) {
    this.sink = sink;
    this.options = options;
    this.batchSize = options.batchSize ?? 10_000;
  }

  /**
   * Imports files and folders (walked recursively, in name order). With a worker, it reads the files
   * itself, a few queued ahead so it never waits for the store at a file's end; with several workers,
   * files are read in parallel.
   */
  async importPaths(paths: readonly string[]): Promise<ImportSummary> {
    const summary = this.summary;
    const files = (async function* () {
      for (const path of paths) yield* walkFiles(path, summary);
    })();
    const viaWorker = this.options.worker !== undefined && this.sink.appendBuilt !== undefined;
    const lanes = viaWorker ? Math.max(1, this.options.workers ?? 1) : 1;
    const ahead = viaWorker ? FILES_AHEAD : 1;
    try {
      // The lanes share one generator: each takes the next file when it has room for one.
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          const queued: Array<Promise<void>> = [];
          for await (const file of files) {
            const done = viaWorker
              ? this.readInWorker(file, file, lane)
              : this.importStream(file, createReadStream(file, { highWaterMark: 256 * 1024 }), lane);
            // Awaited in turn below; a failure meanwhile is not an unhandled rejection.
            done.catch(() => undefined);
            queued.push(done);
            if (queued.length >= ahead) await queued.shift();
          }
          for (const done of queued) await done;
        }),
      );
      return await this.finish();
    } finally {
      await this.close();
    }
  }

  /** Imports one file's bytes (gzip or not); call `finish` after the last one, then `close`. */
  async importStream(file: string, source: AsyncIterable<Uint8Array>, lane = 0): Promise<void> {
    if (this.options.worker && this.sink.appendBuilt) return this.readInWorker(file, source, lane);
    const result = await readRecords(
      source,
      (outcomes) => this.take(file, outcomes),
      (n) => (this.bytesRead += n),
    );
    this.settle(file, result);
  }

  private async readInWorker(
    file: string,
    source: string | AsyncIterable<Uint8Array>,
    lane: number,
  ): Promise<void> {
    const appendBuilt = this.sink.appendBuilt!.bind(this.sink);
    const worker = this.workerFor(lane, this.options.worker!);
    await this.flush(file);
    const result = await worker.readFile(
      source,
      this.options.origin ?? 'import',
      async (batch) => {
        this.summary.eventsRead += batch.rows.length + batch.rejected.length;
        for (const rejection of batch.rejected) this.reject(file, rejection);
        for (const row of batch.rows) noteEvent(this.summary, row[Field.time], row[Field.region]);
        const appended = this.appending.then(() => appendBuilt(batch.rows, batch.observed));
        this.appending = appended.catch(() => undefined);
        this.count(await appended, file);
      },
      (n) => (this.bytesRead += n),
    );
    this.settle(file, result);
  }

  private settle(file: string, result: FileResult): void {
    if (result.skipped) {
      this.summary.filesSkipped.push({ file, reason: result.skipped });
      return;
    }
    this.summary.filesRead++;
    if (result.failure) this.summary.filesFailed.push({ file, reason: result.failure });
    this.report(file);
  }

  /** Appends what is still batched. */
  async finish(): Promise<ImportSummary> {
    await this.flush();
    return this.summary;
  }

  /** Stops the workers this importer started. */
  async close(): Promise<void> {
    await Promise.all(this.owned.splice(0).map((worker) => worker.close()));
    this.workers.length = 0;
  }

  private workerFor(lane: number, given: URL | string | ImportWorker): ImportWorker {
    let worker = this.workers[lane];
    if (!worker) {
      worker = lane === 0 && given instanceof ImportWorker ? given : new ImportWorker(workerFile(given));
      if (worker !== given) this.owned.push(worker);
      this.workers[lane] = worker;
    }
    return worker;
  }

  private async take(file: string, outcomes: Outcome[]): Promise<void> {
    for (const outcome of outcomes) {
      this.summary.eventsRead++;
      if ('reason' in outcome) this.reject(file, outcome);
      else {
        noteEvent(
          this.summary,
          Date.parse(String(outcome.record.eventTime)),
          String(outcome.record.awsRegion),
        );
        this.batch.push(outcome);
      }
    }
    if (this.batch.length >= this.batchSize) await this.flush(file);
  }

  private async flush(file = ''): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.count(await this.sink.appendWithJson(batch), file);
  }

  private count({ inserted, duplicates }: AppendResult, file: string): void {
    this.summary.eventsImported += inserted;
    this.summary.duplicatesSkipped += duplicates;
    this.report(file);
  }

  private reject(file: string, { reason, line }: Rejection): void {
    this.summary.rejected[reason] = (this.summary.rejected[reason] ?? 0) + 1;
    if (this.summary.rejectionExamples.length < MAX_EXAMPLES)
      this.summary.rejectionExamples.push(line === undefined ? { file, reason } : { file, reason, line });
  }

  private report(file: string): void {
    this.options.onProgress?.({
      file,
      bytesRead: this.bytesRead,
      filesRead: this.summary.filesRead,
      eventsImported: this.summary.eventsImported,
    });
  }
}

function workerFile(given: URL | string | ImportWorker): URL | string {
  if (!(given instanceof ImportWorker)) return given;
  return given.file;
}

export async function* walkFiles(path: string, summary: ImportSummary): AsyncGenerator<string> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    summary.filesFailed.push({ file: path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    return;
  }
  if (info.isFile()) {
    yield path;
    return;
  }
  if (!info.isDirectory()) return;
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (entry.name === DIGEST_FOLDER) summary.filesSkipped.push({ file: child, reason: 'digest files' });
      else yield* walkFiles(child, summary);
    } else if (NOT_LOGS.test(entry.name)) {
      summary.filesSkipped.push({ file: child, reason: 'not a log file (by name)' });
    } else if (entry.isFile()) {
      yield child;
    } else if (entry.isSymbolicLink()) {
      // A link to a file is read; a link to a folder is not followed (it may loop back up the tree).
      const target = await stat(child).catch(() => undefined);
      if (target?.isFile()) yield child;
      else
        summary.filesSkipped.push({
          file: child,
          reason: target?.isDirectory() ? 'a link to a folder (not followed)' : 'a link to nothing',
        });
    }
  }
}
