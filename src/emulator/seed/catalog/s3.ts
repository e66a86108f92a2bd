// S3 bucket-level management APIs (object-level calls are data events and not generated here).
// Shapes from real records: Host and the sub-resource key in requestParameters, additionalEventData
// with SignatureVersion/CipherSuite/x-amz-id-2, a bucket in `resources`, 16-character request ids.
import type { JsonObject } from '@/domain/record';
import type { Prng } from '../prng';
import { ACCOUNT_ID, BUCKETS, type Bucket } from '../resources';
import { defineService, err, type ApiEntry } from './define';
import type { Builder, ErrorSpec, Payload } from './types';

const accessDenied = err('AccessDenied', 1, () => 'Access Denied');
const noSuchBucket = err('NoSuchBucket', 1, () => 'The specified bucket does not exist');

export function s3Extras(rng: Prng, bytesOut: number): JsonObject {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': `${rng.alnum(74)}=`,
    bytesTransferredOut: bytesOut,
  };
}

/** What every call on a bucket sub-resource shares: built once per bucket and sub-resource. */
const bucketParts = new Map<string, Payload>();

export function bucketPayload(rng: Prng, bucket: Bucket, subresource = ''): Payload {
  const key = `${bucket.name}?${subresource}`;
  let parts = bucketParts.get(key);
  if (!parts) {
    const host = `${bucket.name}.s3.${bucket.region}.amazonaws.com`;
    const requestParameters: JsonObject = subresource
      ? { bucketName: bucket.name, Host: host, [subresource]: '' }
      : { bucketName: bucket.name, Host: host };
    parts = {
      requestParameters,
      resources: [{ accountId: ACCOUNT_ID, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket.name}` }],
      host,
      region: bucket.region,
    };
    bucketParts.set(key, parts);
  }
  return { ...parts, additionalEventData: s3Extras(rng, subresource ? rng.between(120, 900) : 0) };
}

const bucket =
  (subresource?: string): Builder =>
  (c) =>
    bucketPayload(c.rng, c.rng.pick(BUCKETS), subresource);

/** A sub-resource read whose "not configured" answer is an error: most buckets have no website or CORS. */
function read(
  name: string,
  subresource: string,
  weight: number,
  missing?: [string, string, number],
): ApiEntry {
  const errors: ErrorSpec[] = [accessDenied, noSuchBucket];
  if (!missing) return [name, weight, { build: bucket(subresource), errors, errorRate: 0.005 }];
  const [code, message, rate] = missing;
  return [
    name,
    weight,
    { build: bucket(subresource), errors: [err(code, 400, () => message), ...errors], errorRate: rate },
  ];
}

const listBuckets: Builder = (c) => ({
  requestParameters: { Host: 's3.amazonaws.com' },
  additionalEventData: s3Extras(c.rng, c.rng.between(3000, 6500)),
  host: 's3.amazonaws.com',
  region: 'us-east-1',
});

export const s3 = defineService(
  {
    key: 's3',
    source: 's3.amazonaws.com',
    eventVersion: '1.10',
    s3RequestIds: true,
    host: () => 's3.amazonaws.com',
    denied: accessDenied,
    errors: [accessDenied, noSuchBucket],
    errorRate: 0.01,
  },
  [
    ['ListBuckets', 20, listBuckets],
    read('GetBucketLocation', 'location', 25),
    read('GetBucketAcl', 'acl', 15),
    read('GetBucketPolicy', 'policy', 12, ['NoSuchBucketPolicy', 'The bucket policy does not exist', 0.35]),
    read('GetBucketPolicyStatus', 'policyStatus', 4),
    read('GetBucketVersioning', 'versioning', 10),
    read('GetBucketLogging', 'logging', 6),
    read('GetBucketNotification', 'notification', 3),
    read('GetBucketRequestPayment', 'requestPayment', 2),
    read('GetBucketEncryption', 'encryption', 8),
    read('GetBucketTagging', 'tagging', 8, ['NoSuchTagSet', 'The TagSet does not exist', 0.3]),
    read('GetBucketLifecycle', 'lifecycle', 5, [
      'NoSuchLifecycleConfiguration',
      'The lifecycle configuration does not exist',
      0.4,
    ]),
    read('GetBucketWebsite', 'website', 2, [
      'NoSuchWebsiteConfiguration',
      'The specified bucket does not have a website configuration',
      0.9,
    ]),
    read('GetBucketCors', 'cors', 2, [
      'NoSuchCORSConfiguration',
      'The CORS configuration does not exist',
      0.8,
    ]),
    read('GetBucketReplication', 'replication', 2, [
      'ReplicationConfigurationNotFoundError',
      'The replication configuration was not found',
      0.9,
    ]),
    read('GetBucketPublicAccessBlock', 'publicAccessBlock', 5, [
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      0.2,
    ]),
    read('GetBucketOwnershipControls', 'ownershipControls', 3, [
      'OwnershipControlsNotFoundError',
      'The bucket ownership controls were not found',
      0.1,
    ]),
    read('GetBucketObjectLockConfiguration', 'object-lock', 1.5, [
      'ObjectLockConfigurationNotFoundError',
      'Object Lock configuration does not exist for this bucket',
      0.95,
    ]),
    [
      'CreateBucket',
      0.05,
      {
        build: bucket(),
        errors: [
          err(
            'BucketAlreadyOwnedByYou',
            1,
            () => 'Your previous request to create the named bucket succeeded and you already own it.',
          ),
          accessDenied,
        ],
        errorRate: 0.2,
      },
    ],
    [
      'DeleteBucket',
      0.02,
      {
        build: bucket(),
        errors: [err('BucketNotEmpty', 1, () => 'The bucket you tried to delete is not empty'), accessDenied],
        errorRate: 0.3,
      },
    ],
    ['PutBucketPolicy', 0.15, bucket('policy')],
    ['DeleteBucketPolicy', 0.03, bucket('policy')],
    ['PutBucketAcl', 0.03, bucket('acl')],
    ['PutBucketTagging', 0.15, bucket('tagging')],
    ['PutBucketVersioning', 0.04, bucket('versioning')],
    ['PutBucketEncryption', 0.04, bucket('encryption')],
    ['PutBucketPublicAccessBlock', 0.04, bucket('publicAccessBlock')],
    ['PutBucketLifecycle', 0.08, bucket('lifecycle')],
    ['PutBucketNotification', 0.04, bucket('notification')],
    ['PutBucketOwnershipControls', 0.02, bucket('ownershipControls')],
  ],
);
