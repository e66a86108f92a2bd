// `node scripts/bench-server.mjs lookup|import|detect|lake [--events N] [--data-dir DIR] [--logs DIR]`: the server's part of the
// performance report (the LookupEvents and import targets).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runImportBench, writeS3Layout } from './import-bench';
import { fillDataDir, runLookupBench } from './lookup-bench';
import { runDetectBench } from '../detections/detect-bench';
import { runLakeBench } from '../lake/lake-bench';

export async function main(argv: readonly string[], root: string): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string' },
      'data-dir': { type: 'string' },
      rounds: { type: 'string', default: '100' },
      // A folder of generated logs to keep between runs (written when it is missing).
      logs: { type: 'string' },
    },
    allowPositionals: true,
  });
  const log = (line: string) => console.log(line);
  const which = positionals[0] ?? 'all';
  if (which === 'lookup' || which === 'all') {
    const events = Number(values.events ?? 1_000_000);
    const dataDir = values['data-dir'] ?? join(root, '.cache', `bench-lookup-${events}`);
    log(`LookupEvents over HTTP, ${events.toLocaleString('en-US')} stored events (${dataDir})`);
    await fillDataDir(dataDir, events, log);
    await runLookupBench(root, dataDir, Number(values.rounds), log);
  }
  if (which === 'detect') {
    const events = Number(values.events ?? 1_000_000);
    const dataDir = values['data-dir'] ?? join(root, '.cache', `bench-lookup-${events}`);
    await fillDataDir(dataDir, events, log);
    await runDetectBench(dataDir, log);
  }
  if (which === 'lake') {
    const events = Number(values.events ?? 1_000_000);
    const dataDir = values['data-dir'] ?? join(root, '.cache', `bench-lookup-${events}`);
    await fillDataDir(dataDir, events, log);
    await runLakeBench(dataDir, log);
  }
  if (which === 'import' || which === 'all') {
    const events = Number(values.events ?? 500_000);
    const kept = values.logs;
    const folder = kept ?? mkdtempSync(join(tmpdir(), 'trailview-bench-logs-'));
    try {
      log(`Import of ${events.toLocaleString('en-US')} events in S3-layout .json.gz files`);
      if (!kept || !existsSync(folder)) writeS3Layout(folder, events);
      await runImportBench(folder, log, join(root, 'dist-server', 'import-worker.mjs'));
    } finally {
      if (!kept) rmSync(folder, { recursive: true, force: true });
    }
  }
}
