// EventStore on DuckDB (docs/architecture.md "Stores"): the events table is the truth and survives
// restarts; the LookupIndex is rebuilt from it on open and answers which rows a page holds, DuckDB then
// returns them.
//
// Small appends (the emulator records every call it serves) are indexed and answered from memory at once
// and written by one writer connection in group commits: a commit waits for the WAL's fsync, so writing
// every read's audit event through would add a disk flush to every LookupEvents. Rows wait at most
// GROUP_DELAY_MS. A write the emulator acknowledges calls commit(): its audit event, everything queued
// before it and the account state (the `alongside` work) go into one transaction, and the response waits
// for it, so a crash loses no acknowledged change and never keeps a change without its event. Imports and
// the demo seed go through a BulkWriter instead (bulk-writer.ts).
import type { DuckDBAppender, DuckDBBlobValue, DuckDBConnection } from '@duckdb/node-api';
import { indexRecord, type IndexedEvent } from '@/domain/lookup-event';
import type { AnyRecord } from '@/domain/record';
import type { AppendResult, EventStore, LookupPage, LookupQuery } from '@/emulator/store/event-store';
import { BulkWriter, isDiskFull } from './bulk-writer';
import { ConnectionPool } from './connection-pool';
import { RecordFile, recordFileOf } from './record-file';
import { RecordCache } from './record-cache';
import { readMeta, releaseCache, usingMemory, type Database } from './database';
import {
  appendEventRow,
  buildEventRow,
  type EventOrigin,
  recordText,
  type EventRow,
  type RecordText,
  type RecordWithJson,
  Field,
} from './event-rows';
import { indexFileOf, writeIndexFile } from './index-file';
import { openIndex } from './index-loader';
import { LookupIndex } from './lookup-index';
import { NO_PARTITION, packId } from './event-columns';

export type { EventOrigin, RecordWithJson } from './event-rows';

/** Group commit: rows wait up to this long (or until there are GROUP_ROWS) to be written together. */
const GROUP_DELAY_MS = 100;
const GROUP_ROWS = 1_000;
/** After a failed commit (a full disk), the next try waits this long. */
const RETRY_DELAY_MS = 1_000;
/** Rows read from the database at open, or written by one bulk, past which the index file is saved. */
const SAVE_INDEX_ROWS = 50_000;
/** Rows copied into the records file per read while filling it. */
const FILL_ROWS = 8_192;
/** The event cache's budget: about 8,000 events of 1 KB of JSON (records are cheap to read again). */
const RECORD_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Work done inside a group commit's transaction (saving the account state). It is called when the
 * transaction's rows are taken, so what it captures matches them exactly — a change whose event is not
 * among them yet is not among its data either — and returns what runs on the transaction's connection.
 */
export type Alongside = () => (connection: DuckDBConnection) => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class DuckDbEventStore implements EventStore {
  private index = new LookupIndex();
  private readonly readers: ConnectionPool;
  private readonly db: Database;
  /** The group commits' own connection: nothing else may run statements inside their transactions. */
  private readonly writer: DuckDBConnection;
  private readonly staging: DuckDBAppender;
  private nextSeq = 0;
  private storeId = '';
  /** How the last open found the index: rows read from the database (not the index file), events. */
  opened = { rowsRead: 0, events: 0 };
  private readonly indexFile: string | undefined;
  /** What the index file held when this process last wrote it. */
  private saved: { index: LookupIndex; rows: number; events: number } | undefined;
  /** Rows appended but not yet written: their JSON by row number, and the rows in order. */
  private readonly unwritten = new Map<number, RecordText>();
  /** Events of rows served lately, parsed. */
  private readonly recent = new RecordCache(RECORD_CACHE_BYTES);
  /** The records again, row by row, for cheap reads (record-file.ts); none for a database in memory. */
  private readonly records: RecordFile | undefined;
  /** Copying rows stored before the records file into it, while it runs. */
  private filling: Promise<void> | undefined;
  private closing = false;
  private queued: EventRow[] = [];
  /** Commits asked for since the last one started, and what they want done in its transaction. */
  private waiters: Waiter[] = [];
  private readonly alongside = new Set<Alongside>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The commit loop, while it runs. */
  private writing: Promise<void> | undefined;
  /** Bulk writers run one at a time, each on a connection of its own. */
  private bulkQueue: Promise<unknown> = Promise.resolve();
  /**
   * Sees the records of bulk appends (imports, the seed) that were inserted (not duplicates), which do not
   * pass through the emulator; the emulator shows its own appends to the Insights engine itself
   * (emulator/insights/observed-store.ts).
   */
  observer?: (records: readonly AnyRecord[]) => void;

  private constructor(db: Database, writer: DuckDBConnection, staging: DuckDBAppender) {
    this.db = db;
    this.writer = writer;
    this.staging = staging;
    this.readers = new ConnectionPool(db.instance);
    this.indexFile = db.path === ':memory:' ? undefined : indexFileOf(db.path);
    this.records = db.path === ':memory:' ? undefined : RecordFile.open(recordFileOf(db.path));
  }

  static async open(db: Database): Promise<DuckDbEventStore> {
    const undone = await rollBackUnfinished(db);
    // A temporary table lives in memory, writes no WAL and belongs to its connection: rows wait there
    // for the next group commit.
    const writer = await db.instance.connect();
    await writer.run('CREATE OR REPLACE TEMP TABLE staging AS SELECT * FROM events LIMIT 0');
    const store = new DuckDbEventStore(db, writer, await writer.createAppender('staging', 'main', 'temp'));
    // Places a killed bulk write left for rows now deleted; rows kept from then on are copied again.
    if (undone !== undefined) store.records?.forget(undone);
    await store.loadIndex();
    store.filling = store
      .fillRecordFile()
      .catch((error: unknown) =>
        console.error('trailview: could not copy records into the records file', error),
      )
      .finally(() => (store.filling = undefined));
    return store;
  }

  /** Whether rows stored before the records file are still being copied into it. */
  get fillingRecords(): boolean {
    return this.filling !== undefined;
  }

  /** Rows numbered so far: every row appended from now on has a number at or above this. */
  get rowsNumbered(): number {
    return this.nextSeq;
  }

  /** Whether an event ID is stored (or being written). */
  hasEvent(eventId: string): boolean {
    return this.index.has(eventId);
  }

  append(records: readonly AnyRecord[], origin: EventOrigin = 'api'): Promise<AppendResult> {
    return this.appendWithJson(
      records.map((record) => ({ record })),
      origin,
    );
  }

  /** Appends records, storing the given JSON text instead of re-serialising; visible to lookups at once. */
  async appendWithJson(items: readonly RecordWithJson[], origin: EventOrigin = 'api'): Promise<AppendResult> {
    const seen = new Set<string>();
    const built: EventRow[] = [];
    let duplicates = 0;
    for (const item of items) {
      const id = item.record.eventID;
      if (this.index.has(id) || seen.has(id)) {
        duplicates++;
        continue;
      }
      seen.add(id);
      // Throws on a record without a valid eventTime, before anything changed.
      built.push(buildEventRow(this.nextSeq + built.length, item, origin));
    }
    for (const row of built) this.index.claim(row[Field.eventId], row[Field.seq]);
    this.nextSeq += built.length;
    for (const row of built) {
      this.unwritten.set(row[Field.seq], row[Field.record]);
      this.queued.push(row);
    }
    this.index.add(built);
    if (this.queued.length >= GROUP_ROWS) this.startWriting();
    else this.timer ??= setTimeout(() => this.startWriting(), GROUP_DELAY_MS);
    return { inserted: built.length, duplicates };
  }

  /**
   * Resolves once every row appended so far is committed, together with `alongside` (run in the same
   * transaction, after the rows). Calls that arrive while a commit runs share the next one.
   */
  commit(alongside?: Alongside): Promise<void> {
    if (alongside) this.alongside.add(alongside);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.startWriting();
    return done;
  }

  /**
   * Runs `work` with a bulk writer; what it appended is committed when it resolves. When it fails (a
   * full disk, a broken file system), what it had committed is deleted again, so the store holds what
   * it held before, and the error says so. `commitRows` is for tests that want small transactions.
   */
  bulk<T>(origin: EventOrigin, work: (writer: BulkWriter) => Promise<T>, commitRows?: number): Promise<T> {
    // The limit on DuckDB's memory is not lowered while it writes (releaseCache).
    return usingMemory(this.db, () => this.bulkWrite(origin, work, commitRows));
  }

  private async bulkWrite<T>(
    origin: EventOrigin,
    work: (writer: BulkWriter) => Promise<T>,
    commitRows?: number,
  ): Promise<T> {
    const previous = this.bulkQueue;
    let release = () => {};
    this.bulkQueue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const first = this.nextSeq;
    let writer: BulkWriter | undefined;
    try {
      // Marks the bulk write unfinished until it is: if this process cannot undo it (killed, or the
      // database invalidated by a failed write), the next open does (rollBackUnfinished).
      await this.db.connection.run(`INSERT OR REPLACE INTO meta VALUES ('${UNFINISHED}', $1)`, [
        JSON.stringify({ first, origin }),
      ]);
      writer = await BulkWriter.open(
        this.db.instance,
        origin,
        {
          claim: (id) => (this.index.claim(id, this.nextSeq) ? this.nextSeq++ : undefined),
          release: (ids) => this.index.release(ids),
          keep: (records) => this.keepBytes(records),
          publish: (rows, places) => {
            this.index.add(rows);
            if (places) this.placeRecords(rows, places);
          },
          observe: (records) => this.observer?.(records),
        },
        commitRows,
      );
      const result = await work(writer);
      await writer.commit();
      await this.db.connection.run(`DELETE FROM meta WHERE key = '${UNFINISHED}'`);
      if (this.nextSeq - first >= SAVE_INDEX_ROWS) {
        await this.commit();
        this.saveIndex();
      }
      return result;
    } catch (error) {
      // A commit still running would publish its rows after the undo: wait for it first.
      await writer?.settle();
      writer?.close();
      writer = undefined;
      throw await this.undoBulk(origin, first, error);
    } finally {
      writer?.close();
      release();
    }
  }

  /**
   * Deletes the rows a failed bulk write committed (rollBackUnfinished: rows the
   * emulator appended meanwhile stay) and rebuilds the lookup index. Returns the error to throw.
   */
  private async undoBulk(origin: EventOrigin, first: number, cause: unknown): Promise<Error> {
    const reason = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
    const what = isDiskFull(cause) ? 'The disk is full' : 'Writing to the database failed';
    try {
      await rollBackUnfinished(this.db);
      this.recent.clear();
      this.records?.forget(first);
      const nextSeq = this.nextSeq;
      await this.loadIndex();
      for (const row of this.queued) this.index.claim(row[Field.eventId], row[Field.seq]);
      this.index.add(this.queued);
      this.nextSeq = Math.max(this.nextSeq, nextSeq);
    } catch (undo) {
      const detail = undo instanceof Error ? undo.message.split('\n')[0]! : String(undo);
      return new Error(
        `${what} (${reason}). What this ${origin} had stored could not be rolled back now (${detail}); ` +
          'it is when the data dir is next opened. Free some space and start Trailview again.',
        { cause },
      );
    }
    return new Error(
      `${what} (${reason}). Nothing of this ${origin} was kept: the data dir holds what it held before. ` +
        (isDiskFull(cause) ? 'Free some space and import again.' : 'Import again once the cause is fixed.'),
      { cause },
    );
  }

  async lookup(query: LookupQuery): Promise<LookupPage> {
    const { seqs, next } = this.index.lookup(query);
    if (seqs.length === 0) return { events: [] };
    const events = await this.fetch(seqs);
    return next ? { events, next } : { events };
  }

  async count(): Promise<number> {
    return this.index.size;
  }

  async regions(): Promise<string[]> {
    return this.index.extent().map((e) => e.region);
  }

  /** Events per interval [edges[i], edges[i + 1]) of one Region and attribute (Events over time). */
  countBetween(
    query: Pick<LookupQuery, 'region' | 'insight' | 'attribute'>,
    edges: readonly number[],
  ): number[] {
    return this.index.countBetween(query, edges);
  }

  /** Per Region: events stored, oldest and newest (epoch ms). */
  extent(): { region: string; events: number; first: number; last: number }[] {
    return this.index.extent();
  }

  /** Writes what is still in memory and releases the store's connections. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.queued.length > 0 || this.alongside.size > 0) await this.commit().catch(() => undefined);
    while (this.writing) await this.writing;
    await this.filling;
    clearTimeout(this.timer);
    if (this.queued.length === 0) this.saveIndex();
    this.staging.closeSync();
    this.writer.closeSync();
    this.readers.close();
    try {
      this.records?.sync();
    } finally {
      await this.records?.close();
    }
  }

  /** Opens the index: its file and the rows written since, or every row (then saves the file). */
  private async loadIndex(): Promise<void> {
    const opened = await openIndex(this.db.connection, this.indexFile);
    this.index = opened.index;
    this.nextSeq = opened.nextSeq;
    this.storeId = opened.storeId;
    this.opened = { rowsRead: opened.rowsRead, events: opened.index.size };
    if (opened.rowsRead >= SAVE_INDEX_ROWS) this.saveIndex();
  }

  /**
   * Writes the index file: it covers every row numbered so far (a row not committed makes it unusable).
   * Not again when nothing changed since the last save (an import saves it, then closes the store).
   */
  private saveIndex(): void {
    if (!this.indexFile) return;
    const saved = this.saved;
    if (saved?.index === this.index && saved.rows === this.nextSeq && saved.events === this.index.size)
      return;
    try {
      writeIndexFile(this.indexFile, this.index, this.storeId, this.nextSeq);
      this.saved = { index: this.index, rows: this.nextSeq, events: this.index.size };
    } catch (error) {
      // Only the next open's speed depends on it: it reads the rows instead.
      console.error('trailview: could not save the lookup index', error);
    }
  }

  private async fetch(seqs: number[]): Promise<IndexedEvent[]> {
    const texts = new Map<number, RecordText>();
    const cached = new Map<number, IndexedEvent>();
    let stored: number[] = [];
    for (const seq of seqs) {
      const event = this.recent.get(seq);
      if (event) {
        // Kept here: other fetches may push it out of the cache while this one waits for DuckDB.
        cached.set(seq, event);
        continue;
      }
      const text = this.unwritten.get(seq);
      if (text === undefined) stored.push(seq);
      else texts.set(seq, text);
    }
    const fromFile = new Map<number, IndexedEvent & { json: string }>();
    if (stored.length > 0 && this.records) {
      const bytes = await this.records.read(stored);
      const rest: number[] = [];
      for (const seq of stored) {
        const text = bytes.get(seq);
        const event = text && this.parseKept(seq, text);
        if (event) fromFile.set(seq, event);
        else rest.push(seq);
      }
      stored = rest;
    }
    if (stored.length > 0) {
      const connection = await this.readers.acquire();
      try {
        // The seqs are integers this process produced, so inlining them is safe.
        const reader = await connection.runAndReadAll(
          `SELECT seq, record FROM events WHERE seq IN (${stored.join(',')})`,
        );
        for (const [seq, record] of reader.getRows())
          texts.set(seq as number, (record as DuckDBBlobValue).bytes);
      } finally {
        this.readers.release(connection);
      }
    }
    return seqs.map((seq) => {
      const hit = cached.get(seq);
      if (hit) return hit;
      const kept = fromFile.get(seq);
      if (kept) {
        this.recent.set(seq, kept);
        return kept;
      }
      // A row written while the query ran has left `unwritten`; it is in the database.
      const found = texts.get(seq) ?? this.unwritten.get(seq);
      if (found === undefined) throw new Error(`event row ${seq} is missing from the database`);
      const json = recordText(found);
      const event = { ...indexRecord(JSON.parse(json) as AnyRecord), json };
      this.recent.set(seq, event);
      return event;
    });
  }

  /** The event of a row's bytes from the records file; undefined when they are not that row's event. */
  private parseKept(seq: number, text: Uint8Array): (IndexedEvent & { json: string }) | undefined {
    try {
      const json = recordText(text);
      const event = { ...indexRecord(JSON.parse(json) as AnyRecord), json };
      // Compared as packed words: unpacking the row's ID into a string cost more than the read.
      const words = packId(event.eventId);
      const columns = this.index.columns;
      const same = words ? columns.hasWords(seq, words) : columns.id(seq) === event.eventId;
      return same ? event : undefined;
    } catch {
      return undefined;
    }
  }

  /** Copies committed rows into the records file; a failure there only costs reads from DuckDB. */
  private keepRecords(rows: readonly EventRow[]): void {
    if (rows.length === 0) return;
    const places = this.keepBytes(rows.map((row) => row[Field.record]));
    if (places) this.placeRecords(rows, places);
  }

  /** Writes records to the records file, unplaced: their places, or undefined. */
  private keepBytes(records: readonly RecordText[]): Float64Array | undefined {
    if (!this.records) return undefined;
    try {
      return this.records.write(records);
    } catch (error) {
      console.error(
        'trailview: could not write to the records file (rows are read from the database)',
        error,
      );
      return undefined;
    }
  }

  /** Names committed rows' records in the records file (written by keepBytes). */
  private placeRecords(rows: readonly EventRow[], places: Float64Array): void {
    try {
      this.records?.place(
        rows.map((row) => row[Field.seq]),
        places,
      );
    } catch (error) {
      console.error(
        'trailview: could not write to the records file (rows are read from the database)',
        error,
      );
    }
  }

  /**
   * Copies the rows the records file lacks (a store written before it, rows whose copy a crash or a
   * full disk prevented) from the database, in the background: until then they are read from DuckDB.
   */
  private async fillRecordFile(): Promise<void> {
    const records = this.records;
    if (!records) return;
    const until = this.nextSeq;
    let copied = false;
    // In windows of rows, each read whole (a streamed result left unread holds the database open).
    for (let from = 0; from < until && !this.closing; from += FILL_ROWS) {
      const to = Math.min(until, from + FILL_ROWS);
      // The places are read from their file: let requests in between (a cold page cache is slow).
      if ((from / FILL_ROWS) % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
      const lacking = new Set(
        records.unplaced(from, to).filter((seq) => this.index.columns.partition(seq) !== NO_PARTITION),
      );
      if (lacking.size === 0) continue;
      copied = true;
      const connection = await this.readers.acquire();
      try {
        const reader = await connection.runAndReadAll(
          `SELECT seq, record FROM events WHERE seq >= ${from} AND seq < ${to} ORDER BY seq`,
        );
        const rows: Array<[number, Uint8Array]> = [];
        for (const [seq, record] of reader.getRows())
          if (lacking.has(seq as number)) rows.push([seq as number, (record as DuckDBBlobValue).bytes]);
        records.append(rows);
      } finally {
        this.readers.release(connection);
      }
    }
    if (copied && !this.closing) await releaseCache(this.db);
  }

  /** Runs group commits until nothing waits: what arrives while one runs goes into the next. */
  private startWriting(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing ??= (async () => {
      while (this.queued.length > 0 || this.waiters.length > 0) {
        const rows = this.queued;
        const waiters = this.waiters;
        const alongside = [...this.alongside];
        // In the same synchronous step as taking the rows: see Alongside.
        const work = alongside.map((capture) => capture());
        this.queued = [];
        this.waiters = [];
        this.alongside.clear();
        try {
          await this.writeTransaction(rows, work);
        } catch (error) {
          // Keep the rows (lookups still find them) and the work; try again with the next commit.
          console.error('trailview: could not write to the database', error);
          this.queued = rows.concat(this.queued);
          for (const work of alongside) this.alongside.add(work);
          for (const waiter of waiters) waiter.reject(error);
          break;
        }
        this.keepRecords(rows);
        for (const row of rows) this.unwritten.delete(row[Field.seq]);
        for (const waiter of waiters) waiter.resolve();
      }
    })().finally(() => {
      this.writing = undefined;
      // What a failed commit kept, or what arrived as it failed: tried again a little later.
      if (this.queued.length > 0 || this.waiters.length > 0 || this.alongside.size > 0)
        this.timer ??= setTimeout(() => this.startWriting(), RETRY_DELAY_MS);
    });
  }

  private async writeTransaction(
    rows: readonly EventRow[],
    alongside: readonly ReturnType<Alongside>[],
  ): Promise<void> {
    for (const row of rows) appendEventRow(this.staging, row);
    this.staging.flushSync();
    try {
      await this.writer.run('BEGIN TRANSACTION');
      try {
        if (rows.length > 0) await this.writer.run('INSERT INTO events SELECT * FROM staging');
        for (const work of alongside) await work(this.writer);
        await this.writer.run('COMMIT');
      } catch (error) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await this.writer.run('DELETE FROM staging');
    }
  }
}

/** The meta key of a bulk write in progress: its first row number and origin. */
const UNFINISHED = 'unfinished_bulk';

/**
 * Deletes the rows of a bulk write that did not finish (rows of other origins numbered meanwhile stay),
 * in one transaction with its mark. No CHECKPOINT: on a full disk it fails and DuckDB then invalidates
 * the database; the delete is a small WAL entry and the next checkpoint drops the rows.
 */
/** Undoes a bulk write a process left unfinished; returns its first row number, if there was one. */
async function rollBackUnfinished(db: Database): Promise<number | undefined> {
  const mark = await readMeta(db.connection, UNFINISHED);
  if (mark === undefined) return undefined;
  const { first, origin } = JSON.parse(mark) as { first: number; origin: EventOrigin };
  const connection = await db.instance.connect();
  try {
    await connection.run('BEGIN TRANSACTION');
    await connection.run('DELETE FROM events WHERE seq >= $1 AND origin = $2', [first, origin]);
    await connection.run(`DELETE FROM meta WHERE key = '${UNFINISHED}'`);
    await connection.run('COMMIT');
    return first;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.closeSync();
  }
}
