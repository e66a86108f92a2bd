// An independent check of a Lake query's saved results, written from the AWS documentation alone
// (cloudtrail-query-results-validation.html: sign file structure, custom implementations) with node:crypto
// and node:zlib, sharing no code with the emulator: each result file's SHA-256 (of its compressed bytes)
// against the sign file's fileHashValue, and the sign file's hashSignature over the hash values joined by
// spaces, with the key ListPublicKeys gives around queryCompleteTime for its publicKeyFingerprint. What
// `aws cloudtrail verify-query-results` (AWS CLI v2 only) checks; the problems use its wording.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ListPublicKeysCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parseCsv } from './csv';

export interface SignFile {
  version: string;
  region: string;
  files: Array<{ fileHashValue: string; fileName: string }>;
  hashAlgorithm: string;
  signatureAlgorithm: string;
  queryCompleteTime: string;
  hashSignature: string;
  publicKeyFingerprint: string;
}

export interface QueryResultsCheck {
  sign: SignFile;
  /** Empty when the sign file and every result file are valid. */
  problems: string[];
  /** The CSV of the result files, parsed: the header line, then the rows. */
  csv: string[][];
  /** The first result file's compressed bytes. */
  firstFile: Uint8Array;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function objectBytes(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return got.Body!.transformToByteArray();
}

/** Checks the files in `folder` (the query's `…/CloudTrail-Lake/Query/<date>/<query ID>`) of the bucket. */
export async function verifyQueryResults(options: {
  s3: S3Client;
  cloudtrail: CloudTrailClient;
  bucket: string;
  folder: string;
}): Promise<QueryResultsCheck> {
  const { s3, bucket, folder } = options;
  const signText = Buffer.from(await objectBytes(s3, bucket, `${folder}/result_sign.json`)).toString('utf8');
  const sign = JSON.parse(signText) as SignFile;
  const problems: string[] = [];
  const csv: string[][] = [];
  let firstFile: Uint8Array = new Uint8Array();
  for (const [i, file] of sign.files.entries()) {
    const bytes = await objectBytes(s3, bucket, `${folder}/${file.fileName}`);
    if (i === 0) firstFile = bytes;
    const computed = sha256(bytes);
    if (computed !== file.fileHashValue) {
      problems.push(
        `File ${file.fileName} has inconsistent hash value with hash value recorded in sign file, hash value in sign file is ${file.fileHashValue}, but get ${computed}`,
      );
    }
    const rows = parseCsv(gunzipSync(bytes).toString('utf8'));
    csv.push(...(i === 0 ? rows : rows.slice(1)));
  }
  const completed = Date.parse(sign.queryCompleteTime);
  const { PublicKeyList = [] } = await options.cloudtrail.send(
    new ListPublicKeysCommand({
      StartTime: new Date(completed - 3_600_000),
      EndTime: new Date(completed + 3_600_000),
    }),
  );
  const der = PublicKeyList.find((k) => k.Fingerprint === sign.publicKeyFingerprint)?.Value;
  if (!der) problems.push(`No public key with fingerprint ${sign.publicKeyFingerprint}`);
  else {
    const key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'pkcs1' });
    const signed = Buffer.from(sign.files.map((f) => f.fileHashValue).join(' '), 'utf8');
    if (!verify('sha256', signed, key, Buffer.from(sign.hashSignature, 'hex'))) {
      problems.push('Invalid signature in sign file');
    }
  }
  return { sign, problems, csv, firstFile };
}
