// CloudTrail Lake in the local backend: the DuckDB engine, and the event data stores and dashboards kept in
// the data file's meta table (a JSON document each, rewritten on each change before the call is answered).
import type { EventDataStoreState } from '@/domain/lake';
import type { LakeOptions } from '@/emulator/services/cloudtrail/cloudtrail-service';
import type { Dashboard } from '@/emulator/services/cloudtrail/lake-dashboards';
import { readMeta, withConnection, writeMeta, type Database } from '../store/database';
import { DuckDbLakeEngine, type DuckDbLakeEngineOptions } from './duckdb-lake-engine';

const CATALOG_KEY = 'lake_event_data_stores';
const DASHBOARDS_KEY = 'lake_dashboards';

export function localLake(
  db: Database,
  homeRegion: string,
  options: DuckDbLakeEngineOptions = {},
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
