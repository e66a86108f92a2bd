// Local mode: the emulator over the DuckDB store of a data dir. Events (served calls, the seeded demo
// account, imports) and the account state persist in one DuckDB file and survive restarts.
import { createEmulator } from '@/emulator/handler';
import { createAccountState } from '@/emulator/state';
import { prepareDataDir } from '../data-dir';
import { Importer } from '../import/importer';
import type { ImportSummary } from '@/domain/import-summary';
import { ImportWorker } from '../import/worker-client';
import { seedDemoAccount } from '../seed-demo';
import { openDatabase, readMeta, writeMeta, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { StateSnapshots } from '../store/state-snapshots';
import { storeInvestigationRoutes } from '../detections/store-records';
import { snsNotificationsRoute } from '@/emulator/services/sns/notifications-route';
import type { Backend } from './backend';
import { attachInsights } from './local-insights';
import { FileObjectStore } from '../objects/file-object-store';
import { localLake } from '../lake/local-lake';
import {
  DEFAULT_DELIVERY_INTERVAL_SECONDS,
  startDeliveryTimer,
} from '@/emulator/services/cloudtrail/delivery-timer';

export interface LocalBackendOptions {
  dataDir: string;
  /** No demo account in a new data dir. */
  empty?: boolean;
  /** The console's default Region; default the demo account's home Region, else us-east-1. */
  region?: string;
  /** The built import worker; without it uploads are parsed on the main thread. */
  importWorker?: string;
  /** Folders of the user's own Sigma rules, read at each evaluation (--rules). */
  ruleDirs?: readonly string[];
  /** Seconds between log file deliveries (--delivery-interval); default 300. */
  deliveryInterval?: number;
  log?: (line: string) => void;
}

export interface LocalBackend extends Backend {
  store: DuckDbEventStore;
  databaseFile: string;
}

/** Uploads up to this size are parsed in process and written with the audit events' group commit. */
const SMALL_UPLOAD = 4 * 1024 * 1024;

/** The account of an empty data dir: the example account ID of the AWS documentation. */
const EMPTY_ACCOUNT_ID = '123456789012';

export async function openLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const log = options.log ?? (() => {});
  const dir = prepareDataDir(options.dataDir);
  const db = await openOrExplain(dir.databaseFile);
  const store = await DuckDbEventStore.open(db);
  const snapshots = StateSnapshots.open(db, store);
  let state = await snapshots.load();
  let region = options.region ?? (await readMeta(db.connection, 'home_region'));
  if (!state) {
    // Seed only a data dir nobody has used: not one the import CLI filled before the first start.
    const untouched = (await store.count()) === 0;
    if (untouched && !options.empty) {
      const seeded = await seedDemoAccount(store, log);
      state = seeded.state;
      region ??= seeded.homeRegion;
    } else {
      state = createAccountState(EMPTY_ACCOUNT_ID);
    }
    await writeMeta(db.connection, 'home_region', region ?? 'us-east-1');
    await snapshots.save(state);
  }
  const defaultRegion = region ?? 'us-east-1';
  const accountState = state;
  let worker: ImportWorker | undefined;
  const insights = attachInsights(db, store, accountState, Date.now);
  const objects = FileObjectStore.open(dir.path);
  // A write is answered once the state and the call's event are committed together (DuckDbEventStore.commit).
  const persist = () => snapshots.save(accountState);
  const handle = createEmulator({
    store,
    state: accountState,
    defaultRegion,
    insights: insights.engine,
    objects,
    lake: localLake(db, defaultRegion, {}, store),
    // The emulator analyses Insights itself after the calls that change a trail's Insights coverage.
    onStateChange: persist,
  });
  const delivery = startDeliveryTimer({
    store,
    state: accountState,
    objects,
    intervalSeconds: options.deliveryInterval ?? DEFAULT_DELIVERY_INTERVAL_SECONDS,
    persist,
  });
  return {
    store,
    databaseFile: dir.databaseFile,
    info: { mode: 'local', defaultRegion, readOnly: false },
    handle,
    eventStats: store,
    importFile: async (file, body, size) => {
      let summary: ImportSummary;
      if (size !== undefined && size <= SMALL_UPLOAD) {
        // A small file is parsed here and written with the next group commit: a bulk transaction of
        // its own (and a worker round trip) would cost more than the file.
        const importer = new Importer({
          appendWithJson: async (items) => {
            // The engine is shown each event once: only those this append inserts.
            const seen = new Set<string>();
            const fresh = items.filter((item) => {
              const id = item.record.eventID;
              const isNew = !store.hasEvent(id) && !seen.has(id);
              seen.add(id);
              return isNew;
            });
            const result = await store.appendWithJson(items, 'import');
            insights.engine.observe(fresh.map((item) => item.record));
            return result;
          },
        });
        await importer.importStream(file, body);
        summary = await importer.finish();
        // Answered once what it imported is on disk.
        await store.commit();
      } else {
        worker ??= options.importWorker ? new ImportWorker(options.importWorker) : undefined;
        summary = await store.bulk('import', async (writer) => {
          const importer = new Importer(writer, { worker });
          await importer.importStream(file, body);
          return importer.finish();
        });
      }
      insights.refresh();
      return summary;
    },
    investigations: storeInvestigationRoutes(db, () => store.count(), options.ruleDirs ?? []),
    snsNotifications: (request) => snsNotificationsRoute(() => accountState, request),
    async status() {
      return {
        mode: 'local',
        dataDir: dir.path,
        events: await store.count(),
        insights: insights.ready ? 'ready' : 'loading',
        // Rows of a store written before the records file are copied into it after the start.
        records: store.fillingRecords ? 'filling' : 'ready',
        pid: process.pid,
      };
    },
    async close() {
      await delivery.stop();
      await worker?.close();
      await insights.close();
      await store.close();
      db.close();
    },
  };
}

async function openOrExplain(file: string): Promise<Database> {
  try {
    return await openDatabase(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      throw new Error(
        `Another process is using ${file} (${message.split('\n')[0]}). Stop it, or use another --data-dir.`,
      );
    }
    throw error;
  }
}
