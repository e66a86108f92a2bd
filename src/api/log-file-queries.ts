// What a trail delivered to S3 (ListObjectsV2 and GetObject) and the digest signing keys (ListPublicKeys):
// the trail details page's Log files view, its downloads and Validate log files.
import { ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';
import { s3Client } from './service-clients';

export interface DeliveredFile {
  key: string;
  size: number;
  lastModified?: string;
}

/** Enough for days of five-minute files per Region; the view says when there were more. */
const MAX_KEYS = 10_000;

/** Every key under the prefix (all pages, up to MAX_KEYS), in key order. */
export async function listObjects(
  region: string,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
): Promise<DeliveredFile[]> {
  const files: DeliveredFile[] = [];
  let token: string | undefined;
  do {
    const page = await call(() =>
      s3Client(region).send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        { abortSignal: signal },
      ),
    );
    for (const o of page.Contents ?? []) {
      if (o.Key) files.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified?.toISOString() });
    }
    token = page.NextContinuationToken;
  } while (token && files.length < MAX_KEYS);
  return files;
}

export async function getObject(region: string, bucket: string, key: string) {
  const got = await call(() => s3Client(region).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  return { body: await got.Body!.transformToByteArray(), metadata: got.Metadata ?? {} };
}

/** A digest's signature from its S3 metadata; undefined when the object or its bucket cannot be read. */
export async function objectSignature(region: string, bucket: string, key: string) {
  try {
    const head = await call(() => s3Client(region).send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    return head.Metadata?.signature;
  } catch {
    return undefined;
  }
}

/** Fingerprint → PKCS #1 DER of the Region's digest signing keys valid in the range. */
export async function publicKeys(region: string, start: Date, end: Date): Promise<Map<string, Uint8Array>> {
  const out = await call(() =>
    cloudTrailClient(region).send(new ListPublicKeysCommand({ StartTime: start, EndTime: end })),
  );
  return new Map(
    (out.PublicKeyList ?? []).flatMap((k) => (k.Fingerprint && k.Value ? [[k.Fingerprint, k.Value]] : [])),
  );
}

export const logFileQueries = {
  all: () => ['log-files'] as const,
  list: (region: string, bucket: string, prefix: string) =>
    queryOptions({
      queryKey: [...logFileQueries.all(), { region, bucket, prefix }] as const,
      queryFn: ({ signal }) => listObjects(region, bucket, prefix, signal),
    }),
};
