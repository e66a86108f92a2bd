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
  readSync,
  writeSync,
} from 'node:fs';
import type { RecordText } from './event-rows';
import { readPlacedRows, RecordReaders } from './record-readers';

const utf8 = new TextEncoder();
/** Places scanned at a time when the whole places file is read (forget). */
const SCAN_ROWS = 65_536;

/** The records file of a database file. */
export function recordFileOf(databaseFile: string): string {
  return databaseFile.replace(/\.duckdb$/, '') + '.records';
}

/**
 * The places stay on disk (in the page cache): each read looks them up with the rows' bytes, in the
 * reader threads. Held in memory they took 16 bytes per event, 160 MB at 10M events.
 */
export class RecordFile {
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

  /** `threads: false` reads on the event loop instead of with reader threads. */
  static open(path: string, { threads = true } = {}): RecordFile {
    // Not O_APPEND: places are written at their rows' positions, records where the last one ended.
    const flags = constants.O_RDWR | constants.O_CREAT;
    const data = openSync(path, flags, 0o644);
    const at = openSync(`${path}.at`, flags, 0o644);
    const file = new RecordFile(path, data, at, fstatSync(data).size);
    file.threads = threads;
    return file;
  }

  /** Bytes of records held. */
  get bytes(): number {
    return this.size;
  }

  /** The rows in [from, to) the file holds no record of. */
  unplaced(from: number, to: number): number[] {
    const places = this.places(from, to);
    const missing: number[] = [];
    for (let seq = from; seq < to; seq++) {
      const offset = places[(seq - from) * 2]!;
      const length = places[(seq - from) * 2 + 1]!;
      if (!(length > 0 && offset >= 0 && offset + length <= this.size)) missing.push(seq);
    }
    return missing;
  }

  /** Appends rows' records (committed in DuckDB) and their places. */
  append(rows: ReadonlyArray<readonly [seq: number, record: RecordText]>): void {
    if (rows.length === 0) return;
    const places = this.write(rows.map(([, record]) => record));
    this.place(
      rows.map(([seq]) => seq),
      places,
    );
  }

  /**
   * Appends records' bytes without placing them (rows not yet committed: `place` names them once they
   * are): their [offset, length] pairs. Bytes never placed are only space.
   */
  write(records: readonly RecordText[]): Float64Array {
    const places = new Float64Array(records.length * 2);
    if (records.length === 0) return places;
    const parts = records.map((record) => (typeof record === 'string' ? utf8.encode(record) : record));
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    parts.forEach((part, i) => {
      joined.set(part, offset);
      places[i * 2] = this.size + offset;
      places[i * 2 + 1] = part.length;
      offset += part.length;
    });
    writeAll(this.data, joined, this.size);
    this.size += total;
    return places;
  }

  /** Writes the places of rows (`places`: [offset, length] per row, as `write` gave them). */
  place(seqs: readonly number[], places: Float64Array): void {
    // Each run of consecutive rows in one write.
    for (let i = 0; i < seqs.length;) {
      let j = i + 1;
      while (j < seqs.length && seqs[j] === seqs[j - 1]! + 1) j++;
      writeAll(
        this.at,
        new Uint8Array(places.buffer, places.byteOffset + i * 16, (j - i) * 16),
        seqs[i]! * 16,
      );
      i = j;
    }
  }

  /**
   * Forgets the places of rows from `first` on (rows deleted; their numbers may be given again) and
   * gives back the space after the last record still placed (what a failed import wrote).
   */
  forget(first: number): void {
    const rows = Math.floor(fstatSync(this.at).size / 16);
    if (first < rows) ftruncateSync(this.at, first * 16);
    let used = 0;
    for (let from = 0; from < Math.min(first, rows); from += SCAN_ROWS) {
      const places = this.places(from, Math.min(first, rows, from + SCAN_ROWS));
      for (let i = 0; i < places.length; i += 2) {
        const end = places[i]! + places[i + 1]!;
        if (places[i + 1]! > 0 && end <= this.size) used = Math.max(used, end);
      }
    }
    if (used < this.size) {
      ftruncateSync(this.data, used);
      this.size = used;
    }
  }

  /** The bytes of the rows that are here (others are left out). */
  async read(seqs: readonly number[]): Promise<Map<number, Uint8Array>> {
    const found = new Map<number, Uint8Array>();
    if (seqs.length === 0) return found;
    // Threads of their own (record-readers.ts), started by the first read.
    if (this.threads) this.readers ??= new RecordReaders(this.path);
    const rows =
      (this.readers?.running ? await this.readers.read(seqs, this.size) : undefined) ??
      readPlacedRows(readSync, this.data, this.at, seqs, this.size);
    const { bytes, table } = rows;
    for (let i = 0; i < table.length; i += 3)
      found.set(table[i]!, bytes.subarray(table[i + 1]!, table[i + 1]! + table[i + 2]!));
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

  /** The places of rows [from, to) as [offset, length] pairs; zeros past the end of the places file. */
  private places(from: number, to: number): Float64Array {
    const places = new Float64Array(Math.max(0, to - from) * 2);
    const view = new Uint8Array(places.buffer);
    for (let at = 0; at < view.length;) {
      const read = readSync(this.at, view, at, view.length - at, from * 16 + at);
      if (read === 0) break;
      at += read;
    }
    return places;
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
}
