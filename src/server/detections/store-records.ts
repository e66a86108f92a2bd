// The DuckDB store as a record source for the investigation routes (Sessions, identity and Detections pages):
// the stored records, streamed on a connection of their own and parsed one at a time; `tail` reads only the
// rows appended since a cursor (the `seq` column is the insertion order). For the trail what-if, the
// records of a Region and time range counted in DuckDB by the members the selection reads
// (SELECTION_MEMBERS), so that no record is parsed in JavaScript: a few thousand groups instead.
import type { DuckDBBlobValue, DuckDBConnection, DuckDBListValue } from '@duckdb/node-api';
import { withConnection } from '../store/database';
import { recordFromMembers, SELECTION_MEMBERS, type RecordGroup } from '@/domain/trail-selection';
import {
  createInvestigationRoutes,
  type InvestigationRoutes,
  type RecordSource,
} from '@/emulator/investigations/investigation-routes';
import type { TailItem } from '@/domain/investigation-engine';
import { RULE_PACK_SOURCES } from '@/domain/detections/rule-pack';
import type { AnyRecord } from '@/domain/record';
import { readRuleFolders } from './rule-folders';

const utf8 = new TextDecoder();

// Each member as its JSON text (NULL when absent), so that types survive: readOnly stays a boolean.
// json_extract with a list of paths parses each record once and answers the list in the same order.
const GROUPS_SQL = `WITH w AS (
    SELECT json_extract(decode(record), [${SELECTION_MEMBERS.map((path) => `'$.${path}'`).join(', ')}])::VARCHAR[] AS m
    FROM events WHERE region = $1 AND time_ms BETWEEN $2 AND $3
  )
  SELECT m, count(*) FROM w GROUP BY m`;

async function selectionGroups(connection: DuckDBConnection, region: string, from: number, to: number) {
  const reader = await connection.runAndReadAll(GROUPS_SQL, [region, from, to]);
  return reader.getRows().map((row): RecordGroup => {
    const [members, count] = row as [DuckDBListValue, bigint];
    const values = members.items.map((text) =>
      text === null ? undefined : (JSON.parse(String(text)) as unknown),
    );
    return { record: recordFromMembers(values), count: Number(count) };
  });
}

interface Db {
  instance: { connect(): Promise<DuckDBConnection> };
}

async function* rows(db: Db, from: number): AsyncGenerator<TailItem> {
  const connection = await db.instance.connect();
  try {
    const result = await connection.stream('SELECT seq, record FROM events WHERE seq >= $1', [from]);
    for await (const chunk of result.yieldRows())
      for (const [seq, blob] of chunk)
        yield {
          cursor: Number(seq) + 1,
          record: JSON.parse(utf8.decode((blob as DuckDBBlobValue).bytes)) as AnyRecord,
        };
  } finally {
    connection.closeSync();
  }
}

export function storeRecordSource(db: Db, count: () => Promise<number>): RecordSource {
  return {
    count,
    tail: (cursor) => rows(db, cursor),
    selectionGroups: (region, from, to) =>
      withConnection(db, (connection) => selectionGroups(connection, region, from, to)),
    async *records() {
      for await (const { record } of rows(db, 0)) yield record;
    },
  };
}

/**
 * The local backend's routes: detections with the shipped pack and the server's --rules folders, read again
 * at each request so an added or edited rule takes effect without a restart. `?skip=<folder>` (repeatable)
 * leaves out folders the console's setting turned off: a request can only remove folders from the ones given
 * on the command line, matched by equality; nothing in it is ever read as a path (docs/security.md).
 */
export const storeInvestigationRoutes = (
  db: Db,
  count: () => Promise<number>,
  ruleDirs: readonly string[],
): InvestigationRoutes =>
  createInvestigationRoutes(storeRecordSource(db, count), {
    detections: true,
    rules: (params) => {
      const skip = new Set(params.getAll('skip'));
      const folders = ruleDirs.map((folder) => ({ folder, used: !skip.has(folder) }));
      const used = folders.filter((f) => f.used).map((f) => f.folder);
      return { sources: [...RULE_PACK_SOURCES, ...readRuleFolders(used)], folders };
    },
  });
