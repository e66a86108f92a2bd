// Opens the lookup index of a database: the index file (index-file.ts) when it belongs to this database
// and covers what it claims to, plus the rows written since it was saved (appends after the last save, or
// a process killed before it could save), read from DuckDB ordered by (time, eventID). Without a usable
// file, every row is read that way (a store written by an older version, a damaged file): slower, once,
// since the store then saves the file.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readMeta, writeMeta } from './database';
import { type EventRow } from './event-rows';
import { readIndexFile } from './index-file';
import { LookupIndex } from './lookup-index';

const BATCH = 50_000;

export interface OpenedIndex {
  index: LookupIndex;
  /** The next free row number. */
  nextSeq: number;
  /** Rows read from the database rather than the index file. */
  rowsRead: number;
  storeId: string;
}

/** The database's identity, which its index file must carry. */
async function storeIdOf(connection: DuckDBConnection): Promise<string> {
  const existing = await readMeta(connection, 'store_id');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await writeMeta(connection, 'store_id', id);
  return id;
}

export async function openIndex(connection: DuckDBConnection, indexFile?: string): Promise<OpenedIndex> {
  const storeId = await storeIdOf(connection);
  // count(*) without a filter comes from the table's metadata: no scan, even over 10M rows.
  const [[total]] = (await connection.runAndReadAll('SELECT count(*)::DOUBLE FROM events')).getRows() as [
    [number],
  ];
  const loaded = indexFile === undefined ? undefined : readIndexFile(indexFile, storeId);
  if (loaded) {
    const since = await readRows(connection, loaded.index, loaded.covered);
    // Usable only if the database holds exactly the rows the file lists plus those read since: rows it
    // lists may have been deleted (a rollback), or never committed (a process killed before its commit).
    if (loaded.index.size === total) {
      return {
        index: loaded.index,
        nextSeq: Math.max(loaded.covered, since.nextSeq),
        rowsRead: since.count,
        storeId,
      };
    }
  }
  const index = new LookupIndex();
  const all = await readRows(connection, index, 0);
  return { index, nextSeq: all.nextSeq, rowsRead: all.count, storeId };
}

/** Adds the rows numbered `from` and above, oldest first: how many, and the row number after the last. */
async function readRows(
  connection: DuckDBConnection,
  index: LookupIndex,
  from: number,
): Promise<{ count: number; nextSeq: number }> {
  const result = await connection.stream(
    `SELECT seq, event_id, time_ms::DOUBLE, region, category, event_name, event_source, read_only,
            username, access_key_id, resource_types, resource_names
     FROM events WHERE seq >= $1 ORDER BY time_ms, event_id`,
    [from],
  );
  let batch: EventRow[] = [];
  let count = 0;
  let nextSeq = from;
  for await (const chunk of result) {
    const columns = chunk.getColumns();
    const rows = chunk.rowCount;
    for (let r = 0; r < rows; r++) {
      const row = columns.map((column) => column[r] ?? undefined);
      const seq = row[0] as number;
      if (seq >= nextSeq) nextSeq = seq + 1;
      if (!index.claim(row[1] as string, seq)) continue;
      row.push('', '');
      batch.push(row as unknown as EventRow);
    }
    if (batch.length >= BATCH) {
      index.add(batch);
      count += batch.length;
      batch = [];
    }
  }
  index.add(batch);
  return { count: count + batch.length, nextSeq };
}
