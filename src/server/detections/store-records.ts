// The DuckDB store as a record source for the investigation routes (Sessions and identity pages): every
// stored record, streamed on a connection of its own, parsed one at a time.
import type { DuckDBBlobValue, DuckDBConnection } from '@duckdb/node-api';
import type { RecordSource } from '@/emulator/investigations/investigation-routes';
import type { AnyRecord } from '@/domain/record';

const utf8 = new TextDecoder();

export function storeRecordSource(
  db: { instance: { connect(): Promise<DuckDBConnection> } },
  count: () => Promise<number>,
): RecordSource {
  return {
    count,
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
