// The DuckDB file of a data dir: one database holds the events and the account state.
// DuckDB takes an OS lock on the file, so a second process cannot open it for writing (two writers
// never corrupt it); the server's lock file (data-dir.ts) tells the import CLI where to go instead.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const DATABASE_FILE = 'trailview.duckdb';

/** Bump when the schema changes; older files are migrated in `openDatabase`. */
const SCHEMA_VERSION = '2';

// seq is the insertion order and the key the lookup index names rows by. It is not a PRIMARY KEY: pages
// of lookup results are read from the records file (record-file.ts), DuckDB answers `seq IN (…)` with a
// scan whether or not an index exists, and ranges of seq are pruned by each row group's min and max.
// The index cost an import about 1 s of CPU per 200,000 rows and, once a write loaded it, memory for
// every row. Files created before keep theirs; both shapes are read and written the same way.
const EVENTS_COLUMNS = `(
    seq INTEGER NOT NULL,
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
    -- Uncompressed (the file holds about the JSON text's size, ~1 KB per event), because a page of lookup
    -- results reads 50 records scattered over the table: ZSTD stores them in a sixth of the space but
    -- LookupEvents over 1M events then took 13 ms at the median instead of 3.7 ms, and the dictionary
    -- and FSST analysis of the default compression costs about 15 % of an import's time.
    record BLOB NOT NULL USING COMPRESSION uncompressed
  )`;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS events ${EVENTS_COLUMNS}`,
  `CREATE TABLE IF NOT EXISTS account_state (id INTEGER PRIMARY KEY, snapshot JSON NOT NULL, updated_ms BIGINT NOT NULL)`,
  // Events a Lake import (StartImport) copied into an event data store, beside what its selectors collect
  // (server/lake/lake-view.ts). Created in files of any earlier version too, so no schema version change.
  `CREATE TABLE IF NOT EXISTS lake_import_members (store VARCHAR NOT NULL, event_id VARCHAR NOT NULL, PRIMARY KEY (store, event_id))`,
  // Events from outside AWS that PutAuditEvents ingested through a channel, one row per destination store.
  // Apart from `events` on purpose: they are no CloudTrail events, so Event history, delivery, Insights
  // and the built-in Lake store never see them (server/lake/lake-view.ts reads them for their stores).
  `CREATE TABLE IF NOT EXISTS lake_channel_events (store VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    time_ms BIGINT NOT NULL, region VARCHAR NOT NULL, event_name VARCHAR, event_source VARCHAR,
    record BLOB NOT NULL, PRIMARY KEY (store, event_id))`,
];

export interface Database {
  /** The database file. */
  path: string;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

/**
 * DuckDB's own memory (its buffer pool, caching the pages it read). By default it may take 80 % of the
 * machine: a server that scanned 10M events (the Insights fill, a Lake query) then held 11 GB. Within
 * this, sorts and aggregations larger than memory spill to a temporary folder beside the file.
 */
const DUCKDB_MEMORY_LIMIT = '256MB';

/**
 * What DuckDB's cache is cut to after a one-off scan (see `releaseCache`); work that needs memory
 * (`usingMemory`) never runs while it is.
 */
const RELEASE_TO = '64MB';

/** Per DuckDB instance: work running that may need DuckDB's memory, and a release in progress. */
interface MemoryUse {
  running: number;
  releasing?: Promise<void>;
  /** A release asked for while work ran: done when the last of it ends. */
  wanted: boolean;
}
const memoryUse = new WeakMap<object, MemoryUse>();

function memoryUseOf(instance: object): MemoryUse {
  let use = memoryUse.get(instance);
  if (!use) memoryUse.set(instance, (use = { running: 0, wanted: false }));
  return use;
}

/**
 * Runs work that may need much of DuckDB's memory (a Lake query, a bulk write): it waits for a cache
 * release in progress, and no release starts until it has ended.
 */
export async function usingMemory<T>(db: { instance: DuckDBInstance }, work: () => Promise<T>): Promise<T> {
  const use = memoryUseOf(db.instance);
  while (use.releasing) await use.releasing;
  use.running++;
  try {
    return await work();
  } finally {
    use.running--;
    if (use.running === 0 && use.wanted) void releaseCache(db);
  }
}

/**
 * Gives back the blocks DuckDB's buffer pool kept from a one-off scan of the whole table (the Insights
 * fill when the server starts, copying an older store's records into the records file): they stay
 * cached until memory is needed, which after such a scan means 256 MB held for nothing (pages are read
 * from the records file). Lowering the limit evicts unpinned blocks and returns their memory at once;
 * the limit is then set back. The limit is global, so this waits for work in `usingMemory` to end
 * (and holds new work back for the moment it takes); small reads and commits run beside it. It never
 * throws: giving memory back is worth trying, not failing for.
 */
export async function releaseCache(db: { instance: DuckDBInstance }): Promise<void> {
  const use = memoryUseOf(db.instance);
  if (use.running > 0 || use.releasing) {
    use.wanted = true;
    return;
  }
  use.wanted = false;
  let done = () => {};
  use.releasing = new Promise<void>((resolve) => (done = resolve));
  try {
    await withConnection(db, async (connection) => {
      try {
        await connection.run(`SET memory_limit = '${RELEASE_TO}'`);
      } catch {
        // Pinned by a running query: nothing to give back now.
      } finally {
        await connection.run(`SET memory_limit = '${DUCKDB_MEMORY_LIMIT}'`);
      }
    });
  } catch {
    // The database closed meanwhile (the import CLI ends; the server stops): nothing to give back.
  } finally {
    use.releasing = undefined;
    done();
  }
}

export async function openDatabase(path: string): Promise<Database> {
  const instance = await DuckDBInstance.create(path, { memory_limit: DUCKDB_MEMORY_LIMIT });
  const connection = await instance.connect();
  await migrate(connection);
  await createSchema(connection);
  return {
    path,
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
 * Brings a file of an older schema to the current one, in one transaction: nothing changes unless all
 * of it does. Schema 1 kept the record as JSON text; the events table is rebuilt with the record as
 * bytes (a column's compression cannot be altered, so ALTER ... TYPE would not do).
 */
async function migrate(connection: DuckDBConnection): Promise<void> {
  const tables = await connection.runAndReadAll(
    `SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'meta'`,
  );
  if (Number(tables.getRows()[0]?.[0]) === 0) return;
  if ((await readMeta(connection, 'schema_version')) !== '1') return;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(`CREATE TABLE events_2 ${EVENTS_COLUMNS}`);
    await connection.run(
      `INSERT INTO events_2 SELECT * REPLACE (encode(record::VARCHAR) AS record) FROM events ORDER BY seq`,
    );
    await connection.run('DROP TABLE events');
    await connection.run('ALTER TABLE events_2 RENAME TO events');
    await writeMeta(connection, 'schema_version', '2');
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/** Runs `run` on a connection of its own, closed afterwards (a connection left open keeps the file locked). */
export async function withConnection<T>(
  db: { instance: Pick<DuckDBInstance, 'connect'> },
  run: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const connection = await db.instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.closeSync();
  }
}
