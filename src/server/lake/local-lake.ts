// CloudTrail Lake in the local backend: the DuckDB engine, and the event data stores, dashboards and imports
// kept in the data file's meta table (a JSON document each, rewritten on each change before the call is
// answered); the events imports copied into stores in the lake_import_members table; the channels (meta) and
// the events PutAuditEvents ingested through them (lake_channel_events).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IntegrationRecord } from '@/domain/integration-events';
import type { EventDataStoreState } from '@/domain/lake';
import type { ChannelState } from '@/domain/lake-channels';
import type { ImportState } from '@/domain/lake-import';
import type { AnyRecord } from '@/domain/record';
import type { LakeOptions } from '@/emulator/services/cloudtrail/cloudtrail-service';
import type { Dashboard } from '@/emulator/services/cloudtrail/lake-dashboards';
import type { LogFileRead } from '@/emulator/services/cloudtrail/lake-imports';
import { readRecords } from '../import/record-reader';
import { readMeta, withConnection, writeMeta, type Database } from '../store/database';
import { DuckDbLakeEngine, type DuckDbLakeEngineOptions } from './duckdb-lake-engine';
import { CHANNEL_EVENTS_TABLE, IMPORT_MEMBERS_TABLE } from './lake-view';

const CATALOG_KEY = 'lake_event_data_stores';
const DASHBOARDS_KEY = 'lake_dashboards';
const IMPORTS_KEY = 'lake_imports';
const CHANNELS_KEY = 'lake_channels';

/** The event store's group commit: members are written in the same transaction as the events they name. */
export interface MembersCommit {
  commit(alongside?: () => (connection: DuckDBConnection) => Promise<void>): Promise<void>;
}

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function insertMembers(
  connection: DuckDBConnection,
  storeIds: readonly string[],
  eventIds: readonly string[],
): Promise<void> {
  const rows = storeIds.flatMap((store) => eventIds.map((id) => `(${quoted(store)}, ${quoted(id)})`));
  for (let i = 0; i < rows.length; i += 1000) {
    await connection.run(
      `INSERT OR IGNORE INTO ${IMPORT_MEMBERS_TABLE} VALUES ${rows.slice(i, i + 1000).join(', ')}`,
    );
  }
}

/** Ingested integration events, one row per destination store (INSERT OR IGNORE: eventIDs are fresh UUIDs). */
async function insertChannelEvents(
  connection: DuckDBConnection,
  storeIds: readonly string[],
  records: readonly IntegrationRecord[],
): Promise<void> {
  for (const store of storeIds) {
    for (const record of records) {
      const data = record.eventData;
      await connection.run(
        `INSERT OR IGNORE INTO ${CHANNEL_EVENTS_TABLE} VALUES ($1, $2, $3, $4, $5, $6, encode($7))`,
        [
          store,
          record.eventID,
          Date.parse(record.eventTime),
          record.awsRegion,
          typeof data.eventName === 'string' ? data.eventName : null,
          typeof data.eventSource === 'string' ? data.eventSource : null,
          JSON.stringify(record),
        ],
      );
    }
  }
}

/** A log file's records through the importer's own reader (gzip, JSON splitting, normalising). */
export async function readLogFileWithImporter(body: Uint8Array): Promise<LogFileRead> {
  const records: AnyRecord[] = [];
  const result = await readRecords(
    (async function* () {
      yield body;
    })(),
    (outcomes) => {
      for (const outcome of outcomes) if ('record' in outcome && outcome.record) records.push(outcome.record);
    },
  );
  const failure = result.skipped ?? result.failure;
  return failure ? { records: [], failure: `The log file could not be read: ${failure}.` } : { records };
}

export function localLake(
  db: Database,
  homeRegion: string,
  options: DuckDbLakeEngineOptions = {},
  /** The event store, so imported events and their memberships commit together. */
  events?: MembersCommit,
): LakeOptions {
  // Connections of their own, per call: one held open would keep the data file locked after close.
  return {
    engine: new DuckDbLakeEngine(db.instance, options),
    builtInStoreRegion: homeRegion,
    persistence: {
      async load() {
        const text = await withConnection(db, (connection) => readMeta(connection, CATALOG_KEY));
        return text ? (JSON.parse(text) as EventDataStoreState[]) : [];
      },
      async save(stores) {
        await withConnection(db, (connection) => writeMeta(connection, CATALOG_KEY, JSON.stringify(stores)));
      },
    },
    imports: {
      readLogFile: readLogFileWithImporter,
      persistence: {
        async load() {
          const text = await withConnection(db, (connection) => readMeta(connection, IMPORTS_KEY));
          return text ? (JSON.parse(text) as ImportState[]) : [];
        },
        async save(imports) {
          await withConnection(db, (connection) =>
            writeMeta(connection, IMPORTS_KEY, JSON.stringify(imports)),
          );
        },
        async addMembers(storeIds, eventIds) {
          const write = (connection: DuckDBConnection) => insertMembers(connection, storeIds, eventIds);
          if (events) await events.commit(() => write);
          else await withConnection(db, write);
        },
      },
    },
    channels: {
      async load() {
        const text = await withConnection(db, (connection) => readMeta(connection, CHANNELS_KEY));
        return text ? (JSON.parse(text) as ChannelState[]) : [];
      },
      async save(channels) {
        await withConnection(db, (connection) =>
          writeMeta(connection, CHANNELS_KEY, JSON.stringify(channels)),
        );
      },
      async addEvents(storeIds, records) {
        const write = (connection: DuckDBConnection) => insertChannelEvents(connection, storeIds, records);
        // With the event store's group commit: PutAuditEvents is answered once the transaction is durable.
        if (events) await events.commit(() => write);
        else await withConnection(db, write);
      },
    },
    dashboardPersistence: {
      async load() {
        const text = await withConnection(db, (connection) => readMeta(connection, DASHBOARDS_KEY));
        return text ? (JSON.parse(text) as Dashboard[]) : [];
      },
      async save(dashboards) {
        await withConnection(db, (connection) =>
          writeMeta(connection, DASHBOARDS_KEY, JSON.stringify(dashboards)),
        );
      },
    },
  };
}
