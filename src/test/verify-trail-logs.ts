// An independent check of a trail's delivered files, written from the AWS documentation alone
// (cloudtrail-log-file-custom-validation.html, cloudtrail-log-file-validation-digest-file-structure.html)
// with node:crypto and node:zlib, sharing no code with the emulator: each digest's signature over its
// string to sign with the public key ListPublicKeys gives for its fingerprint, the chain of previous
// digest bucket/key/hash/signature, and the SHA-256 of every log file the digests name. Tests run it where
// the AWS CLI's `validate-logs` is not installed.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ListPublicKeysCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

export interface Verdict {
  file: 'digest' | 'log';
  key: string;
  valid: boolean;
  reason?: string;
}

interface Digest {
  digestStartTime: string;
  digestEndTime: string;
  digestS3Bucket: string;
  digestS3Object: string;
  digestPublicKeyFingerprint: string;
  digestSignatureAlgorithm: string;
  previousDigestS3Bucket: string | null;
  previousDigestS3Object: string | null;
  previousDigestHashValue: string | null;
  previousDigestHashAlgorithm: string | null;
  previousDigestSignature: string | null;
  logFiles: Array<{ s3Bucket: string; s3Object: string; hashValue: string; hashAlgorithm: string }>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fetchObject(s3: S3Client, bucket: string, key: string) {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { body: await got.Body!.transformToByteArray(), metadata: got.Metadata ?? {} };
}

export async function verifyTrailLogs(options: {
  s3: S3Client;
  cloudtrail: CloudTrailClient;
  bucket: string;
  prefix?: string;
  accountId: string;
  region: string;
  trailName: string;
  homeRegion: string;
}): Promise<Verdict[]> {
  const { s3, bucket } = options;
  const folder = `${options.prefix ? `${options.prefix}/` : ''}AWSLogs/${options.accountId}/CloudTrail-Digest/${options.region}/`;
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) keys.push(o.Key!);
    token = page.NextContinuationToken;
  } while (token);
  const mine = `_CloudTrail-Digest_${options.region}_${options.trailName}_${options.homeRegion}_`;
  // The name ends in the digest's end time, YYYYMMDDTHHmmssZ: in key order is in time order.
  const digestKeys = keys
    .filter((k) => k.includes(mine))
    .sort((a, b) => (a.slice(-24) < b.slice(-24) ? -1 : 1));
  const keyList = await options.cloudtrail.send(
    new ListPublicKeysCommand({ StartTime: new Date(0), EndTime: new Date() }),
  );
  const publicKeys = new Map(keyList.PublicKeyList?.map((k) => [k.Fingerprint!, k.Value!]) ?? []);

  const verdicts: Verdict[] = [];
  let previous: { key: string; hash: string; signature: string } | undefined;
  for (const key of digestKeys) {
    const { body, metadata } = await fetchObject(s3, bucket, key);
    const text = gunzipSync(body);
    const digest = JSON.parse(text.toString('utf8')) as Digest;
    const signature = metadata.signature ?? '';
    const problems: string[] = [];
    if (digest.digestS3Bucket !== bucket || digest.digestS3Object !== key) problems.push('moved');
    if (metadata['signature-algorithm'] !== 'SHA256withRSA') problems.push('signature algorithm');
    const der = publicKeys.get(digest.digestPublicKeyFingerprint);
    if (!der) problems.push('public key not found');
    else {
      const toSign = [
        digest.digestEndTime,
        `${digest.digestS3Bucket}/${digest.digestS3Object}`,
        sha256(text),
        digest.previousDigestSignature ?? 'null',
      ].join('\n');
      const publicKey = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'pkcs1' });
      if (!verify('sha256', Buffer.from(toSign), publicKey, Buffer.from(signature, 'hex')))
        problems.push('signature');
    }
    const expected = previous
      ? [bucket, previous.key, previous.hash, 'SHA-256', previous.signature]
      : [null, null, null, null, null];
    const actual = [
      digest.previousDigestS3Bucket,
      digest.previousDigestS3Object,
      digest.previousDigestHashValue,
      digest.previousDigestHashAlgorithm,
      digest.previousDigestSignature,
    ];
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push('chain');
    verdicts.push({
      file: 'digest',
      key,
      valid: problems.length === 0,
      reason: problems.join(', ') || undefined,
    });
    for (const log of digest.logFiles) {
      const file = await fetchObject(s3, log.s3Bucket, log.s3Object);
      const valid = log.hashAlgorithm === 'SHA-256' && sha256(gunzipSync(file.body)) === log.hashValue;
      verdicts.push({ file: 'log', key: log.s3Object, valid, reason: valid ? undefined : 'hash' });
    }
    previous = { key, hash: sha256(text), signature };
  }
  return verdicts;
}
