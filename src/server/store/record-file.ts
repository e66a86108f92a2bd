// The stored records once more, outside DuckDB, for serving pages: `trailview.records` holds their bytes one
// after another, `trailview.records.at` each row's place (offset and length, 16 bytes at seq × 16).
// DuckDB stores a record in a 256 KB block shared with a few hundred others and reads the whole block
// again once its buffer pool (256 MB) has let it go: a page of 50 rows scattered over 10M events cost it
// 20–30 ms of CPU. Here a row costs one small read from the page cache.
//
// DuckDB stays the truth (Lake queries, the index rebuild, exports); this file is a copy that may lag
// it. A row is written here after its transaction committed; a row without a place, or whose bytes are
// not the event the index expects, is read from DuckDB (DuckDbEventStore.fetch checks the event ID), so
// a crash between the two writes, a failed write here (a full disk) or rows numbered again after a
// rolled-back import never serve a wrong event. Rows of older stores are copied in the background.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  read as readCallback,
  readSync,
  writeSync,
} from 'node:fs';
import { promisify } from 'node:util';
import { CHUNK, CHUNK_BITS } from './event-columns';
import type { RecordText } from './event-rows';
import { RecordReaders } from './record-readers';

const readAt = promisify(readCallback);
const MASK = CHUNK - 1;
/** Rows whose bytes lie at most this far apart are read in one go. */
const READ_GAP = 16 * 1024;
const MAX_READ = 1 << 20;
const utf8 = new TextEncoder();

/** The records file of a database file. */
export function recordFileOf(databaseFile: string): string {
  return databaseFile.replace(/\.duckdb$/, '') + '.records';
}

export class RecordFile {
  /** [offset, length] per row, in chunks of CHUNK rows; length 0: not here. */
  private readonly places: Float64Array[] = [];
  private size: number;
  private readers: RecordReaders | undefined;
  private threads = true;
  private readonly data: number;
  private readonly at: number;

  private readonly path: string;

  private constructor(path: string, data: number, at: number, size: number) {
    this.path = path;
    this.data = data;
    this.at = at;
    this.size = size;
  }

  /** `threads: false` reads on the event loop (fs.read) instead of with reader threads. */
  static open(path: string, { threads = true } = {}): RecordFile {
    // Not O_APPEND: places are written at their rows' positions, records where the last one ended.
    const flags = constants.O_RDWR | constants.O_CREAT;
    const data = openSync(path, flags, 0o644);
    const at = openSync(`${path}.at`, flags, 0o644);
    const file = new RecordFile(path, data, at, fstatSync(data).size);
    file.threads = threads;
    file.load();
    return file;
  }

  /** Bytes of records held. */
  get bytes(): number {
    return this.size;
  }

  has(seq: number): boolean {
    const chunk = this.places[seq >>> CHUNK_BITS];
    return chunk !== undefined && chunk[(seq & MASK) * 2 + 1]! > 0;
  }

  /** Appends rows' records (committed in DuckDB) and their places. */
  append(rows: ReadonlyArray<readonly [seq: number, record: RecordText]>): void {
    if (rows.length === 0) return;
    const parts = rows.map(([, record]) => (typeof record === 'string' ? utf8.encode(record) : record));
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    writeAll(this.data, joined, this.size);
    let place = this.size;
    this.size += total;
    let runStart = -1;
    let runEnd = -1;
    rows.forEach(([seq], i) => {
      this.reserve(seq);
      const chunk = this.places[seq >>> CHUNK_BITS]!;
      chunk[(seq & MASK) * 2] = place;
      chunk[(seq & MASK) * 2 + 1] = parts[i]!.length;
      place += parts[i]!.length;
      if (seq === runEnd && (seq & MASK) !== 0) runEnd++;
      else {
        if (runStart >= 0) this.savePlaces(runStart, runEnd);
        runStart = seq;
        runEnd = seq + 1;
      }
    });
    this.savePlaces(runStart, runEnd);
  }

  /**
   * Forgets the places of rows from `first` on (rows deleted; their numbers may be given again) and
   * gives back the space after the last record still placed (what a failed import wrote).
   */
  forget(first: number): void {
    const end = this.places.length * CHUNK;
    for (let seq = first; seq < end; seq++) {
      const chunk = this.places[seq >>> CHUNK_BITS]!;
      chunk[(seq & MASK) * 2] = 0;
      chunk[(seq & MASK) * 2 + 1] = 0;
    }
    for (let seq = first; seq < end; seq = (seq | MASK) + 1)
      this.savePlaces(seq, Math.min(end, (seq | MASK) + 1));
    let used = 0;
    for (const chunk of this.places)
      for (let i = 0; i < chunk.length; i += 2) used = Math.max(used, chunk[i]! + chunk[i + 1]!);
    if (used < this.size) {
      ftruncateSync(this.data, used);
      this.size = used;
    }
  }

  /** The bytes of the rows that are here (others are left out), read in as few reads as their places allow. */
  async read(seqs: readonly number[]): Promise<Map<number, Uint8Array>> {
    const wanted: Array<[seq: number, offset: number, length: number]> = [];
    for (const seq of seqs) {
      const chunk = this.places[seq >>> CHUNK_BITS];
      const length = chunk?.[(seq & MASK) * 2 + 1] ?? 0;
      if (length > 0) wanted.push([seq, chunk![(seq & MASK) * 2]!, length]);
    }
    wanted.sort((a, b) => a[1] - b[1]);
    const runs: Array<{ start: number; end: number; rows: typeof wanted }> = [];
    for (const row of wanted) {
      const last = runs[runs.length - 1];
      const end = row[1] + row[2];
      if (last && row[1] - last.end <= READ_GAP && end - last.start <= MAX_READ) {
        last.end = Math.max(last.end, end);
        last.rows.push(row);
      } else runs.push({ start: row[1], end, rows: [row] });
    }
    const found = new Map<number, Uint8Array>();
    if (runs.length === 0) return found;
    // Threads of their own (record-readers.ts), started by the first read.
    if (this.threads) this.readers ??= new RecordReaders(this.path);
    if (this.readers?.running) {
      const bytes = await this.readers.read(
        Float64Array.from(runs.flatMap((run) => [run.start, run.end - run.start])),
      );
      if (bytes) {
        let at = 0;
        for (const run of runs) {
          for (const [seq, offset, length] of run.rows) {
            const from = at + offset - run.start;
            found.set(seq, bytes.subarray(from, from + length));
          }
          at += run.end - run.start;
        }
        return found;
      }
    }
    await Promise.all(
      runs.map(async (run) => {
        const buffer = new Uint8Array(run.end - run.start);
        const { bytesRead } = await readAt(this.data, buffer, 0, buffer.length, run.start);
        for (const [seq, offset, length] of run.rows) {
          const from = offset - run.start;
          if (from + length <= bytesRead) found.set(seq, buffer.subarray(from, from + length));
        }
      }),
    );
    return found;
  }

  /** Flushes both files to the disk. */
  sync(): void {
    fsyncSync(this.data);
    fsyncSync(this.at);
  }

  async close(): Promise<void> {
    await this.readers?.close();
    closeSync(this.data);
    closeSync(this.at);
  }

  /** Reads the places; a place past the end of the records (a file cut short) is dropped. */
  private load(): void {
    const bytes = fstatSync(this.at).size;
    const rows = Math.floor(bytes / 16);
    const chunks = Math.ceil(rows / CHUNK);
    if (chunks === 0) return;
    const buffer = new ArrayBuffer(chunks * CHUNK * 16);
    const view = new Uint8Array(buffer);
    for (let at = 0; at < rows * 16;) {
      const read = readSync(this.at, view, at, Math.min(rows * 16 - at, 1 << 30), at);
      if (read === 0) break;
      at += read;
    }
    for (let c = 0; c < chunks; c++) this.places.push(new Float64Array(buffer, c * CHUNK * 16, CHUNK * 2));
    for (const chunk of this.places) {
      for (let i = 0; i < chunk.length; i += 2) {
        const offset = chunk[i]!;
        const length = chunk[i + 1]!;
        if (!(length > 0 && offset >= 0 && offset + length <= this.size)) {
          chunk[i] = 0;
          chunk[i + 1] = 0;
        }
      }
    }
  }

  private reserve(seq: number): void {
    while (seq >= this.places.length * CHUNK) this.places.push(new Float64Array(CHUNK * 2));
  }

  /** Writes the places of rows [start, end) (within one chunk) to their file. */
  private savePlaces(start: number, end: number): void {
    if (end <= start) return;
    const chunk = this.places[start >>> CHUNK_BITS]!;
    const from = (start & MASK) * 2;
    const view = new Uint8Array(chunk.buffer, chunk.byteOffset + from * 8, (end - start) * 16);
    writeAll(this.at, view, start * 16);
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
}
