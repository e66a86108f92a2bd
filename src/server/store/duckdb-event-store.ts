// EventStore on DuckDB (DESIGN.md "Stores"): the events table is the truth and survives restarts; the
// LookupIndex is rebuilt from it on open and answers which rows a page holds, DuckDB then returns them.
//
// Small appends (the emulator records every call it serves) are indexed and answered from memory at once
// and written behind: a commit waits for the WAL's fsync, and the emulator awaits the append before it
// answers, so writing through would add a disk flush to every LookupEvents. Rows still in memory are
// written in the next group commit (within 100 ms) and on close; a crash can lose only those. Imports and the demo seed
// go through a BulkWriter instead (bulk-writer.ts).
import type { DuckDBAppender, DuckDBBlobValue } from '@duckdb/node-api';
import { indexRecord, type IndexedEvent } from '@/domain/lookup-event';
import type { AnyRecord } from '@/domain/record';
import type { AppendResult, EventStore, LookupPage, LookupQuery } from '@/emulator/store/event-store';
import { BulkWriter, isDiskFull } from './bulk-writer';
import { ConnectionPool } from './connection-pool';
import { readMeta, type Database } from './database';
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
import { loadIndex } from './index-loader';
import { LookupIndex } from './lookup-index';

export type { EventOrigin, RecordWithJson } from './event-rows';

/** Group commit: rows wait up to this long (or until there are GROUP_ROWS) to be written together. */
const GROUP_DELAY_MS = 100;
const GROUP_ROWS = 1_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DuckDbEventStore implements EventStore {
  private index = new LookupIndex();
  private readonly readers: ConnectionPool;
  private readonly db: Database;
  private readonly staging: DuckDBAppender;
  private nextSeq = 0;
  /** Rows appended but not yet written: their JSON by row number, and the rows in order. */
  private readonly unwritten = new Map<number, RecordText>();
  private queued: EventRow[] = [];
  private writing: Promise<void> | undefined;
  /** Bulk writers run one at a time, each on a connection of its own. */
  private bulkQueue: Promise<unknown> = Promise.resolve();
  /**
   * Sees the records of bulk appends (imports, the seed), which do not pass through the emulator; the
   * emulator shows its own appends to the Insights engine itself (emulator/insights/observed-store.ts).
   */
  observer?: (records: readonly AnyRecord[]) => void;

  private constructor(db: Database, staging: DuckDBAppender) {
    this.db = db;
    this.staging = staging;
    this.readers = new ConnectionPool(db.instance);
  }

  static async open(db: Database): Promise<DuckDbEventStore> {
    // A temporary table lives in memory and writes no WAL: rows wait there for the next group commit.
    await db.connection.run('CREATE OR REPLACE TEMP TABLE staging AS SELECT * FROM events LIMIT 0');
    await rollBackUnfinished(db);
    const store = new DuckDbEventStore(db, await db.connection.createAppender('staging', 'main', 'temp'));
    store.nextSeq = await loadIndex(db.connection, store.index);
    return store;
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
    this.nextSeq += built.length;
    for (const row of built) {
      this.unwritten.set(row[Field.seq], row[Field.record]);
      this.queued.push(row);
    }
    this.index.add(built);
    this.writing ??= delay(this.queued.length >= GROUP_ROWS ? 0 : GROUP_DELAY_MS)
      .then(() => this.writeBehind())
      .finally(() => (this.writing = undefined));
    return { inserted: built.length, duplicates };
  }

  /**
   * Runs `work` with a bulk writer; what it appended is committed when it resolves. When it fails (a
   * full disk, a broken file system), what it had committed is deleted again, so the store holds what
   * it held before, and the error says so. `commitRows` is for tests that want small transactions.
   */
  async bulk<T>(
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
          publish: (rows) => this.index.add(rows),
          observe: (records) => this.observer?.(records),
        },
        commitRows,
      );
      const result = await work(writer);
      await writer.commit();
      await this.db.connection.run(`DELETE FROM meta WHERE key = '${UNFINISHED}'`);
      return result;
    } catch (error) {
      writer?.close();
      writer = undefined;
      throw await this.undoBulk(origin, error);
    } finally {
      writer?.close();
      release();
    }
  }

  /**
   * Deletes the rows a failed bulk write committed (rollBackUnfinished: rows the
   * emulator appended meanwhile stay) and rebuilds the lookup index. Returns the error to throw.
   */
  private async undoBulk(origin: EventOrigin, cause: unknown): Promise<Error> {
    const reason = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
    const what = isDiskFull(cause) ? 'The disk is full' : 'Writing to the database failed';
    try {
      await rollBackUnfinished(this.db);
      const index = new LookupIndex();
      await loadIndex(this.db.connection, index);
      index.add(this.queued);
      this.index = index;
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
    while (this.writing) await this.writing;
    if (this.queued.length > 0) await this.writeBehind();
    this.staging.closeSync();
    this.readers.close();
  }

  private async fetch(seqs: number[]): Promise<IndexedEvent[]> {
    const texts = new Map<number, RecordText>();
    const stored: number[] = [];
    for (const seq of seqs) {
      const text = this.unwritten.get(seq);
      if (text === undefined) stored.push(seq);
      else texts.set(seq, text);
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
      // A row written while the query ran has left `unwritten`; it is in the database.
      const found = texts.get(seq) ?? this.unwritten.get(seq);
      if (found === undefined) throw new Error(`event row ${seq} is missing from the database`);
      const json = recordText(found);
      return { ...indexRecord(JSON.parse(json) as AnyRecord), json };
    });
  }

  /** Group commits: everything queued while a commit runs goes into the next one. */
  private async writeBehind(): Promise<void> {
    while (this.queued.length > 0) {
      const rows = this.queued;
      this.queued = [];
      for (const row of rows) appendEventRow(this.staging, row);
      this.staging.flushSync();
      try {
        await this.db.connection.run('INSERT INTO events SELECT * FROM staging');
      } catch (error) {
        // Keep the rows (lookups still find them) and try again with the next append or on close.
        console.error('trailview: could not write events to the database', error);
        this.queued = rows.concat(this.queued);
        return;
      } finally {
        await this.db.connection.run('DELETE FROM staging');
      }
      for (const row of rows) this.unwritten.delete(row[Field.seq]);
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
async function rollBackUnfinished(db: Database): Promise<void> {
  const mark = await readMeta(db.connection, UNFINISHED);
  if (mark === undefined) return;
  const { first, origin } = JSON.parse(mark) as { first: number; origin: EventOrigin };
  // A connection of its own: the store's writes behind share db.connection and must not join in.
  const connection = await db.instance.connect();
  try {
    await connection.run('BEGIN TRANSACTION');
    await connection.run('DELETE FROM events WHERE seq >= $1 AND origin = $2', [first, origin]);
    await connection.run(`DELETE FROM meta WHERE key = '${UNFINISHED}'`);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.closeSync();
  }
}
