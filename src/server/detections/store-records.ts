// The DuckDB store as a record source for the investigation routes (Sessions and identity pages): every
// stored record, streamed on a connection of its own, parsed one at a time. For the trail what-if, the
// records of a Region and time range counted in DuckDB by the members the selection reads
// (SELECTION_MEMBERS), so that no record is parsed in JavaScript: a few thousand groups instead.
import type { DuckDBBlobValue, DuckDBConnection, DuckDBListValue } from '@duckdb/node-api';
import { withConnection } from '../store/database';
import type { RecordSource } from '@/emulator/investigations/investigation-routes';
import type { AnyRecord } from '@/domain/record';
import { recordFromMembers, SELECTION_MEMBERS, type RecordGroup } from '@/domain/trail-selection';

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

export function storeRecordSource(
  db: { instance: { connect(): Promise<DuckDBConnection> } },
  count: () => Promise<number>,
): RecordSource {
  return {
    count,
    selectionGroups: (region, from, to) =>
      withConnection(db, (connection) => selectionGroups(connection, region, from, to)),
    async *records() {
      const connection = await db.instance.connect();
      try {
        const result = await connection.stream('SELECT record FROM events');
        for await (const rows of result.yieldRows())
          for (const [blob] of rows)
            yield JSON.parse(utf8.decode((blob as DuckDBBlobValue).bytes)) as AnyRecord;
      } finally {
        connection.closeSync();
      }
    },
  };
}
