// S3 objects of the local backend, in the data dir beside the database: `objects/<id>.bin` holds the bytes
// and `objects/<id>.json` the bucket, key and headers, where <id> is the SHA-256 of bucket and key (keys
// can be longer than a file name and must never become a path). The index of keys lives in memory,
// read from the .json files at open; an object is answered only after both files are on disk.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  sortedAfter,
  type ObjectInfo,
  type ObjectStore,
  type StoredObject,
} from '@/emulator/objects/object-store';

export const OBJECTS_DIR = 'objects';

function objectId(bucket: string, key: string): string {
  return createHash('sha256').update(bucket).update('\0').update(key).digest('hex');
}

async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

export class FileObjectStore implements ObjectStore {
  private readonly index = new Map<string, Map<string, ObjectInfo>>();

  private readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Opens (and creates) `DATA_DIR/objects`, reading the index of what is stored. */
  static open(dataDir: string): FileObjectStore {
    const dir = join(dataDir, OBJECTS_DIR);
    mkdirSync(dir, { recursive: true });
    const store = new FileObjectStore(dir);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const info = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ObjectInfo;
        store.remember({
          ...info,
          metadata: Object.assign(Object.create(null), info.metadata) as Record<string, string>,
        });
      } catch {
        // A .json cut short by a crash: its object was never acknowledged.
      }
    }
    return store;
  }

  private remember(info: ObjectInfo): void {
    let bucket = this.index.get(info.bucket);
    if (!bucket) this.index.set(info.bucket, (bucket = new Map()));
    bucket.set(info.key, info);
  }

  private paths(bucket: string, key: string) {
    const id = objectId(bucket, key);
    return { body: join(this.dir, `${id}.bin`), info: join(this.dir, `${id}.json`) };
  }

  async put(object: StoredObject): Promise<void> {
    const { body, ...info } = object;
    const paths = this.paths(object.bucket, object.key);
    await writeDurably(paths.body, body);
    await writeDurably(paths.info, JSON.stringify(info));
    this.remember(info);
  }

  async get(bucket: string, key: string): Promise<StoredObject | undefined> {
    const info = await this.head(bucket, key);
    if (!info) return undefined;
    const body = new Uint8Array(await readFile(this.paths(bucket, key).body));
    return { ...info, body };
  }

  head(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    return Promise.resolve(this.index.get(bucket)?.get(key));
  }

  list(bucket: string, prefix: string, after: string): Promise<ObjectInfo[]> {
    return Promise.resolve(sortedAfter(this.index.get(bucket)?.values() ?? [], prefix, after));
  }

  async delete(bucket: string, key: string): Promise<void> {
    if (!this.index.get(bucket)?.delete(key)) return;
    const paths = this.paths(bucket, key);
    await rm(paths.info, { force: true });
    await rm(paths.body, { force: true });
  }
}
