// S3 objects, as far as users need them to see and fetch what a trail delivered: ListObjectsV2,
// ListObjects (the AWS CLI's validate-logs pages digests with its Marker), GetObject, HeadObject,
// PutObject and DeleteObject. Shapes: API_ListObjectsV2.html, API_ListObjects.html, API_GetObject.html;
// error codes and messages: ErrorResponses.html.
import type { Operation } from '../../context';
import { ServiceError } from '../../errors';
import { entityTag, type ObjectInfo, type ObjectStore } from '../../objects/object-store';
import { S3_NAMESPACE, type RestXmlResult } from '../../protocol/rest-xml';
import { escapeXml, XML_DECLARATION } from '../../protocol/xml';
import type { AccountState } from '../../state';

const MAX_KEYS = 1000;

function noSuchBucket(bucket: string): ServiceError {
  return new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

function noSuchKey(key: string): ServiceError {
  return new ServiceError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** S3 writes Last-Modified as an RFC 1123 date. */
const httpDate = (ms: number) => new Date(ms).toUTCString();
const isoDate = (ms: number) => new Date(ms).toISOString();

function objectHeaders(info: ObjectInfo): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': info.contentType,
    'content-length': String(info.size),
    etag: info.etag,
    'last-modified': httpDate(info.lastModified),
    'accept-ranges': 'bytes',
  };
  for (const [name, value] of Object.entries(info.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

interface Listing {
  contents: ObjectInfo[];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or common prefix of the page: where the next page starts after. */
  last?: string;
}

/** One page of keys, with keys sharing a part up to the delimiter rolled up into common prefixes. */
async function listPage(
  objects: ObjectStore,
  bucket: string,
  prefix: string,
  delimiter: string,
  after: string,
  maxKeys: number,
): Promise<Listing> {
  const all = await objects.list(bucket, prefix, after);
  const contents: ObjectInfo[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  let truncated = false;
  for (const info of all) {
    const cut = delimiter ? info.key.indexOf(delimiter, prefix.length) : -1;
    const common = cut >= 0 ? info.key.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && common === commonPrefixes.at(-1)) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== undefined) {
      commonPrefixes.push(common);
      last = common;
    } else {
      contents.push(info);
      last = info.key;
    }
  }
  return { contents, commonPrefixes, truncated, last };
}

function maxKeysOf(input: Record<string, unknown>): number {
  if (input.MaxKeys === undefined) return MAX_KEYS;
  const max = Number(input.MaxKeys);
  if (!Number.isInteger(max) || max < 0) {
    throw new ServiceError('InvalidArgument', 'Provided max-keys not an integer or within integer range');
  }
  return Math.min(max, MAX_KEYS);
}

function listingXml(listing: Listing, encode: (s: string) => string): string {
  const contents = listing.contents
    .map(
      (o) =>
        `<Contents><Key>${escapeXml(encode(o.key))}</Key><LastModified>${isoDate(o.lastModified)}</LastModified>` +
        `<ETag>${escapeXml(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('');
  const prefixes = listing.commonPrefixes
    .map((p) => `<CommonPrefixes><Prefix>${escapeXml(encode(p))}</Prefix></CommonPrefixes>`)
    .join('');
  return contents + prefixes;
}

/** Continuation tokens are opaque to clients: the key to continue after, base64url. */
const encodeToken = (key: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(key)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

function decodeToken(token: string): string {
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new ServiceError('InvalidArgument', 'The continuation token provided is incorrect');
  }
}

export function s3ObjectOperations(state: AccountState, objects: ObjectStore): Record<string, Operation> {
  const bucketOf = (input: Record<string, unknown>) => {
    const name = text(input.Bucket);
    if (!state.buckets.has(name)) throw noSuchBucket(name);
    return name;
  };
  const encoder = (input: Record<string, unknown>) =>
    input.EncodingType === 'url'
      ? (s: string) => encodeURIComponent(s).replace(/%2F/g, '/')
      : (s: string) => s;
  const optional = (name: string, value: string, encode: (s: string) => string) =>
    value ? `<${name}>${escapeXml(encode(value))}</${name}>` : '';

  return {
    ListObjectsV2: async (input): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      const prefix = text(input.Prefix);
      const delimiter = text(input.Delimiter);
      const token = text(input.ContinuationToken);
      const startAfter = text(input.StartAfter);
      const after = token ? decodeToken(token) : startAfter;
      const maxKeys = maxKeysOf(input);
      const encode = encoder(input);
      const page = await listPage(objects, bucket, prefix, delimiter, after, maxKeys);
      const next =
        page.truncated && page.last !== undefined
          ? `<NextContinuationToken>${encodeToken(page.last)}</NextContinuationToken>`
          : '';
      return {
        body:
          `${XML_DECLARATION}\n<ListBucketResult xmlns="${S3_NAMESPACE}"><Name>${escapeXml(bucket)}</Name>` +
          `<Prefix>${escapeXml(encode(prefix))}</Prefix>${optional('Delimiter', delimiter, encode)}` +
          `<MaxKeys>${maxKeys}</MaxKeys>${input.EncodingType === 'url' ? '<EncodingType>url</EncodingType>' : ''}` +
          `<KeyCount>${page.contents.length + page.commonPrefixes.length}</KeyCount>` +
          `<IsTruncated>${page.truncated}</IsTruncated>${optional('ContinuationToken', token, (s) => s)}${next}` +
          `${optional('StartAfter', startAfter, encode)}${listingXml(page, encode)}</ListBucketResult>`,
      };
    },
    ListObjects: async (input): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      const prefix = text(input.Prefix);
      const delimiter = text(input.Delimiter);
      const marker = text(input.Marker);
      const maxKeys = maxKeysOf(input);
      const encode = encoder(input);
      const page = await listPage(objects, bucket, prefix, delimiter, marker, maxKeys);
      // "This element is returned only if you have the delimiter request parameter specified."
      const nextMarker =
        page.truncated && delimiter && page.last !== undefined
          ? `<NextMarker>${escapeXml(encode(page.last))}</NextMarker>`
          : '';
      return {
        body:
          `${XML_DECLARATION}\n<ListBucketResult xmlns="${S3_NAMESPACE}"><Name>${escapeXml(bucket)}</Name>` +
          `<Prefix>${escapeXml(encode(prefix))}</Prefix><Marker>${escapeXml(encode(marker))}</Marker>` +
          `${nextMarker}<MaxKeys>${maxKeys}</MaxKeys>${optional('Delimiter', delimiter, encode)}` +
          `${input.EncodingType === 'url' ? '<EncodingType>url</EncodingType>' : ''}` +
          `<IsTruncated>${page.truncated}</IsTruncated>${listingXml(page, encode)}</ListBucketResult>`,
      };
    },
    GetObject: async (input): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      const object = await objects.get(bucket, text(input.Key));
      if (!object) throw noSuchKey(text(input.Key));
      return { headers: objectHeaders(object), body: object.body };
    },
    HeadObject: async (input): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      const info = await objects.head(bucket, text(input.Key));
      if (!info) throw noSuchKey(text(input.Key));
      return { headers: objectHeaders(info) };
    },
    PutObject: async (input, context): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      const key = text(input.Key);
      if (key.length === 0 || new TextEncoder().encode(key).length > 1024) {
        throw new ServiceError('KeyTooLongError', 'Your key is too long');
      }
      const body = input.Body instanceof Uint8Array ? input.Body : new Uint8Array();
      const etag = await entityTag(body);
      await objects.put({
        bucket,
        key,
        body,
        size: body.length,
        etag,
        lastModified: context.now,
        contentType: text(input.ContentType) || 'binary/octet-stream',
        metadata: (input.Metadata as Record<string, string> | undefined) ?? {},
      });
      return { headers: { etag } };
    },
    DeleteObject: async (input): Promise<RestXmlResult> => {
      const bucket = bucketOf(input);
      await objects.delete(bucket, text(input.Key));
      return { status: 204 };
    },
  };
}

/** The object operations: served, but not recorded as management events (S3 object calls are data events). */
export const S3_OBJECT_OPERATIONS: ReadonlySet<string> = new Set([
  'ListObjectsV2',
  'ListObjects',
  'GetObject',
  'HeadObject',
  'PutObject',
  'DeleteObject',
]);
