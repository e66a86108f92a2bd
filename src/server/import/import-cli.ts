// `npm run import -- [--data-dir DIR] PATH…`: imports log files into a data dir. While a server runs on
// that data dir it holds the database, so the files go through the server's import endpoint instead.
import { createReadStream } from 'node:fs';
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { readServerLock, type ServerLock } from '../data-dir';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { prepareDataDir } from '../data-dir';
import { defaultWorkers, Importer, walkFiles } from './importer';
import { emptySummary, type ImportSummary } from '@/domain/import-summary';
import { formatSummary, mergeSummary, type ImportProgress } from './summary';
import { validateFolders } from './validate-folder-cli';

const USAGE = `Usage: npm run import -- [--data-dir DIR] PATH…
       npm run import -- --validate [--data-dir DIR | --endpoint-url URL] PATH…

Imports CloudTrail log files and folders (S3 layout .json.gz or .json, JSON arrays, JSON lines,
single events, LookupEvents output) into the data dir (default ./data). Importing again adds nothing.

--validate checks folders that hold a trail's log files and digest files (an S3 copy of its AWSLogs)
instead: each digest's signature and chain and each log file's hash, with the public keys of the
server running on the data dir, or of the Trailview server at --endpoint-url.`;

export async function main(argv: readonly string[], importWorker?: string): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string', default: 'data' },
        validate: { type: 'boolean' },
        'endpoint-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const paths = parsed.positionals;
  if (parsed.values.help || paths.length === 0) {
    console.log(USAGE);
    if (paths.length === 0 && !parsed.values.help) process.exitCode = 2;
    return;
  }
  const dataDir = parsed.values['data-dir'];
  if (parsed.values.validate) {
    const server = parsed.values['endpoint-url'] ?? readServerLock(dataDir)?.url;
    if (!server) {
      console.error(
        `Validation needs the public keys of a running Trailview server: start it on ${dataDir} ` +
          '(npm start), or name one with --endpoint-url http://127.0.0.1:PORT.',
      );
      process.exitCode = 2;
      return;
    }
    try {
      if ((await validateFolders(paths, `${server.replace(/\/+$/, '')}/aws`)) > 0) process.exitCode = 1;
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
    return;
  }
  const started = performance.now();
  const progress = progressLine();
  const lock = readServerLock(dataDir);
  let summary: ImportSummary;
  try {
    summary = lock
      ? await importThroughServer(lock, paths, progress)
      : await importDirectly(dataDir, paths, progress, importWorker);
  } catch (error) {
    progress.done();
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  progress.done();
  console.log(formatSummary(summary, (performance.now() - started) / 1000));
  if (summary.filesFailed.length > 0) process.exitCode = 1;
}

async function importDirectly(
  dataDir: string,
  paths: string[],
  onProgress: (p: ImportProgress) => void,
  worker: string | undefined,
) {
  const dir = prepareDataDir(dataDir);
  let db;
  try {
    db = await openDatabase(dir.databaseFile);
  } catch (error) {
    throw new Error(
      `Could not open ${dir.databaseFile}: ${(error as Error).message.split('\n')[0]}\n` +
        'Another process is using this data dir; wait for it to finish, or stop the server that has it open.',
    );
  }
  const store = await DuckDbEventStore.open(db);
  try {
    return await store.bulk('import', (writer) =>
      new Importer(writer, { onProgress, worker, workers: defaultWorkers() }).importPaths(paths),
    );
  } finally {
    await store.close();
    db.close();
  }
}

/** Sends each file to the running server, which imports it into the database it holds. */
async function importThroughServer(
  lock: ServerLock,
  paths: string[],
  onProgress: (p: ImportProgress) => void,
) {
  console.error(`The server at ${lock.url} (pid ${lock.pid}) has this data dir open; importing through it.`);
  const total = emptySummary();
  for (const path of paths) {
    for await (const file of walkFiles(path, total)) {
      let part: ImportSummary;
      try {
        part = await postFile(`${lock.url}/trailview/import?file=${encodeURIComponent(file)}`, file);
      } catch (error) {
        // The file could not be read here (gone, unreadable): that file failed, the others go on.
        if (error instanceof FileReadError) {
          total.filesFailed.push({ file, reason: error.code });
          continue;
        }
        throw new Error(
          `The server at ${lock.url} is running on this data dir but did not take the import ` +
            `(${(error as Error).message}). Stop it and run the import again, or use its Import page.`,
        );
      }
      mergeSummary(total, part);
      onProgress({ file, bytesRead: 0, filesRead: total.filesRead, eventsImported: total.eventsImported });
    }
  }
  return total;
}

/** Reading the local file failed, not the server. */
class FileReadError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

function postFile(url: string, file: string): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          resolve(JSON.parse(text) as ImportSummary);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const source = createReadStream(file);
    source.on('error', (error: NodeJS.ErrnoException) => {
      const failure = new FileReadError(error.code ?? error.message);
      req.destroy(failure);
      reject(failure);
    });
    source.pipe(req);
  });
}

/** One status line on a terminal, rewritten in place; nothing when output is not a terminal. */
function progressLine() {
  const tty = process.stderr.isTTY;
  let last = 0;
  const update = (p: ImportProgress) => {
    const now = Date.now();
    if (!tty || now - last < 200) return;
    last = now;
    process.stderr.write(
      `\rImporting… ${p.filesRead.toLocaleString('en-US')} files, ${p.eventsImported.toLocaleString('en-US')} events`,
    );
  };
  return Object.assign(update, { done: () => tty && last > 0 && process.stderr.write('\n') });
}
