// @vitest-environment node
// S3 requests as botocore and the AWS CLI send them (path-style under --endpoint-url …/aws), checked on
// the wire: status, headers and the XML error body.
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '@/test/records';
import { createEmulator } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

const auth = (region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261120/${region}/s3/aws4_request, SignedHeaders=host, Signature=x`;

function s3(
  method: string,
  path: string,
  { region = 'us-east-1', body }: { region?: string; body?: string } = {},
) {
  return new Request(`http://127.0.0.1:4000/aws${path}`, {
    method,
    headers: { authorization: auth(region), 'user-agent': 'aws-cli/2.17.28 md/command#s3api' },
    body,
  });
}

describe('S3 on the wire', () => {
  const state = createAccountState(TEST_ACCOUNT);
  const handle = createEmulator({ store: new MemoryEventStore(), state });

  it('creates a bucket from a CreateBucketConfiguration body and says where in Location', async () => {
    const body =
      '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>';
    const response = await handle(s3('PUT', '/cli-bucket', { region: 'eu-west-1', body }));
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBe('http://cli-bucket.s3.amazonaws.com/');
    expect(response.headers.get('x-amz-request-id')).toMatch(/^[0-9A-F]{16}$/);
    expect(state.buckets.get('cli-bucket')?.region).toBe('eu-west-1');
  });

  it('answers a Regional endpoint without a LocationConstraint as S3 does', async () => {
    const response = await handle(s3('PUT', '/no-constraint', { region: 'eu-west-1' }));
    expect(response.status).toBe(400);
    const xml = await response.text();
    expect(xml).toContain('<Code>IllegalLocationConstraintException</Code>');
    expect(xml).toContain(
      'The unspecified location constraint is incompatible for the region specific endpoint',
    );
  });

  it('lists buckets at the endpoint path with or without a trailing slash', async () => {
    for (const path of ['', '/']) {
      const response = await handle(s3('GET', path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/xml');
      expect(await response.text()).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListAllMyBucketsResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/">/,
      );
    }
  });

  it('writes errors as <Error> with the bucket name escaped, and HEAD errors without a body', async () => {
    const response = await handle(s3('GET', '/a%26b?policy'));
    expect(response.status).toBe(404);
    const xml = await response.text();
    expect(xml).toMatch(
      /<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>a&amp;b<\/BucketName><RequestId>[0-9A-F]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/,
    );
    const head = await handle(s3('HEAD', '/missing'));
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
  });

  it('answers NotImplemented for subresources it does not emulate', async () => {
    expect((await handle(s3('GET', '/cli-bucket/some/key?tagging'))).status).toBe(501);
    expect((await handle(s3('GET', '/cli-bucket?versioning'))).status).toBe(501);
  });

  it('routes an unsigned request without a target or action to S3', async () => {
    const response = await handle(new Request('http://127.0.0.1:4000/aws/', { method: 'GET' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Name>cli-bucket</Name>');
  });
});
