// S3 bucket names and the CloudTrail log file prefix, shared by the Create trail form, the emulator's S3
// CreateBucket (InvalidBucketName) and CloudTrail's InvalidS3BucketNameException / InvalidS3PrefixException.
// Bucket rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html and
// cloudtrail-trail-naming-requirements.html (docs/cloudtrail-facts.md#create-trail-and-trail-details "S3 bucket name").

export const S3_BUCKET_NAME_MIN = 3;
export const S3_BUCKET_NAME_MAX = 63;
/** "The maximum length is 200 characters." (CreateTrail S3KeyPrefix, docs/cloudtrail-facts.md#create-trail-and-trail-details "Prefix"). */
export const S3_PREFIX_MAX = 200;

const ALLOWED = /^[a-z0-9.-]+$/;
const ALNUM = /^[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
// Reserved by S3 (bucketnamingrules.html): prefixes and suffixes used by access points, Express One Zone,
// Object Lambda, Multi-Region Access Points and the documentation examples.
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** The first rule a bucket name breaks, as a sentence that says how to fix it; undefined when valid. */
export function s3BucketNameError(name: string): string | undefined {
  if (name.length < S3_BUCKET_NAME_MIN || name.length > S3_BUCKET_NAME_MAX) {
    return `Bucket names must be between ${S3_BUCKET_NAME_MIN} and ${S3_BUCKET_NAME_MAX} characters long.`;
  }
  if (!ALLOWED.test(name)) {
    return 'Bucket names can contain only lowercase letters, numbers, periods (.), and hyphens (-).';
  }
  if (!ALNUM.test(name[0]!) || !ALNUM.test(name[name.length - 1]!)) {
    return 'Bucket names must begin and end with a lowercase letter or number.';
  }
  if (name.includes('..')) return 'Bucket names must not contain two adjacent periods.';
  if (name.includes('.-') || name.includes('-.')) {
    return 'Bucket names must not contain a hyphen next to a period.';
  }
  if (IP_ADDRESS.test(name))
    return 'Bucket names must not be formatted as an IP address, such as 192.168.5.4.';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `Bucket names must not start with the reserved prefix ${prefix}.`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `Bucket names must not end with the reserved suffix ${suffix}.`;
  return undefined;
}

// Control characters make no sense in an object key prefix. The exact server-side character rules are
// UNCONFIRMED (docs/cloudtrail-facts.md#create-trail-and-trail-details "S3 key prefix"); only the documented length and these are enforced.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The prefix (optional, may be empty) as CloudTrail checks it; undefined when valid. */
export function s3PrefixError(prefix: string): string | undefined {
  if (prefix.length > S3_PREFIX_MAX) return `The prefix must be ${S3_PREFIX_MAX} characters or fewer.`;
  return s3PrefixCharactersError(prefix);
}

/** The character rule alone: a Lake query's delivery prefix has no length of its own (DeliveryS3Uri's 1024). */
export function s3PrefixCharactersError(prefix: string): string | undefined {
  if (CONTROL.test(prefix)) return 'The prefix cannot contain control characters.';
  return undefined;
}
