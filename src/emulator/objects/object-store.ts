// S3 objects of the emulated account: what delivery writes and what GetObject/ListObjects serve. The
// browser demo keeps them in memory (MemoryObjectStore); the local server keeps them in its data dir
// (server/objects/file-object-store.ts). Keys are compared as strings in UTF-16 order, which is the
// order of their UTF-8 bytes for the keys CloudTrail writes (ASCII).

export interface ObjectInfo {
  bucket: string;
  key: string;
  size: number;
  /** The quoted MD5-style entity tag S3 returns; here a hex digest of the bytes in quotes. */
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  contentType: string;
  /** User metadata (`x-amz-meta-*` without the prefix), names lower-cased. */
  metadata: Record<string, string>;
}

export interface StoredObject extends ObjectInfo {
  body: Uint8Array;
}

export interface ObjectStore {
  /** Resolves once the object is durable (the local store writes it to disk first). */
  put(object: StoredObject): Promise<void>;
  get(bucket: string, key: string): Promise<StoredObject | undefined>;
  head(bucket: string, key: string): Promise<ObjectInfo | undefined>;
  /** Objects of a bucket whose keys start with `prefix` and sort after `after`, in key order. */
  list(bucket: string, prefix: string, after: string): Promise<ObjectInfo[]>;
  delete(bucket: string, key: string): Promise<void>;
}

/** SHA-256 of the bytes as hex, quoted: a stable entity tag (S3's is MD5, which WebCrypto lacks). */
export async function entityTag(body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body as BufferSource));
  return `"${[...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

export function sortedAfter(infos: Iterable<ObjectInfo>, prefix: string, after: string): ObjectInfo[] {
  return [...infos]
    .filter((o) => o.key.startsWith(prefix) && o.key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export class MemoryObjectStore implements ObjectStore {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();

  put(object: StoredObject): Promise<void> {
    let bucket = this.buckets.get(object.bucket);
    if (!bucket) this.buckets.set(object.bucket, (bucket = new Map()));
    bucket.set(object.key, object);
    return Promise.resolve();
  }

  get(bucket: string, key: string): Promise<StoredObject | undefined> {
    return Promise.resolve(this.buckets.get(bucket)?.get(key));
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    const object = await this.get(bucket, key);
    if (!object) return undefined;
    const { body: _body, ...info } = object;
    return info;
  }

  list(bucket: string, prefix: string, after: string): Promise<ObjectInfo[]> {
    return Promise.resolve(sortedAfter(this.buckets.get(bucket)?.values() ?? [], prefix, after));
  }

  delete(bucket: string, key: string): Promise<void> {
    this.buckets.get(bucket)?.delete(key);
    return Promise.resolve();
  }
}
