// Validate log files: the trail's digest chains of the last days, each digest's signature with the public
// key ListPublicKeys gives (the backend's own; AWS's in aws mode) and each log file's hash, in the browser,
// with a progress bar and a verdict per file (src/domain/log-file-validation.ts, the AWS CLI's wording).
import type { Trail } from '@aws-sdk/client-cloudtrail';
import { toAwsError } from '@/api/aws-error';
import { getObject, listObjects, publicKeys } from '@/api/log-file-queries';
import { ValidationPanel, type OnVerdict } from '@/components/validation-results';
import { validateLogFiles } from '@/domain/log-file-validation';

/** How far back Validate log files looks. */
const RANGE_DAYS = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

async function runValidation(trail: Trail, accountId: string, onProgress: OnVerdict) {
  const home = trail.HomeRegion ?? 'us-east-1';
  const bucket = trail.S3BucketName ?? '';
  const end = Date.now();
  const start = end - RANGE_DAYS * DAY_MS;
  const digestRoot = `${trail.S3KeyPrefix ? `${trail.S3KeyPrefix}/` : ''}AWSLogs/${accountId}/CloudTrail-Digest/`;
  const digestKeys = await listObjects(home, bucket, digestRoot);
  const regions = [...new Set(digestKeys.map((f) => f.key.slice(digestRoot.length).split('/')[0]!))];
  const keys = new Map<string, Uint8Array>();
  // The AWS CLI asks for the keys up to two hours past the range's end.
  for (const region of regions)
    for (const [fingerprint, der] of await publicKeys(region, new Date(start), new Date(end + 2 * HOUR_MS)))
      keys.set(fingerprint, der);
  const keysByFolder = new Map<string, string[]>();
  return validateLogFiles({
    target: {
      bucket,
      prefix: trail.S3KeyPrefix,
      accountId,
      trailName: trail.Name ?? '',
      homeRegion: home,
      regions,
    },
    start,
    end,
    publicKeys: keys,
    reader: {
      listKeys: async (_bucket, prefix) => {
        let listed = keysByFolder.get(prefix);
        if (!listed) {
          listed = digestKeys.filter((f) => f.key.startsWith(prefix)).map((f) => f.key);
          keysByFolder.set(prefix, listed);
        }
        return listed;
      },
      get: async (fileBucket, key) => {
        try {
          return await getObject(home, fileBucket, key);
        } catch (error) {
          if (toAwsError(error).name === 'NoSuchKey') return undefined;
          throw error;
        }
      },
    },
    onProgress,
  });
}

export function ValidateLogFiles({ trail, accountId }: { trail: Trail; accountId: string }) {
  return (
    <ValidationPanel
      description={`Checks the digest files of the last ${RANGE_DAYS} days and every log file they name.`}
      idle={
        trail.LogFileValidationEnabled
          ? 'Digest files arrive every hour; validate them to prove the log files were not changed.'
          : 'Log file validation is off for this trail: it delivers no digest files to validate.'
      }
      noDigests="No digest files in the range."
      describeError={(error) => toAwsError(error).message}
      validate={(onProgress) => runValidation(trail, accountId, onProgress)}
    />
  );
}
