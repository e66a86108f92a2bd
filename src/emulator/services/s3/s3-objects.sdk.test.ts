// S3 objects through the SDK (path-style) and on the wire (virtual-host style, aws-chunked uploads).
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { s3Client, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { MemoryObjectStore } from '../../objects/object-store';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
let events: MemoryEventStore;
beforeEach(async () => {
  events = new MemoryEventStore();
  handle = createEmulator({
    store: events,
    state: createAccountState(TEST_ACCOUNT),
    objects: new MemoryObjectStore(),
    clock: () => T0,
  });
  await s3Client().send(new CreateBucketCommand({ Bucket: 'logs' }));
});
useEmulatorServer(() => handle);

const put = (Key: string, Body = `body of ${Key}`) =>
  s3Client().send(new PutObjectCommand({ Bucket: 'logs', Key, Body }));

describe('S3 objects', () => {
  it('puts an object with metadata, gets it back with its headers and heads it', async () => {
    const out = await s3Client().send(
      new PutObjectCommand({
        Bucket: 'logs',
        Key: 'a/b c.json',
        Body: '{"x":1}',
        ContentType: 'application/json',
        Metadata: { signature: 'abc', 'signature-algorithm': 'SHA256withRSA' },
      }),
    );
    expect(out.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3Client().send(new GetObjectCommand({ Bucket: 'logs', Key: 'a/b c.json' }));
    expect(await got.Body!.transformToString()).toBe('{"x":1}');
    expect(got.ContentType).toBe('application/json');
    expect(got.ContentLength).toBe(7);
    expect(got.LastModified).toEqual(new Date(T0));
    expect(got.Metadata).toEqual({ signature: 'abc', 'signature-algorithm': 'SHA256withRSA' });
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: 'logs', Key: 'a/b c.json' }));
    expect(head.ETag).toBe(out.ETag);
    expect(head.Metadata).toEqual(got.Metadata);
  });

  it('lists with a prefix and a delimiter, and pages with continuation tokens', async () => {
    for (const key of ['AWSLogs/1/a.gz', 'AWSLogs/1/b.gz', 'AWSLogs/2/c.gz', 'AWSLogs/top.gz', 'other.txt'])
      await put(key);
    const folders = await s3Client().send(
      new ListObjectsV2Command({ Bucket: 'logs', Prefix: 'AWSLogs/', Delimiter: '/' }),
    );
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['AWSLogs/1/', 'AWSLogs/2/']);
    expect(folders.Contents?.map((c) => c.Key)).toEqual(['AWSLogs/top.gz']);
    expect(folders.KeyCount).toBe(3);

    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3Client().send(
        new ListObjectsV2Command({ Bucket: 'logs', MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
      pages++;
      expect(page.IsTruncated).toBe(token !== undefined);
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toEqual([
      'AWSLogs/1/a.gz',
      'AWSLogs/1/b.gz',
      'AWSLogs/2/c.gz',
      'AWSLogs/top.gz',
      'other.txt',
    ]);

    const v1 = await s3Client().send(new ListObjectsCommand({ Bucket: 'logs', Marker: 'AWSLogs/2/c.gz' }));
    expect(v1.Contents?.map((c) => c.Key)).toEqual(['AWSLogs/top.gz', 'other.txt']);
  });

  it('deletes objects, answers NoSuchKey for missing ones and NoSuchBucket for missing buckets', async () => {
    await put('gone.txt');
    await s3Client().send(new DeleteObjectCommand({ Bucket: 'logs', Key: 'gone.txt' }));
    await expect(
      s3Client().send(new GetObjectCommand({ Bucket: 'logs', Key: 'gone.txt' })),
    ).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(s3Client().send(new ListObjectsV2Command({ Bucket: 'nope' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('does not record object calls as management events', async () => {
    const before = await events.count();
    await put('quiet.txt');
    await s3Client().send(new GetObjectCommand({ Bucket: 'logs', Key: 'quiet.txt' }));
    expect(await events.count()).toBe(before);
  });
});

describe('S3 objects on the wire', () => {
  const auth =
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261120/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=x';

  it('serves virtual-host-style requests: the bucket in the Host, the key in the path', async () => {
    await put('v/h.txt', 'hello');
    const response = await handle(
      new Request('http://logs.localhost:4000/aws/v/h.txt', {
        headers: { authorization: auth, host: 'logs.localhost:4000' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
  });

  it('stores the payload of an aws-chunked upload, not its framing', async () => {
    const body =
      '5;chunk-signature=aa\r\nhello\r\n0;chunk-signature=bb\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n';
    const response = await handle(
      new Request('http://127.0.0.1:4000/aws/logs/chunked.txt', {
        method: 'PUT',
        headers: {
          authorization: auth,
          'content-encoding': 'aws-chunked',
          'x-amz-decoded-content-length': '5',
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    const got = await s3Client().send(new GetObjectCommand({ Bucket: 'logs', Key: 'chunked.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello');
  });

  it('answers 501 NotImplemented for operations it does not emulate', async () => {
    const response = await handle(
      new Request('http://127.0.0.1:4000/aws/logs/big.bin?uploads', {
        method: 'POST',
        headers: { authorization: auth },
      }),
    );
    expect(response.status).toBe(501);
    expect(await response.text()).toContain('<Code>NotImplemented</Code>');
  });
});
