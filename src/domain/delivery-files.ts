// Where CloudTrail puts what a trail delivers, and what a digest file says. Sources:
// - log files: get-and-view-cloudtrail-log-files.html ("CloudTrail log file name format"):
//   `AccountID_CloudTrail_RegionName_YYYYMMDDTHHmmZ_UniqueString.FileNameFormat`, under
//   `[prefix/]AWSLogs/AccountID/CloudTrail/RegionName/YYYY/MM/DD/`; Insights events under `CloudTrail-Insight`.
// - digest files: cloudtrail-log-file-validation-digest-file-structure.html: under
//   `[prefix/]AWSLogs/AccountID/CloudTrail-Digest/Region/YYYY/MM/DD/` (the digest's end date), named
//   `AccountID_CloudTrail-Digest_Region_TrailName_HomeRegion_YYYYMMDDTHHmmssZ.json.gz`; the members in
//   the order of the documentation's sample; the first digest of a chain has null previous-digest members.
// - signing: cloudtrail-log-file-custom-validation.html: the string to sign is the digest end time, the
//   digest's `bucket/key`, the hex SHA-256 of the uncompressed digest and the previous signature ("null"
//   for the first), joined by newlines; SHA256withRSA; the hex signature is the object's
//   `x-amz-meta-signature`, the algorithm its `x-amz-meta-signature-algorithm`.

import { md5Hex } from './md5';
import { isoSeconds } from './iso-time';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2015-08-17T14:01:31Z`: the UTC extended format the digest members use. */
export function digestTime(ms: number): string {
  return isoSeconds(ms);
}

/** `yyyy/MM/dd` (UTC): the date folders of CloudTrail's log and digest file keys. */
export function datePath(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

function compactTime(ms: number, seconds: boolean): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${seconds ? pad(d.getUTCSeconds()) : ''}`;
  return `${date}T${time}Z`;
}

const withPrefix = (prefix: string | undefined, key: string) => (prefix ? `${prefix}/${key}` : key);

export type LogFileKind = 'CloudTrail' | 'CloudTrail-Insight';

export interface LogFileName {
  prefix?: string;
  accountId: string;
  region: string;
  kind: LogFileKind;
  /** Delivery time, epoch ms. */
  time: number;
  /** 16 characters that make the name unique. */
  unique: string;
}

export function logFileKey(f: LogFileName): string {
  const name = `${f.accountId}_${f.kind}_${f.region}_${compactTime(f.time, false)}_${f.unique}.json.gz`;
  return withPrefix(f.prefix, `AWSLogs/${f.accountId}/${f.kind}/${f.region}/${datePath(f.time)}/${name}`);
}

/** The Region and kind of a log file key in CloudTrail's layout; undefined for any other key. */
export function parseLogFileKey(key: string): { region: string; kind: LogFileKind } | undefined {
  const match =
    /(?:^|\/)AWSLogs\/\d{12}\/(CloudTrail|CloudTrail-Insight)\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/.exec(
      key,
    );
  return match ? { kind: match[1] as LogFileKind, region: match[2]! } : undefined;
}

export interface DigestFileName {
  prefix?: string;
  accountId: string;
  region: string;
  trailName: string;
  homeRegion: string;
  /** The digest's end time, epoch ms. */
  end: number;
}

export function digestFileKey(f: DigestFileName): string {
  const name = `${f.accountId}_CloudTrail-Digest_${f.region}_${f.trailName}_${f.homeRegion}_${compactTime(f.end, true)}.json.gz`;
  return withPrefix(
    f.prefix,
    `AWSLogs/${f.accountId}/CloudTrail-Digest/${f.region}/${datePath(f.end)}/${name}`,
  );
}

/** One log file in a digest. */
export interface DigestLogFile {
  s3Bucket: string;
  s3Object: string;
  hashValue: string;
  hashAlgorithm: 'SHA-256';
  newestEventTime: string;
  oldestEventTime: string;
}

export interface PreviousDigest {
  bucket: string;
  key: string;
  /** Hex SHA-256 of the previous digest's uncompressed text. */
  hash: string;
  signature: string;
}

export interface DigestInput {
  accountId: string;
  start: number;
  end: number;
  bucket: string;
  key: string;
  fingerprint: string;
  previous?: PreviousDigest;
  logFiles: DigestLogFile[];
}

export const DIGEST_SIGNATURE_ALGORITHM = 'SHA256withRSA';

/** The digest document's text: members in the order of the documented sample. */
export function digestDocument(d: DigestInput): string {
  const times = d.logFiles.flatMap((f) => [f.newestEventTime, f.oldestEventTime]).sort();
  return JSON.stringify({
    awsAccountId: d.accountId,
    digestStartTime: digestTime(d.start),
    digestEndTime: digestTime(d.end),
    digestS3Bucket: d.bucket,
    digestS3Object: d.key,
    digestPublicKeyFingerprint: d.fingerprint,
    digestSignatureAlgorithm: DIGEST_SIGNATURE_ALGORITHM,
    newestEventTime: times.at(-1) ?? null,
    oldestEventTime: times[0] ?? null,
    previousDigestS3Bucket: d.previous?.bucket ?? null,
    previousDigestS3Object: d.previous?.key ?? null,
    previousDigestHashValue: d.previous?.hash ?? null,
    previousDigestHashAlgorithm: d.previous ? 'SHA-256' : null,
    previousDigestSignature: d.previous?.signature ?? null,
    logFiles: d.logFiles,
  });
}

/** The data signing string of a digest (cloudtrail-log-file-custom-validation.html). */
export function digestStringToSign(options: {
  end: number;
  bucket: string;
  key: string;
  /** Hex SHA-256 of the uncompressed digest text. */
  digestHash: string;
  previousSignature?: string;
}): string {
  return [
    digestTime(options.end),
    `${options.bucket}/${options.key}`,
    options.digestHash,
    options.previousSignature ?? 'null',
  ].join('\n');
}

/** Digest files come every this many deliveries: hourly at CloudTrail's ~5 minute cadence. */
export const DELIVERIES_PER_DIGEST = 12;

/**
 * A digest signing key's fingerprint: the hex MD5 of its DER bytes (the `Fingerprint` ListPublicKeys
 * serves and the digest names in `digestPublicKeyFingerprint`). AWS does not document the rule; it holds
 * for the keys in its documentation, e.g. the AWS CLI's list-public-keys example.
 */
export function publicKeyFingerprint(der: Uint8Array): string {
  return md5Hex(der);
}

/**
 * How long a Region's signing key signs: 30 days, the validity window of the keys in the AWS CLI's
 * list-public-keys example (ValidityStartTime 1453076702, ValidityEndTime 1455668702). A new key pair
 * takes over when one expires; ListPublicKeys keeps serving the old public keys for their windows.
 */
export const SIGNING_KEY_VALIDITY_MS = 30 * 24 * 3_600_000;

/** A log file's text: the records' JSON texts, oldest first, as `{"Records":[…]}`. */
export function logFileText(recordJsons: readonly string[]): string {
  return `{"Records":[${recordJsons.join(',')}]}`;
}

/**
 * The SNS notification CloudTrail publishes for a delivered log file (configure-sns-notifications-for-
 * cloudtrail.html): `{"s3Bucket":"…","s3ObjectKey":["…"]}`.
 */
export function deliveryNotification(bucket: string, keys: readonly string[]): string {
  return JSON.stringify({ s3Bucket: bucket, s3ObjectKey: keys });
}

/** The CloudWatch Logs stream a trail delivers a Region's events to (send-cloudtrail-events-to-cloudwatch-logs.html). */
export function cloudWatchLogStreamName(accountId: string, region: string): string {
  return `${accountId}_CloudTrail_${region}`;
}
