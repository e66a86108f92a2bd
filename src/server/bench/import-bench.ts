// Import throughput on a generated S3-layout folder of .json.gz files (the target: ≥ 150,000 events/s,
// and at least DuckDB's own read_json loading the same files; jq beside), into a fresh data dir, as the
// import CLI runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { defaultWorkers, Importer } from '../import/importer';
import { syntheticRecord } from './synthetic-events';

const PER_FILE = 2_000;

/** Writes `count` events as CloudTrail would deliver them: AWSLogs/<account>/CloudTrail/<region>/y/m/d/*.json.gz */
export function writeS3Layout(dir: string, count: number, gzip = true): string[] {
  const end = Date.parse('2026-11-20T00:00:00Z');
  const files: string[] = [];
  for (let i = 0; i < count; i += PER_FILE) {
    const records = [];
    for (let j = i; j < Math.min(count, i + PER_FILE); j++)
      records.push(syntheticRecord(11, j, count, end, 90));
    const first = records[0]!;
    const [y, m, d] = first.eventTime.slice(0, 10).split('-');
    const folder = join(dir, 'AWSLogs', '210987654321', 'CloudTrail', 'us-east-1', y!, m!, d!);
    mkdirSync(folder, { recursive: true });
    const stamp = first.eventTime.replace(/[-:]/g, '').slice(0, 13);
    const file = join(
      folder,
      `210987654321_CloudTrail_us-east-1_${stamp}Z_${i.toString(36).padStart(6, '0')}.json${gzip ? '.gz' : ''}`,
    );
    const text = JSON.stringify({ Records: records });
    writeFileSync(file, gzip ? gzipSync(text) : text);
    files.push(file);
  }
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * DuckDB loading the same files into a plain table, each record as its JSON (as Trailview keeps it), in
 * a database file of its own, timed from open to close like the import.
 */
async function duckdbReadJson(files: string[], file: string): Promise<number> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
    await connection.run(
      `CREATE TABLE records AS SELECT unnest(Records) AS record
       FROM read_json([${list}], columns = {Records: 'JSON[]'}, maximum_object_size = 1073741824)`,
    );
    const count = await connection.runAndReadAll('SELECT count(*)::DOUBLE FROM records');
    if (Number(count.getRows()[0]?.[0]) === 0) throw new Error('DuckDB read no records.');
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return (performance.now() - started) / 1000;
}

export async function runImportBench(folder: string, log: (line: string) => void, worker?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'trailview-bench-import-'));
  try {
    // Timed as the import CLI runs: open, import, close (DuckDB's final checkpoint included).
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const db = await openDatabase(join(dataDir, 'trailview.duckdb'));
    const store = await DuckDbEventStore.open(db);
    const summary = await store.bulk('import', (writer) =>
      new Importer(writer, { worker, workers: defaultWorkers() }).importPaths([folder]),
    );
    await store.close();
    db.close();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const rate = summary.eventsRead / seconds;
    log(
      `Trailview import: ${summary.eventsImported.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en-US')} events/s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, all threads)`,
    );
    // jq, reading the same files the way one would: decompress, then every record of every file.
    const files = listFiles(folder);
    const jqStarted = performance.now();
    execFileSync('sh', ['-c', `gzip -dc "$@" | jq -c '.Records[]' > /dev/null`, 'sh', ...files], {
      stdio: 'inherit',
    });
    const jqSeconds = (performance.now() - jqStarted) / 1000;
    log(
      `jq -c '.Records[]': ${jqSeconds.toFixed(2)} s = ${Math.round(summary.eventsRead / jqSeconds).toLocaleString('en-US')} events/s`,
    );
    log(`Trailview / jq: ${(jqSeconds / seconds).toFixed(2)}×`);
    const duckdbSeconds = await duckdbReadJson(files, join(dataDir, 'peer.duckdb'));
    log(
      `duckdb read_json: ${duckdbSeconds.toFixed(2)} s = ${Math.round(summary.eventsRead / duckdbSeconds).toLocaleString('en-US')} events/s`,
    );
    log(`Trailview / duckdb: ${(duckdbSeconds / seconds).toFixed(2)}×`);
    return { eventsPerSecond: rate, versusJq: jqSeconds / seconds, versusDuckdb: duckdbSeconds / seconds };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
