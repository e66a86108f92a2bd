// The DuckDB file of a data dir: one database holds the events and the account state.
// DuckDB takes an OS lock on the file, so a second process cannot open it for writing (two writers
// never corrupt it); the server's lock file (data-dir.ts) tells the import CLI where to go instead.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const DATABASE_FILE = 'trailview.duckdb';

/** Bump when the schema changes; older files are migrated in `openDatabase`. */
const SCHEMA_VERSION = '1';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  // seq is the insertion order and the key the lookup index fetches rows by (an ART point lookup:
  // a filtered IN list over a 1M-row scan costs 80 ms, the indexed one about 1 ms).
  `CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    time_ms BIGINT NOT NULL,
    region VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    event_name VARCHAR NOT NULL,
    event_source VARCHAR NOT NULL,
    read_only VARCHAR,
    username VARCHAR,
    access_key_id VARCHAR,
    -- The ResourceType and ResourceName lookup values of the derived Resources (domain/derive.ts),
    -- joined by U+001F: \`string_split(resource_names, chr(31))\`. A VARCHAR appends 5× faster than a LIST.
    resource_types VARCHAR NOT NULL,
    resource_names VARCHAR NOT NULL,
    -- Where the event came from: 'api' (served by the emulator), 'seed' or 'import'.
    origin VARCHAR NOT NULL,
    -- The record as received, so CloudTrailEvent is served without re-serialising it.
    record JSON NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS account_state (id INTEGER PRIMARY KEY, snapshot JSON NOT NULL, updated_ms BIGINT NOT NULL)`,
];

export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<Database> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  for (const statement of SCHEMA) await connection.run(statement);
  await connection.run(`INSERT OR IGNORE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function readMeta(connection: DuckDBConnection, key: string): Promise<string | undefined> {
  const reader = await connection.runAndReadAll('SELECT value FROM meta WHERE key = $1', [key]);
  const value = reader.getRows()[0]?.[0];
  return typeof value === 'string' ? value : undefined;
}

export async function writeMeta(connection: DuckDBConnection, key: string, value: string): Promise<void> {
  await connection.run('INSERT OR REPLACE INTO meta VALUES ($1, $2)', [key, value]);
}
