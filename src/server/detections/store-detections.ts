// Evaluates Sigma rules over the DuckDB store: one streamed pass over the `events` table, reading only the rows
// whose event_name some rule can hit when every rule pins its eventNames (most do). The rules run in JS
// (src/domain/detections): compiling them to DuckDB SQL was measured slower on 1M events, see
// docs/investigations.md and `npm run bench -- --only detect`.
import type { DuckDBBlobValue, DuckDBConnection } from '@duckdb/node-api';
import { RuleEvaluator, type HitEvent, type RuleHits } from '@/domain/detections/rule-set';
import type { SigmaRule } from '@/domain/detections/sigma-rule';
import type { CloudTrailRecord } from '@/domain/record';

const utf8 = new TextDecoder();

export interface StoreDetections {
  hits: RuleHits[];
  events: HitEvent[];
  /** Rows read and parsed. */
  scanned: number;
}

export async function detectInStore(
  connection: DuckDBConnection,
  rules: readonly SigmaRule[],
): Promise<StoreDetections> {
  const evaluator = new RuleEvaluator(rules);
  const names = evaluator.eventNames;
  if (rules.length === 0 || names?.size === 0) return { hits: [], events: [], scanned: 0 };
  // Event names come from rule files: bound as parameters, never inlined.
  const list = names ? [...names] : [];
  const where = names ? ` WHERE event_name IN (${list.map((_, i) => `$${i + 1}`).join(', ')})` : '';
  const result = await connection.stream(`SELECT record FROM events${where}`, list);
  let scanned = 0;
  for await (const rows of result.yieldRows()) {
    for (const [blob] of rows) {
      const record = JSON.parse(utf8.decode((blob as DuckDBBlobValue).bytes)) as CloudTrailRecord;
      // Insights records have no userIdentity or eventName of their own; no rule is about them.
      if (record.eventName && record.userIdentity) evaluator.add(record);
      scanned += 1;
    }
  }
  return { hits: evaluator.hits(), events: evaluator.hitEvents(), scanned };
}
