// `node scripts/bench-server.mjs lake [--events N]`: a representative Lake query over the built-in event data
// store of N synthetic events, the way StartQuery runs it (translation, the store's view, the scan
// statistics, the rows as Lake strings), beside its bound: the same grouping straight on the events table.
import { builtInEventDataStore } from '@/domain/lake';
import { prepareDataDir } from '../data-dir';
import { openDatabase } from '../store/database';
import { DuckDbLakeEngine } from './duckdb-lake-engine';

const STORE_ID = '00000000-0000-4000-8000-00000000be11';

export async function runLakeBench(dataDir: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(prepareDataDir(dataDir).databaseFile);
  try {
    const store = builtInEventDataStore({
      id: STORE_ID,
      accountId: '123456789012',
      region: 'us-east-1',
      createdMs: 0,
    });
    const engine = new DuckDbLakeEngine(db.instance);
    const lake = async (sql: string) => {
      const started = performance.now();
      const prepared = await engine.prepare(sql, [store], Date.now());
      const result = await prepared.run(new AbortController().signal);
      return { ms: performance.now() - started, result };
    };
    // One untimed run loads the file's pages, as a server that has been up a while has them.
    await lake(`SELECT count(*) FROM ${STORE_ID}`);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        await lake(
          `SELECT eventName, count(*) AS calls FROM ${STORE_ID} GROUP BY eventName ORDER BY calls DESC`,
        ),
      );
    }
    const best = runs.sort((a, b) => a.ms - b.ms)[0]!;
    log(
      `lake: group by eventName over ${best.result.eventsScanned} events in ${best.ms.toFixed(0)} ms, ${best.result.rows.length} rows`,
    );
    const json = await lake(
      `SELECT userIdentity.arn AS caller, count(*) AS denied FROM ${STORE_ID}
       WHERE errorCode IS NOT NULL GROUP BY 1 ORDER BY denied DESC LIMIT 10`,
    );
    log(`lake-json: errors by caller (reads each record) in ${json.ms.toFixed(0)} ms`);
    let started = performance.now();
    await db.connection.runAndReadAll('SELECT event_name, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC');
    log(`bound: the same grouping on the events table in ${(performance.now() - started).toFixed(0)} ms`);
    started = performance.now();
    await db.connection.runAndReadAll('SELECT count(*), sum(octet_length(record)) FROM events');
    log(`scan-stats: events and bytes of the store in ${(performance.now() - started).toFixed(0)} ms`);
  } finally {
    db.close();
  }
}
