// `node scripts/bench-server.mjs detect [--events N]`: the rule pack over a store of N synthetic events, in JS
// (what Trailview does) and, as the peer measured in the same run, one full-scan rule compiled by hand to
// DuckDB SQL: JSON extraction of one field over every row, the least any SQL compilation of such a rule costs.
import { rulePack } from '@/domain/detections/rule-pack';
import { prepareDataDir } from '../data-dir';
import { openDatabase } from '../store/database';
import { detectInStore } from './store-detections';

export async function runDetectBench(dataDir: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase(prepareDataDir(dataDir).databaseFile);
  try {
    const rules = rulePack().rules;
    let started = performance.now();
    const { hits, scanned } = await detectInStore(db.connection, rules);
    const jsMs = performance.now() - started;
    const total = hits.reduce((n, h) => n + h.eventIds.length, 0);
    log(
      `js: ${rules.length} rules over ${scanned} events in ${jsMs.toFixed(0)} ms, ${hits.length} rules hit, ${total} hits`,
    );
    started = performance.now();
    const reader = await db.connection.runAndReadAll(
      `SELECT count(*) FROM events WHERE json_extract_string(decode(record), '$.userAgent') ILIKE '%kali%'`,
    );
    const sqlMs = performance.now() - started;
    log(
      `sql: 1 rule (userAgent contains kali) in ${sqlMs.toFixed(0)} ms, ${String(reader.getRows()[0]?.[0])} hits`,
    );
  } finally {
    db.close();
  }
}
