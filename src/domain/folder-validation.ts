// Log file integrity validation of a folder that holds what a trail delivered, as `aws s3 cp --recursive`
// copies it (the folder may start anywhere above or at `AWSLogs/`). It runs the same checks as the trail
// details page (log-file-validation.ts); only where the files come from differs:
// - A file named in a digest (by its S3 key) is the folder file whose path is the longest tail of that key.
// - A copied digest has lost its `x-amz-meta-signature`. The signature of every digest but the newest of a
//   chain is in the next digest's `previousDigestSignature`, which that next digest's own signature covers
//   (cloudtrail-log-file-custom-validation.html), so the chain stays verifiable from its newest digest;
//   that newest signature is asked of `signatureOf` (the bucket's HeadObject, when it is reachable).
import { gunzip } from './bytes';
import { digestKeyTime, validateLogFiles, type StoredFile, type Verdict } from './log-file-validation';

export interface FolderFile {
  /** The path inside the chosen folder, `/`-separated. */
  path: string;
  read(): Promise<Uint8Array>;
}

const DIGEST_NAME = /^(\d{12})_CloudTrail-Digest_([a-z0-9-]+)_(.+)_([a-z0-9-]+)_\d{8}T\d{6}Z\.json\.gz$/;
const HOUR_MS = 3_600_000;

interface FolderDigest {
  file: FolderFile;
  key: string;
  bucket: string;
  region: string;
  time: number;
  previousKey: string | null;
  previousSignature: string | null;
  /** The trail's files: bucket, key prefix, account, trail name and home Region. */
  chain: { bucket: string; prefix: string; accountId: string; trailName: string; homeRegion: string };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The digest files of the folder, read once. */
async function readDigests(files: readonly FolderFile[]): Promise<FolderDigest[]> {
  const digests: FolderDigest[] = [];
  for (const file of files) {
    const name = DIGEST_NAME.exec(baseName(file.path));
    if (!name) continue;
    let document: {
      digestS3Bucket?: string;
      digestS3Object?: string;
      previousDigestS3Object?: string | null;
      previousDigestSignature?: string | null;
    };
    try {
      document = JSON.parse(new TextDecoder().decode(await gunzip(await file.read()))) as typeof document;
    } catch {
      continue; // Not a digest after all; the import reports what it cannot read.
    }
    const key = document.digestS3Object ?? '';
    const at = key.indexOf('AWSLogs/');
    if (!document.digestS3Bucket || at < 0) continue;
    digests.push({
      file,
      key,
      bucket: document.digestS3Bucket,
      region: name[2]!,
      time: digestKeyTime(key),
      previousKey: document.previousDigestS3Object ?? null,
      previousSignature: document.previousDigestSignature ?? null,
      chain: {
        bucket: document.digestS3Bucket,
        prefix: key.slice(0, Math.max(0, at - 1)),
        accountId: name[1]!,
        trailName: name[3]!,
        homeRegion: name[4]!,
      },
    });
  }
  return digests;
}

/** A CloudTrail digest file (it names log files and their hashes; it holds no events). */
export const isDigestFile = (path: string) => DIGEST_NAME.test(baseName(path));

/** Whether the folder holds digest files to validate. */
export const hasDigestFiles = (paths: readonly string[]) => paths.some(isDigestFile);

export async function validateFolder(options: {
  files: readonly FolderFile[];
  /** Fingerprint → PKCS #1 DER of the Region's keys valid in the range (ListPublicKeys). */
  publicKeys: (region: string, start: Date, end: Date) => Promise<ReadonlyMap<string, Uint8Array>>;
  /** The signature in the S3 metadata of the newest digest of a chain; undefined when unknown. */
  signatureOf?: (bucket: string, key: string) => Promise<string | undefined>;
  onProgress?: (done: number, total: number, verdict: Verdict) => void;
}): Promise<Verdict[]> {
  const digests = await readDigests(options.files);
  if (digests.length === 0) return [];

  // Every tail of every path, so that a key finds its file wherever the folder starts.
  const byTail = new Map<string, FolderFile>();
  for (const file of options.files) {
    const parts = file.path.split('/');
    for (let i = 0; i < parts.length; i++) byTail.set(parts.slice(i).join('/'), file);
  }
  const fileOfKey = (key: string) => {
    const parts = key.split('/');
    for (let i = 0; i < parts.length; i++) {
      const file = byTail.get(parts.slice(i).join('/'));
      if (file) return file;
    }
    return undefined;
  };
  const signedByNext = new Map<string, string>();
  for (const d of digests)
    if (d.previousKey && d.previousSignature)
      signedByNext.set(`${d.bucket}/${d.previousKey}`, d.previousSignature);

  const keys = new Map<string, Uint8Array>();
  const times = digests.map((d) => d.time);
  const start = new Date(Math.min(...times) - HOUR_MS);
  const end = new Date(Math.max(...times) + 2 * HOUR_MS);
  for (const region of new Set(digests.map((d) => d.region)))
    for (const [fingerprint, der] of await options.publicKeys(region, start, end)) keys.set(fingerprint, der);

  const chains = new Map<string, FolderDigest[]>();
  for (const d of digests) {
    const id = JSON.stringify(d.chain);
    chains.set(id, [...(chains.get(id) ?? []), d]);
  }
  const verdicts: Verdict[] = [];
  let before = 0;
  for (const chain of chains.values()) {
    const { bucket, prefix, accountId, trailName, homeRegion } = chain[0]!.chain;
    const run = await validateLogFiles({
      target: {
        bucket,
        prefix,
        accountId,
        trailName,
        homeRegion,
        regions: [...new Set(chain.map((d) => d.region))],
      },
      start: 0,
      end: Infinity,
      publicKeys: keys,
      reader: {
        listKeys: async (_bucket, folder) => chain.map((d) => d.key).filter((k) => k.startsWith(folder)),
        get: async (fileBucket, key): Promise<StoredFile | undefined> => {
          const file = fileOfKey(key);
          if (!file) return undefined;
          const isDigest = chain.some((d) => d.key === key);
          const signature = !isDigest
            ? undefined
            : (signedByNext.get(`${fileBucket}/${key}`) ?? (await options.signatureOf?.(fileBucket, key)));
          return { body: await file.read(), metadata: signature ? { signature } : {} };
        },
      },
      onProgress: (done, total, verdict) => options.onProgress?.(before + done, before + total, verdict),
    });
    before += run.length;
    verdicts.push(...run);
  }
  return verdicts;
}
