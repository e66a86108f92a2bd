// Lake query results saved to Amazon S3 (StartQuery's DeliveryS3Uri). Sources, all under
// https://docs.aws.amazon.com/awscloudtrail/latest/:
// - APIReference/API_StartQuery.html: DeliveryS3Uri is at most 1024 characters and matches
//   `s3://[a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9](/.*)?`; API_DescribeQuery.html: DeliveryS3Uri and DeliveryStatus.
// - userguide/view-download-cloudtrail-lake-query-results.html: one or more `result_<n>.csv.gz` files (at most
//   1 TB each) and the sign file `result_sign.json`, gzip-compressed CSV.
// - userguide/cloudtrail-query-results-validation.html: the sign file's location
//   `[prefix/]AWSLogs/<account>/CloudTrail-Lake/Query/<yyyy>/<mm>/<dd>/<query ID>/`, its members in the order of
//   the documented sample, `fileHashValue` the hex SHA-256 of the *compressed* file, and the data signing
//   string: the files' hash values joined by single spaces, signed SHA256withRSA, hex-encoded.
// - userguide/query-results.html: CloudTrail delivers after the query scan completes, and does not deliver
//   the partial results of a query that timed out.
import { datePath, DIGEST_SIGNATURE_ALGORITHM } from './delivery-files';
import { neutraliseCell, quoteCsvField } from './event-export';
import { isoSeconds } from './iso-time';
import { s3BucketNameError, s3PrefixCharactersError } from './s3-bucket-name';

/** DescribeQuery's DeliveryStatus (the SDK model's enum). */
export type QueryDeliveryStatus =
  | 'SUCCESS'
  | 'FAILED'
  | 'FAILED_SIGNING_FILE'
  | 'PENDING'
  | 'RESOURCE_NOT_FOUND'
  | 'ACCESS_DENIED'
  | 'ACCESS_DENIED_SIGNING_FILE'
  | 'CANCELLED'
  | 'UNKNOWN';

/**
 * Which DeliveryStatus a query gets when it ends without results to deliver. The model names the values but
 * does not say when each is given: CANCELLED for a cancelled query and FAILED otherwise are UNCONFIRMED.
 */
export function undeliveredStatus(queryStatus: 'FAILED' | 'CANCELLED' | 'TIMED_OUT'): QueryDeliveryStatus {
  return queryStatus === 'CANCELLED' ? 'CANCELLED' : 'FAILED';
}

/**
 * The DeliveryStatus for the S3 error that stopped a delivery: the bucket is gone (NoSuchBucket) or its
 * policy no longer lets CloudTrail write (AccessDenied); `signFile` when the result files were written and
 * the sign file was not. The mapping of S3 errors to these values is UNCONFIRMED (the model gives names only).
 */
export function failedDeliveryStatus(s3Error: string, signFile: boolean): QueryDeliveryStatus {
  if (s3Error === 'NoSuchBucket') return 'RESOURCE_NOT_FOUND';
  if (s3Error === 'AccessDenied') return signFile ? 'ACCESS_DENIED_SIGNING_FILE' : 'ACCESS_DENIED';
  return signFile ? 'FAILED_SIGNING_FILE' : 'FAILED';
}

export const DELIVERY_S3_URI_MAX = 1024;
const DELIVERY_S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/s;

export interface DeliveryLocation {
  bucket: string;
  /** The key prefix, without leading or trailing slashes; undefined for the bucket's root. */
  prefix?: string;
}

export type DeliveryUriProblem = {
  code: 'InvalidParameterException' | 'InvalidS3BucketNameException' | 'InvalidS3PrefixException';
  message: string;
};

/** The bucket and prefix of a DeliveryS3Uri, or why StartQuery refuses it. */
export function parseDeliveryS3Uri(uri: string): DeliveryLocation | DeliveryUriProblem {
  const parts = DELIVERY_S3_URI.exec(uri);
  if (!parts || uri.length > DELIVERY_S3_URI_MAX) {
    return {
      code: 'InvalidParameterException',
      message: `DeliveryS3Uri must be an S3 URI of at most ${DELIVERY_S3_URI_MAX} characters, such as s3://amzn-s3-demo-bucket/prefix.`,
    };
  }
  const bucket = parts[1]!;
  const bucketProblem = s3BucketNameError(bucket);
  if (bucketProblem) return { code: 'InvalidS3BucketNameException', message: bucketProblem };
  const prefix = (parts[2] ?? '').replace(/^\/+|\/+$/g, '');
  const prefixProblem = s3PrefixCharactersError(prefix);
  if (prefixProblem) return { code: 'InvalidS3PrefixException', message: prefixProblem };
  return prefix ? { bucket, prefix } : { bucket };
}

/** `[prefix/]AWSLogs/<account>/CloudTrail-Lake/Query/<yyyy>/<mm>/<dd>/<queryId>`: where a query's files go. */
export function queryResultsFolder(options: {
  prefix?: string;
  accountId: string;
  /** The delivery time (the sign file's queryCompleteTime), epoch ms. */
  time: number;
  queryId: string;
}): string {
  const folder = `AWSLogs/${options.accountId}/CloudTrail-Lake/Query/${datePath(options.time)}/${options.queryId}`;
  return options.prefix ? `${options.prefix}/${folder}` : folder;
}

export const QUERY_SIGN_FILE_NAME = 'result_sign.json';

/** `result_1.csv.gz`, `result_2.csv.gz`, …: the n-th query result file (1-based). */
export function queryResultFileName(n: number): string {
  return `result_${n}.csv.gz`;
}

/**
 * Query results as CSV: a header line of the column names, then one line per row; a NULL is an empty
 * field. Event data is untrusted: every cell is neutralised against spreadsheet formulas and quoted as
 * RFC 4180 asks, the same rule as Event history's download.
 */
export function queryResultsCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): string {
  const line = (cells: readonly (string | null)[]) =>
    cells.map((c) => quoteCsvField(neutraliseCell(c ?? ''))).join(',');
  return [line(columns), ...rows.map(line)].join('\r\n') + '\r\n';
}

export interface SignedFile {
  fileName: string;
  /** Hex SHA-256 of the compressed file. */
  fileHashValue: string;
}

/** The data signing string of a sign file: the files' hash values, in order, separated by a space. */
export function signFileStringToSign(files: readonly SignedFile[]): string {
  return files.map((f) => f.fileHashValue).join(' ');
}

/** The sign file's text: members in the order of the documented sample. */
export function signFileDocument(options: {
  region: string;
  files: readonly SignedFile[];
  /** When the results were delivered, epoch ms. */
  completeTime: number;
  /** Hex signature of signFileStringToSign(files). */
  signature: string;
  fingerprint: string;
}): string {
  return JSON.stringify({
    version: '1.0',
    region: options.region,
    files: options.files.map((f) => ({ fileHashValue: f.fileHashValue, fileName: f.fileName })),
    hashAlgorithm: 'SHA-256',
    signatureAlgorithm: DIGEST_SIGNATURE_ALGORITHM,
    queryCompleteTime: isoSeconds(options.completeTime),
    hashSignature: options.signature,
    publicKeyFingerprint: options.fingerprint,
  });
}
