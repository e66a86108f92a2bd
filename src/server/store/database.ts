// The DuckDB file of a data dir: one database holds the events and the account state.
// DuckDB takes an OS lock on the file, so a second process cannot open it for writing (two writers
// never corrupt it); the server's lock file (data-dir.ts) tells the import CLI where to go instead.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const DATABASE_FILE = 'trailview.duckdb';

/** Bump when the schema changes; older files are migrated in `openDatabase`. */
const SCHEMA_VERSION = '2';

/**
 * The storage format new database files are written in. DuckDB writes v1.0 files unless told otherwise,
 * and those cannot hold ZSTD columns: a v1.2 file stores the records 6× smaller and appends them with
 * about half the CPU (measured on DuckDB 1.5.5: 200,000 records, 128 MB and 2.2 s against 22 MB and 1.1 s).
 */
const STORAGE_VERSION = 'v1.2.0';

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
    -- The record's JSON text as received, in UTF-8 (\`decode(record)\` reads it as text), so CloudTrailEvent
    -- is served without re-serialising it. Bytes rather than VARCHAR: the import worker hands them over
    -- as they were in the file, and nothing on the way converts them to a string and back.
    record BLOB NOT NULL USING COMPRESSION zstd
  )`,
  `CREATE TABLE IF NOT EXISTS account_state (id INTEGER PRIMARY KEY, snapshot JSON NOT NULL, updated_ms BIGINT NOT NULL)`,
];

export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<Database> {
  if (existsSync(path)) await migrate(path);
  const instance = await DuckDBInstance.create(path, { storage_compatibility_version: STORAGE_VERSION });
  const connection = await instance.connect();
  await createSchema(connection);
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

async function createSchema(connection: DuckDBConnection): Promise<void> {
  for (const statement of SCHEMA) await connection.run(statement);
  await connection.run(`INSERT OR IGNORE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`);
}

/**
 * Brings a file of schema 1 (record as JSON text, storage v1.0) to the current schema. A file's storage
 * version cannot change in place, so the data is copied into a new file that then replaces the old one;
 * until the rename the old file is untouched, and a copy left by an interrupted run is started over.
 */
async function migrate(path: string): Promise<void> {
  // Opening it read-write first replays a WAL left by a crash; closing it checkpoints.
  const old = await DuckDBInstance.create(path);
  const connection = await old.connect();
  let version: string | undefined;
  try {
    const hasMeta = await connection.runAndReadAll(
      `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'meta'`,
    );
    if (Number(hasMeta.getRows()[0]?.[0]) > 0) version = await readMeta(connection, 'schema_version');
  } finally {
    connection.closeSync();
    old.closeSync();
  }
  if (version !== '1') return;
  const next = `${path}.migrating`;
  for (const file of [next, `${next}.wal`]) rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(next, { storage_compatibility_version: STORAGE_VERSION });
  const target = await instance.connect();
  try {
    await createSchema(target);
    await target.run(`ATTACH '${path.replaceAll("'", "''")}' AS old (READ_ONLY)`);
    await target.run(`INSERT INTO meta SELECT * FROM old.meta WHERE key <> 'schema_version'`);
    await target.run(`INSERT INTO account_state SELECT * FROM old.account_state`);
    await target.run(
      `INSERT INTO events SELECT * REPLACE (encode(record::VARCHAR) AS record) FROM old.events ORDER BY seq`,
    );
    await target.run('DETACH old');
    await target.run('CHECKPOINT');
  } finally {
    target.closeSync();
    instance.closeSync();
  }
  renameSync(next, path);
}
