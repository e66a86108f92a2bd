// S3 requests to operations. Path-style only, under the endpoint path: the JS SDK with
// `forcePathStyle: true` and the AWS CLI with `--endpoint-url http://host/aws` both send
// `PUT /aws/<bucket>`, `GET /aws/`, `HEAD /aws/<bucket>`, `PUT|GET /aws/<bucket>?policy`.
import { ServiceError } from '../../errors';
import type { DecodedCall } from '../../protocol/codec';
import { pathBelowEndpoint, restXmlCodec } from '../../protocol/rest-xml';

/** S3 error for what the emulator leaves out (objects, other subresources). */
function notImplemented(): ServiceError {
  return new ServiceError(
    'NotImplemented',
    'A header you provided implies functionality that is not implemented.',
    501,
  );
}

const SUBRESOURCES = ['policy', 'location'] as const;
// Query parameters that do not select an operation: the JS SDK's `x-id` and presigning parameters.
const IGNORED = (name: string) => name === 'x-id' || name.startsWith('X-Amz-') || name.startsWith('x-amz-');
const LIST_BUCKETS_PARAMS: Record<string, string> = {
  'max-buckets': 'MaxBuckets',
  'continuation-token': 'ContinuationToken',
  prefix: 'Prefix',
  'bucket-region': 'BucketRegion',
};

export async function routeS3Request(request: Request, url: URL): Promise<DecodedCall> {
  const [rawBucket = '', ...key] = pathBelowEndpoint(url.pathname).replace(/^\//, '').split('/');
  const bucket = decodeURIComponent(rawBucket);
  const method = request.method;
  const params = [...url.searchParams.keys()].filter((name) => !IGNORED(name));
  if (bucket === '') {
    if (method !== 'GET') {
      throw new ServiceError(
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        405,
      );
    }
    const input: Record<string, unknown> = {};
    for (const [param, member] of Object.entries(LIST_BUCKETS_PARAMS)) {
      const value = url.searchParams.get(param);
      if (value !== null) input[member] = value;
    }
    return { operation: 'ListBuckets', input };
  }
  if (key.some((part) => part !== '')) throw notImplemented();
  const subresources = params.filter((p) => (SUBRESOURCES as readonly string[]).includes(p));
  if (params.length !== subresources.length || subresources.length > 1) throw notImplemented();
  const sub = subresources[0];
  const body = method === 'PUT' ? await request.text() : undefined;
  const operation =
    sub === 'policy'
      ? { PUT: 'PutBucketPolicy', GET: 'GetBucketPolicy' }[method]
      : sub === 'location'
        ? { GET: 'GetBucketLocation' }[method]
        : { PUT: 'CreateBucket', HEAD: 'HeadBucket' }[method];
  if (!operation) throw notImplemented();
  return { operation, input: body === undefined ? { Bucket: bucket } : { Bucket: bucket, Body: body } };
}

export const s3Codec = restXmlCodec(routeS3Request, notImplemented);
