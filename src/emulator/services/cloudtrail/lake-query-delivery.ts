// Lake query results saved to S3 (StartQuery's DeliveryS3Uri): StartQuery checks the location as
// CreateTrail checks a trail's bucket (it must exist, and its policy must let CloudTrail write there); when
// the query finishes, its rows become `result_1.csv.gz` and the signed `result_sign.json` in the query's
// folder (the layout and format are in domain/lake-query-delivery.ts). The sign file is signed with the
// Region's key that signs trails' digests, so ListPublicKeys serves the key that verifies it.
import { bucketPolicyAllowsLakeQueryResults } from '@/domain/cloudtrail-policies';
import { gzip, sha256Hex } from '@/domain/bytes';
import {
  failedDeliveryStatus,
  parseDeliveryS3Uri,
  QUERY_SIGN_FILE_NAME,
  queryResultFileName,
  queryResultsCsv,
  queryResultsFolder,
  signFileDocument,
  signFileStringToSign,
  type DeliveryLocation,
  type QueryDeliveryStatus,
  type SignedFile,
} from '@/domain/lake-query-delivery';
import { ServiceError } from '../../errors';
import { entityTag, type ObjectStore } from '../../objects/object-store';
import type { AccountState } from '../../state';
import { signingKeyFor, signText } from './signing-keys';
import { checkBucket } from './trail-destinations';

export interface QueryDeliveryTarget extends DeliveryLocation {
  /** The DeliveryS3Uri as given, which DescribeQuery answers. */
  uri: string;
  /** The Region the query ran in: its key signs the sign file, and the sign file names it. */
  region: string;
}

export interface QueryDeliveryDeps {
  state: AccountState;
  objects: ObjectStore;
  clock: () => number;
}

/**
 * StartQuery's checks of a DeliveryS3Uri: InvalidParameterException for anything but an S3 URI,
 * InvalidS3BucketNameException / InvalidS3PrefixException by the bucket and prefix rules,
 * S3BucketDoesNotExistException and InsufficientS3BucketPolicyException with the trails' messages.
 */
export async function checkDeliveryTarget(
  state: AccountState,
  uri: string,
  region: string,
  now: number,
): Promise<QueryDeliveryTarget> {
  const location = parseDeliveryS3Uri(uri);
  if ('code' in location) throw new ServiceError(location.code, location.message);
  checkBucket(state, location.bucket, location.prefix, bucketPolicyAllowsLakeQueryResults);
  // The Region's signing key exists from here on, so the state StartQuery commits holds the key the sign
  // file will be signed with (unless it expires while the query runs, as digests' keys may).
  await signingKeyFor(state, region, now);
  return { ...location, uri, region };
}

/** Why CloudTrail cannot write there now, as the S3 error code; undefined when it can. */
function bucketProblem(state: AccountState, target: QueryDeliveryTarget): string | undefined {
  const bucket = state.buckets.get(target.bucket);
  if (!bucket) return 'NoSuchBucket';
  if (!bucketPolicyAllowsLakeQueryResults(bucket.policy, target.bucket, target.prefix, state.accountId)) {
    return 'AccessDenied';
  }
  return undefined;
}

/** Writes a finished query's result file and sign file; the DeliveryStatus it ends with. */
export async function deliverQueryResults(
  deps: QueryDeliveryDeps,
  target: QueryDeliveryTarget,
  queryId: string,
  result: { columns: string[]; rows: ReadonlyArray<ReadonlyArray<string | null>> },
): Promise<QueryDeliveryStatus> {
  const { state, objects, clock } = deps;
  const now = clock();
  const folder = queryResultsFolder({
    prefix: target.prefix,
    accountId: state.accountId,
    time: now,
    queryId,
  });
  const put = async (name: string, body: Uint8Array, contentType: string) =>
    objects.put({
      bucket: target.bucket,
      key: `${folder}/${name}`,
      body,
      size: body.length,
      etag: await entityTag(body),
      lastModified: now,
      contentType,
      metadata: {},
    });
  const before = bucketProblem(state, target);
  if (before) return failedDeliveryStatus(before, false);
  // Results are capped at 100,000 rows, far below the documented 1 TB per file: always one file.
  const body = await gzip(new TextEncoder().encode(queryResultsCsv(result.columns, result.rows)));
  const files: SignedFile[] = [{ fileName: queryResultFileName(1), fileHashValue: await sha256Hex(body) }];
  try {
    await put(files[0]!.fileName, body, 'application/x-gzip');
  } catch {
    return 'FAILED';
  }
  const key = await signingKeyFor(state, target.region, now);
  const text = signFileDocument({
    region: target.region,
    files,
    completeTime: now,
    signature: await signText(key, signFileStringToSign(files)),
    fingerprint: key.fingerprint,
  });
  // The bucket may have gone or changed its policy while the result file was written.
  const after = bucketProblem(state, target);
  if (after) return failedDeliveryStatus(after, true);
  try {
    await put(QUERY_SIGN_FILE_NAME, new TextEncoder().encode(text), 'application/json');
  } catch {
    return 'FAILED_SIGNING_FILE';
  }
  return 'SUCCESS';
}
