// A data dir holds the DuckDB file and, while a server runs on it, `server.json` with the server's pid
// and URL. DuckDB's own file lock keeps a second writer out; the lock file lets the import CLI tell the
// user (or send the files to the server) instead of failing on that lock.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from './store/database';

const LOCK_FILE = 'server.json';

export interface ServerLock {
  pid: number;
  url: string;
  startedAt: string;
}

export interface DataDir {
  path: string;
  databaseFile: string;
  /** True when the database did not exist yet: the demo account is seeded then. */
  isNew: boolean;
}

export function prepareDataDir(dir: string): DataDir {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true });
  const databaseFile = join(path, DATABASE_FILE);
  return { path, databaseFile, isNew: !existsSync(databaseFile) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server running on this data dir, if any; a lock left by a process that died is ignored. */
export function readServerLock(dir: string): ServerLock | undefined {
  const file = join(resolve(dir), LOCK_FILE);
  let lock: ServerLock;
  try {
    lock = JSON.parse(readFileSync(file, 'utf8')) as ServerLock;
  } catch {
    return undefined;
  }
  return typeof lock.pid === 'number' && isAlive(lock.pid) ? lock : undefined;
}

export function writeServerLock(dir: string, url: string): void {
  const lock: ServerLock = { pid: process.pid, url, startedAt: new Date().toISOString() };
  writeFileSync(join(resolve(dir), LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
}

export function removeServerLock(dir: string): void {
  const lock = readServerLock(dir);
  if (!lock || lock.pid === process.pid) rmSync(join(resolve(dir), LOCK_FILE), { force: true });
}
