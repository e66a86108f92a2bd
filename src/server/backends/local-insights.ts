// The Insights engine of the local backend (emulator/insights/engine.ts). The emulator shows it the
// events of the calls it serves; this fills it from the database when the server starts, shows it the
// records of imports, and analyses the trails then, after an import, and every ten minutes.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnyRecord } from '@/domain/record';
import { createInsightsEngine, type InsightsEngine } from '@/emulator/insights/engine';
import type { AccountState } from '@/emulator/state';
import { releaseCache, type Database } from '../store/database';
import type { DuckDbEventStore } from '../store/duckdb-event-store';

const ANALYSE_EVERY_MS = 10 * 60_000;
const DEBOUNCE_MS = 1_000;

/**
 * The records the engine needs, each once: management writes and errors, and each Region's oldest event,
 * among the rows numbered before the engine started watching.
 */
const COUNTED_RECORDS = `SELECT decode(record) FROM events
  WHERE seq < $1 AND (
    (category = 'Management' AND (read_only = 'false' OR json_exists(decode(record), '$.errorCode')))
    OR seq IN (SELECT arg_min(seq, time_ms) FROM events WHERE seq < $1 GROUP BY region))`;

export interface LocalInsights {
  engine: InsightsEngine;
  /** False while past events are still being read from the database. */
  readonly ready: boolean;
  /** Analyses soon (calls within a second make one analysis). */
  refresh(): void;
  close(): Promise<void>;
}

export function attachInsights(
  db: Database,
  store: DuckDbEventStore,
  state: AccountState,
  clock: () => number,
): LocalInsights {
  // Each event is shown to the engine once, so it keeps no set of event IDs: the rows numbered before
  // this moment from the database, and each event inserted from now on as it is (never a duplicate).
  const engine = createInsightsEngine({ store, trackSeen: false });
  store.observer = (records) => engine.observe(records);
  const before = store.rowsNumbered;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const analyse = () => {
    running = running
      .then(() => engine.analyse(state.trails.values(), clock()))
      .catch((error: unknown) => console.error('trailview: Insights analysis failed', error));
    return running;
  };
  // Filling from the database runs after the server is up; analyses wait for it.
  let ready = false;
  running = fill(db, engine, before)
    .catch((error: unknown) => console.error('trailview: could not read past events for Insights', error))
    .finally(() => (ready = true));
  void analyse();
  const interval = setInterval(() => void analyse(), ANALYSE_EVERY_MS);
  interval.unref();
  return {
    engine,
    get ready() {
      return ready;
    },
    refresh() {
      clearTimeout(timer);
      timer = setTimeout(() => void analyse(), DEBOUNCE_MS);
      timer.unref();
    },
    async close() {
      clearInterval(interval);
      clearTimeout(timer);
      store.observer = undefined;
      await running;
    },
  };
}

async function fill(db: Database, engine: InsightsEngine, before: number): Promise<void> {
  const connection: DuckDBConnection = await db.instance.connect();
  try {
    const result = await connection.stream(COUNTED_RECORDS, [before]);
    for await (const chunk of result) {
      const [texts] = chunk.getColumns() as [string[]];
      engine.observe(texts.map((text) => JSON.parse(text) as AnyRecord));
    }
  } finally {
    connection.closeSync();
  }
  // The scan read the records of every management write: DuckDB's cache holds blocks no page needs.
  await releaseCache(db);
}
