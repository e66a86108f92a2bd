// S3, as far as the Create trail flow needs it: ListBuckets, CreateBucket, HeadBucket, Put/GetBucketPolicy
// (and GetBucketLocation). Error codes, statuses and messages: S3 API ErrorResponses.html.
import { s3BucketNameError } from '@/domain/s3-bucket-name';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { RestXmlResult } from '../../protocol/rest-xml';
import { S3_NAMESPACE } from '../../protocol/rest-xml';
import { escapeXml, XML_DECLARATION, xmlElementText } from '../../protocol/xml';
import type { AccountState, BucketState } from '../../state';
import { validateBucketPolicy } from './s3-bucket-policy';

const US_EAST_1 = 'us-east-1';

function noSuchBucket(bucket: string): ServiceError {
  return new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

/** The bucket a call names, or NoSuchBucket. */
function existing(state: AccountState, input: Record<string, unknown>): BucketState {
  const name = String(input.Bucket);
  const bucket = state.buckets.get(name);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** A canonical user id (64 hex digits) for the account, stable across calls. */
function canonicalUserId(accountId: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++)
    hex += ((Number(accountId) * (i + 7)) % 0xffffffff).toString(16).padStart(8, '0');
  return hex.slice(0, 64);
}

function xmlDocument(body: string): RestXmlResult {
  return { body: `${XML_DECLARATION}\n${body}` };
}

function listBuckets(state: AccountState, input: Record<string, unknown>): RestXmlResult {
  const prefix = typeof input.Prefix === 'string' ? input.Prefix : '';
  const region = typeof input.BucketRegion === 'string' ? input.BucketRegion : undefined;
  const max = input.MaxBuckets === undefined ? undefined : Number(input.MaxBuckets);
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10_000)) {
    throw new ServiceError('InvalidArgument', 'max-buckets must be an integer between 1 and 10000.');
  }
  const after = typeof input.ContinuationToken === 'string' ? input.ContinuationToken : '';
  const all = [...state.buckets.values()]
    .filter((b) => b.name.startsWith(prefix) && (!region || b.region === region) && b.name > after)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = max === undefined ? all : all.slice(0, max);
  const buckets = page
    .map(
      (b) =>
        `<Bucket><Name>${escapeXml(b.name)}</Name><CreationDate>${new Date(b.creationDate).toISOString()}</CreationDate>` +
        `<BucketRegion>${b.region}</BucketRegion></Bucket>`,
    )
    .join('');
  const token =
    page.length < all.length ? `<ContinuationToken>${escapeXml(page.at(-1)!.name)}</ContinuationToken>` : '';
  const prefixXml = prefix ? `<Prefix>${escapeXml(prefix)}</Prefix>` : '';
  return xmlDocument(
    `<ListAllMyBucketsResult xmlns="${S3_NAMESPACE}"><Owner><ID>${canonicalUserId(state.accountId)}</ID></Owner>` +
      `<Buckets>${buckets}</Buckets>${token}${prefixXml}</ListAllMyBucketsResult>`,
  );
}

/** The Region a CreateBucket request puts the bucket in (API_CreateBucket.html, LocationConstraint). */
function locationFor(body: string | undefined, context: CallContext, bucket: string): string {
  let constraint: string | undefined;
  if (body && body.trim() !== '') {
    if (!body.includes('CreateBucketConfiguration')) {
      throw new ServiceError(
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema',
      );
    }
    constraint = xmlElementText(body, 'LocationConstraint');
  }
  if (constraint === US_EAST_1) {
    throw new ServiceError(
      'InvalidLocationConstraint',
      'The specified location-constraint is not valid',
      400,
      {
        LocationConstraint: constraint,
      },
    );
  }
  const region = constraint || US_EAST_1;
  // A Regional endpoint creates buckets only in its own Region; us-east-1 accepts any constraint.
  if (context.region !== US_EAST_1 && region !== context.region) {
    throw new ServiceError(
      'IllegalLocationConstraintException',
      `The ${constraint ? `${constraint} location constraint` : 'unspecified location constraint'} is incompatible for the region specific endpoint this request was sent to.`,
      400,
      { BucketName: bucket },
    );
  }
  return region;
}

function createBucket(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
): RestXmlResult {
  const name = String(input.Bucket);
  if (s3BucketNameError(name)) {
    throw new ServiceError('InvalidBucketName', 'The specified bucket is not valid.', 400, {
      BucketName: name,
    });
  }
  const region = locationFor(input.Body as string | undefined, context, name);
  const current = state.buckets.get(name);
  if (current) {
    // "For legacy compatibility, if you re-create an existing bucket that you already own in the North
    // Virginia Region, Amazon S3 returns 200 OK" (ErrorResponses.html, BucketAlreadyOwnedByYou).
    if (current.region === US_EAST_1 && region === US_EAST_1) return { headers: { location: `/${name}` } };
    throw new ServiceError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      { BucketName: name },
    );
  }
  state.buckets.set(name, { name, region, creationDate: context.now });
  const location = region === US_EAST_1 ? `/${name}` : `http://${name}.s3.amazonaws.com/`;
  return { headers: { location } };
}

export function s3Operations(state: AccountState): Record<string, Operation> {
  return {
    ListBuckets: (input) => listBuckets(state, input),
    CreateBucket: (input, context) => createBucket(state, input, context),
    HeadBucket: (input): RestXmlResult => {
      const bucket = existing(state, input);
      return { headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
    },
    GetBucketLocation: (input) => {
      const bucket = existing(state, input);
      // us-east-1 buckets have an empty LocationConstraint (API_GetBucketLocation.html).
      const region = bucket.region === US_EAST_1 ? '' : bucket.region;
      return xmlDocument(`<LocationConstraint xmlns="${S3_NAMESPACE}">${region}</LocationConstraint>`);
    },
    PutBucketPolicy: (input): RestXmlResult => {
      const bucket = existing(state, input);
      const text = typeof input.Body === 'string' ? input.Body : '';
      validateBucketPolicy(text, bucket.name);
      state.buckets.set(bucket.name, { ...bucket, policy: text });
      return { status: 204 };
    },
    GetBucketPolicy: (input): RestXmlResult => {
      const bucket = existing(state, input);
      if (bucket.policy === undefined) {
        throw new ServiceError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, {
          BucketName: bucket.name,
        });
      }
      return { body: bucket.policy, headers: { 'content-type': 'application/json' } };
    },
  };
}
