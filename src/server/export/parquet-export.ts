// The store as Parquet files partitioned `region=<Region>/date=<yyyy-MM-dd>/` (Hive layout, DuckDB COPY), which
// Athena, Trino and Spark read directly: the scale path beyond one machine. Each row keeps the fields most
// queries filter on as columns and the whole record as JSON text.
import type { DuckDBConnection } from '@duckdb/node-api';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Writes every stored event under `dir`; returns how many. `dir` may exist (files are added, not removed). */
export async function exportParquet(connection: DuckDBConnection, dir: string): Promise<number> {
  const j = 'CAST(decode(record) AS JSON)';
  await connection.run(`COPY (
      SELECT make_timestamp(time_ms * 1000) AS eventtime, event_id AS eventid, event_name AS eventname,
        event_source AS eventsource, ${j}->'userIdentity'->>'arn' AS useridentityarn,
        ${j}->>'errorCode' AS errorcode, ${j}->>'sourceIPAddress' AS sourceipaddress,
        TRY_CAST(${j}->>'readOnly' AS BOOLEAN) AS readonly, decode(record) AS record,
        region, strftime(make_timestamp(time_ms * 1000), '%Y-%m-%d') AS date
      FROM events
    ) TO ${literal(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (region, date), OVERWRITE_OR_IGNORE)`);
  const reader = await connection.runAndReadAll('SELECT count(*) FROM events');
  return Number(reader.getRowsJson()[0]?.[0] ?? 0);
}
