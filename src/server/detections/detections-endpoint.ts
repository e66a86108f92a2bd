// `GET /trailview/detections` (local backend): the rule pack plus the server's --rules folders, read again
// on every request so a rule added to a folder takes effect without a restart, evaluated over the store.
// Reading only: GET changes nothing.
import type { ServerResponse } from 'node:http';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Backend } from '../backends/backend';
import { ruleCatalog, type DetectionsReport } from '@/domain/detections/report';
import { loadRuleSet } from './rule-folders';
import { detectInStore } from './store-detections';

export async function detectionsReport(
  connection: DuckDBConnection,
  ruleDirs: readonly string[],
): Promise<DetectionsReport> {
  const set = loadRuleSet(ruleDirs);
  const started = performance.now();
  const { hits, events, scanned } = await detectInStore(connection, set.rules);
  return {
    hits,
    problems: set.problems,
    rules: set.rules.length,
    scanned,
    ms: Math.round(performance.now() - started),
    catalog: ruleCatalog(set.rules),
    events,
  };
}

/** `GET /trailview/detections`: the report, or 400 on a backend without a store (aws, endpoint). */
export async function serveDetections(backend: Backend, res: ServerResponse): Promise<void> {
  const body = backend.detections
    ? await backend.detections()
    : {
        message: `Detections over the server's store need the local backend; this server runs ${backend.info.mode}.`,
      };
  res.writeHead(backend.detections ? 200 : 400, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}
