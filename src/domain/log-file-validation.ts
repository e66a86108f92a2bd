// Log file integrity validation as CloudTrail documents it (cloudtrail-log-file-custom-validation.html) and
// the AWS CLI's validate-logs does it: the trail's digest files in a time range, each one's signature over
// the string to sign with the public key of its fingerprint, the chain through the previous digest's
// key, hash and signature, and every log file's SHA-256 against the digest. Reads go through the reader
// the caller gives (the console's S3 client); verdicts use the CLI's wording.
import { fromHex, gunzip, sha256Hex } from './bytes';
import { digestStringToSign } from './delivery-files';
import { pkcs1ToSpki } from './rsa-der';

export interface ValidationTarget {
  bucket: string;
  prefix?: string;
  accountId: string;
  trailName: string;
  homeRegion: string;
  /** The Regions whose digests to check (a multi-Region trail has a chain per Region). */
  regions: readonly string[];
}

export interface StoredFile {
  body: Uint8Array;
  /** `x-amz-meta-*` without the prefix. */
  metadata: Record<string, string>;
}

export interface ObjectReader {
  listKeys(bucket: string, prefix: string): Promise<string[]>;
  /** undefined when there is no such object. */
  get(bucket: string, key: string): Promise<StoredFile | undefined>;
}

export interface Verdict {
  file: 'Digest file' | 'Log file';
  bucket: string;
  key: string;
  valid: boolean;
  /** `valid`, or the CLI's `INVALID: …` text. */
  result: string;
}

interface DigestDocument {
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestSignature: string | null;
  logFiles: Array<{ s3Bucket: string; s3Object: string; hashValue: string }>;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const HOUR_MS = 3_600_000;

/** The end time in a digest's name (`…_20150817T150131Z.json.gz`), epoch ms. */
export function digestKeyTime(key: string): number {
  const match = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.json\.gz$/.exec(key);
  if (!match) return NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

async function verifySignature(der: Uint8Array, signatureHex: string, text: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('spki', pkcs1ToSpki(der) as BufferSource, RSA, false, ['verify']);
  return crypto.subtle.verify(
    RSA,
    key,
    fromHex(signatureHex) as BufferSource,
    new TextEncoder().encode(text),
  );
}

/** The digest keys of the trail for one Region whose end time falls in the range (plus an hour, as the CLI). */
async function digestKeys(
  target: ValidationTarget,
  region: string,
  start: number,
  end: number,
  reader: ObjectReader,
) {
  const folder = `${target.prefix ? `${target.prefix}/` : ''}AWSLogs/${target.accountId}/CloudTrail-Digest/${region}/`;
  const name = `_CloudTrail-Digest_${region}_${target.trailName}_${target.homeRegion}_`;
  const keys = await reader.listKeys(target.bucket, folder);
  return keys
    .filter((k) => k.includes(name))
    .map((key) => ({ key, time: digestKeyTime(key) }))
    .filter((d) => d.time >= start && d.time <= end + HOUR_MS)
    .sort((a, b) => a.time - b.time)
    .map((d) => d.key);
}

export async function validateLogFiles(options: {
  target: ValidationTarget;
  start: number;
  end: number;
  reader: ObjectReader;
  /** Fingerprint → PKCS #1 DER, from ListPublicKeys of each Region. */
  publicKeys: ReadonlyMap<string, Uint8Array>;
  onProgress?: (done: number, total: number, verdict: Verdict) => void;
}): Promise<Verdict[]> {
  const { target, reader } = options;
  const chains: string[][] = [];
  for (const region of target.regions)
    chains.push(await digestKeys(target, region, options.start, options.end, reader));
  let total = chains.reduce((n, keys) => n + keys.length, 0);
  const verdicts: Verdict[] = [];
  const report = (verdict: Verdict) => {
    verdicts.push(verdict);
    options.onProgress?.(verdicts.length, total, verdict);
  };
  // A chain is a line: each digest follows one predecessor, and each log file is in one digest. A second
  // digest after the same predecessor (a fork) or a log file named twice means files were delivered twice.
  const followedBy = new Map<string, string>();
  const listedIn = new Map<string, string>();
  for (const keys of chains) {
    let previous: { key: string; hash: string; signature: string } | undefined;
    for (const key of keys) {
      const verdict = (result: string): Verdict => ({
        file: 'Digest file',
        bucket: target.bucket,
        key,
        valid: result === 'valid',
        result,
      });
      const file = await reader.get(target.bucket, key);
      if (!file) {
        report(verdict('INVALID: not found'));
        previous = undefined;
        continue;
      }
      let text: Uint8Array;
      let digest: DigestDocument;
      try {
        text = await gunzip(file.body);
        digest = JSON.parse(new TextDecoder().decode(text)) as DigestDocument;
      } catch {
        report(verdict('INVALID: invalid format'));
        previous = undefined;
        continue;
      }
      const hash = await sha256Hex(text);
      const signature = file.metadata.signature ?? '';
      const der = options.publicKeys.get(digest.digestPublicKeyFingerprint);
      let result = 'valid';
      if (digest.digestS3Bucket !== target.bucket || digest.digestS3Object !== key) {
        result = 'INVALID: has been moved from its original location';
      } else if (!signature) {
        // A copy of the digest (aws s3 cp) leaves its S3 metadata behind.
        result = "INVALID: no signature in the digest file's metadata";
      } else if (!der) {
        result = `INVALID: public key not found in region ${target.homeRegion} for fingerprint ${digest.digestPublicKeyFingerprint}`;
      } else {
        const toSign = digestStringToSign({
          end: Date.parse(digest.digestEndTime),
          bucket: digest.digestS3Bucket,
          key: digest.digestS3Object,
          digestHash: hash,
          previousSignature: digest.previousDigestSignature ?? undefined,
        });
        const signed = await verifySignature(der, signature, toSign).catch(() => false);
        if (!signed) result = 'INVALID: signature verification failed';
        else if (
          previous &&
          digest.previousDigestS3Object === previous.key &&
          (digest.previousDigestHashValue !== previous.hash ||
            digest.previousDigestSignature !== previous.signature)
        ) {
          result = 'INVALID: the previous digest file does not match its hash or signature';
        } else if (digest.previousDigestS3Object && followedBy.has(digest.previousDigestS3Object)) {
          result = `INVALID: the chain forks: ${followedBy.get(digest.previousDigestS3Object)} also follows ${digest.previousDigestS3Object}`;
        }
        if (digest.previousDigestS3Object && !followedBy.has(digest.previousDigestS3Object))
          followedBy.set(digest.previousDigestS3Object, key);
      }
      report(verdict(result));
      previous = { key, hash, signature };
      if (result !== 'valid') continue;
      total += digest.logFiles.length;
      for (const log of digest.logFiles) {
        const logFile = await reader.get(log.s3Bucket, log.s3Object);
        let logResult = 'INVALID: not found';
        const first = listedIn.get(`${log.s3Bucket}/${log.s3Object}`);
        listedIn.set(`${log.s3Bucket}/${log.s3Object}`, first ?? key);
        if (first) {
          logResult = `INVALID: also listed in ${first}`;
        } else if (logFile) {
          const logHash = await gunzip(logFile.body).then(sha256Hex, () => '');
          logResult = logHash === log.hashValue ? 'valid' : "INVALID: hash value doesn't match";
        }
        report({
          file: 'Log file',
          bucket: log.s3Bucket,
          key: log.s3Object,
          valid: logResult === 'valid',
          result: logResult,
        });
      }
    }
  }
  return verdicts;
}
