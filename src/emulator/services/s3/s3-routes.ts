// S3 requests to operations. Path-style under the endpoint path, as the JS SDK with `forcePathStyle` and
// the AWS CLI with an endpoint URL on an IP address send them (`PUT /aws/<bucket>`, `GET /aws/<bucket>?policy`,
// `GET /aws/<bucket>/<key>`), and virtual-host style (`Host: <bucket>.localhost`, `<bucket>.s3.<…>`) with the
// key as the path below the endpoint. Operations the emulator leaves out answer 501 NotImplemented.
import { ServiceError } from '../../errors';
import type { DecodedCall } from '../../protocol/codec';
import { pathBelowEndpoint, restXmlCodec } from '../../protocol/rest-xml';
import { decodeAwsChunked } from './aws-chunked';

/** S3 error for what the emulator leaves out (other subresources, multipart uploads). */
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
const LIST_OBJECTS_PARAMS: Record<string, string> = {
  'list-type': 'ListType',
  prefix: 'Prefix',
  delimiter: 'Delimiter',
  'max-keys': 'MaxKeys',
  'continuation-token': 'ContinuationToken',
  'start-after': 'StartAfter',
  'encoding-type': 'EncodingType',
  'fetch-owner': 'FetchOwner',
  marker: 'Marker',
};

/** The bucket a virtual-host-style Host names: `<bucket>.localhost` or `<bucket>.s3[.-]…`. */
export function bucketFromHost(host: string): string | undefined {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const match = /^(.+)\.localhost$/.exec(name) ?? /^(.+?)\.s3[.-]/.exec(name);
  return match?.[1];
}

function methodNotAllowed(): ServiceError {
  return new ServiceError(
    'MethodNotAllowed',
    'The specified method is not allowed against this resource.',
    405,
  );
}

function listBuckets(method: string, url: URL): DecodedCall {
  if (method !== 'GET') throw methodNotAllowed();
  const input: Record<string, unknown> = {};
  for (const [param, member] of Object.entries(LIST_BUCKETS_PARAMS)) {
    const value = url.searchParams.get(param);
    if (value !== null) input[member] = value;
  }
  return { operation: 'ListBuckets', input };
}

/** `x-amz-meta-*` headers as user metadata, in a map with no prototype (request input is untrusted). */
function userMetadata(headers: Headers): Record<string, string> {
  const metadata = Object.create(null) as Record<string, string>;
  headers.forEach((value, name) => {
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  });
  return metadata;
}

async function objectCall(
  request: Request,
  bucket: string,
  key: string,
  params: string[],
): Promise<DecodedCall> {
  if (params.length > 0) throw notImplemented(); // ?uploads, ?tagging, ?acl, …
  const input: Record<string, unknown> = { Bucket: bucket, Key: key };
  switch (request.method) {
    case 'GET':
      return { operation: 'GetObject', input };
    case 'HEAD':
      return { operation: 'HeadObject', input };
    case 'DELETE':
      return { operation: 'DeleteObject', input };
    case 'PUT': {
      if (request.headers.has('x-amz-copy-source')) throw notImplemented();
      const raw = new Uint8Array(await request.arrayBuffer());
      const chunked =
        (request.headers.get('content-encoding') ?? '').includes('aws-chunked') ||
        (request.headers.get('x-amz-content-sha256') ?? '').startsWith('STREAMING-');
      input.Body = chunked ? decodeAwsChunked(raw) : raw;
      input.ContentType = request.headers.get('content-type') ?? undefined;
      input.Metadata = userMetadata(request.headers);
      return { operation: 'PutObject', input };
    }
    default:
      throw methodNotAllowed();
  }
}

export async function routeS3Request(request: Request, url: URL): Promise<DecodedCall> {
  const path = pathBelowEndpoint(url.pathname).replace(/^\//, '');
  const hostBucket = bucketFromHost(request.headers.get('host') ?? url.host);
  let bucket: string;
  let key: string;
  if (hostBucket !== undefined) {
    bucket = hostBucket;
    key = path;
  } else {
    const slash = path.indexOf('/');
    bucket = slash < 0 ? path : path.slice(0, slash);
    key = slash < 0 ? '' : path.slice(slash + 1);
  }
  try {
    bucket = decodeURIComponent(bucket);
    key = decodeURIComponent(key);
  } catch {
    throw new ServiceError('InvalidURI', "Couldn't parse the specified URI.");
  }
  const method = request.method;
  const params = [...url.searchParams.keys()].filter((name) => !IGNORED(name));
  if (bucket === '') return listBuckets(method, url);
  if (key !== '') return objectCall(request, bucket, key, params);
  if (method === 'GET' && params.every((p) => Object.hasOwn(LIST_OBJECTS_PARAMS, p))) {
    const input: Record<string, unknown> = { Bucket: bucket };
    for (const [param, member] of Object.entries(LIST_OBJECTS_PARAMS)) {
      const value = url.searchParams.get(param);
      if (value !== null) input[member] = value;
    }
    return { operation: input.ListType === '2' ? 'ListObjectsV2' : 'ListObjects', input };
  }
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
