// `npm run export -- --parquet DIR [--data-dir DIR]`: the local store as partitioned Parquet (parquet-export.ts).
import { parseArgs } from 'node:util';
import { prepareDataDir, readServerLock } from '../data-dir';
import { openDatabase } from '../store/database';
import { exportParquet } from './parquet-export';

const USAGE = `Usage: npm run export -- --parquet DIR [--data-dir DIR]

Writes every event of the data dir's store (default ./data) under DIR as Parquet files partitioned
region=<Region>/date=<yyyy-MM-dd>/, for Athena, Trino or Spark.`;

export async function main(argv: readonly string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        parquet: { type: 'string' },
        'data-dir': { type: 'string', default: 'data' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) return void console.log(USAGE);
  if (!values.parquet) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const lock = readServerLock(values['data-dir']);
  if (lock) {
    console.error(`The server at ${lock.url} (pid ${lock.pid}) has this data dir open: stop it first.`);
    process.exitCode = 1;
    return;
  }
  const db = await openDatabase(prepareDataDir(values['data-dir']).databaseFile);
  try {
    const started = performance.now();
    const count = await exportParquet(db.connection, values.parquet);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Wrote ${count.toLocaleString('en-US')} events to ${values.parquet} in ${seconds} s.`);
  } finally {
    db.close();
  }
}
