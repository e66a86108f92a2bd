// UpdateTrail, DeleteTrail, StartLogging, StopLogging (docs/cloudtrail-facts.md#trails): only
// from the trail's home Region; UpdateTrail changes only the members it is given, and an empty string
// turns a destination off (`--kms-key-id ""`, docs/cloudtrail-facts.md#trails; both CloudWatch ARNs empty together).
import type { CallContext } from '../../context';
import type { AccountState, TrailState } from '../../state';
import { booleanMember, checkGlobalEvents, cloudWatchPair } from './trail-create';
import {
  checkBucket,
  checkBucketName,
  checkCloudWatchLogs,
  checkPrefix,
  resolveTrailKey,
  resolveTrailTopic,
} from './trail-destinations';
import { checkPlacement } from './trail-limits';
import { findTrailToChange } from './trail-lookup';
import { trailChangeOutput } from './trail-output';

const given = (value: unknown) => value !== undefined && value !== null;

export function updateTrail(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrailToChange(state, input.Name, context);
  const next: TrailState = { ...trail };

  if (given(input.S3BucketName)) next.S3BucketName = checkBucketName(input.S3BucketName);
  if (given(input.S3KeyPrefix)) {
    const prefix = checkPrefix(input.S3KeyPrefix);
    if (prefix) next.S3KeyPrefix = prefix;
    else delete next.S3KeyPrefix;
  }
  const multiRegion = booleanMember(input, 'IsMultiRegionTrail') ?? trail.IsMultiRegionTrail;
  const includeGlobal =
    booleanMember(input, 'IncludeGlobalServiceEvents') ?? trail.IncludeGlobalServiceEvents;
  checkGlobalEvents(multiRegion, includeGlobal);
  next.IsMultiRegionTrail = multiRegion;
  next.IncludeGlobalServiceEvents = includeGlobal;
  const logs = cloudWatchPair(input);
  if (multiRegion && !trail.IsMultiRegionTrail) {
    // Becoming multi-Region creates shadows in every Region (API_UpdateTrail.html IsMultiRegionTrail).
    checkPlacement(
      state,
      { name: trail.Name, homeRegion: trail.HomeRegion, multiRegion, except: trail.TrailARN },
      context,
    );
  }

  const bucketChanged = given(input.S3BucketName) || given(input.S3KeyPrefix);
  const bucket = bucketChanged
    ? checkBucket(state, next.S3BucketName, next.S3KeyPrefix)
    : state.buckets.get(next.S3BucketName);
  if (given(input.KmsKeyId)) {
    if (input.KmsKeyId === '') delete next.KmsKeyId;
    else
      next.KmsKeyId = resolveTrailKey(
        state,
        input.KmsKeyId,
        context.region,
        bucket ?? checkBucket(state, next.S3BucketName, next.S3KeyPrefix),
      );
  }
  if (given(input.SnsTopicName)) {
    delete next.SnsTopicName;
    delete next.SnsTopicARN;
    if (input.SnsTopicName !== '')
      Object.assign(next, resolveTrailTopic(state, input.SnsTopicName, context.region));
  }
  if (logs.group !== undefined) {
    delete next.CloudWatchLogsLogGroupArn;
    delete next.CloudWatchLogsRoleArn;
    if (logs.group !== '') {
      checkCloudWatchLogs(state, logs.group, logs.role!, context.region);
      next.CloudWatchLogsLogGroupArn = logs.group;
      next.CloudWatchLogsRoleArn = logs.role;
    }
  }
  const validation = booleanMember(input, 'EnableLogFileValidation');
  if (validation !== undefined) next.LogFileValidationEnabled = validation;
  const organization = booleanMember(input, 'IsOrganizationTrail');
  if (organization !== undefined) next.IsOrganizationTrail = organization;

  state.trails.set(next.TrailARN, next);
  return trailChangeOutput(next);
}

export function deleteTrail(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrailToChange(state, input.Name, context);
  state.trails.delete(trail.TrailARN);
  return {};
}

/**
 * A new trail does not log until StartLogging; starting a logging trail changes nothing. Delivery takes the
 * trail's events from the second logging starts (its CreateTrail and StartLogging among them): that point is
 * committed with the call, so a restart before the first delivery skips nothing. Events of a stopped
 * period are not delivered, unless the trail has not yet delivered up to its stop.
 */
export function startLogging(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrailToChange(state, input.Name, context);
  if (trail.isLogging) return {};
  const caughtUp =
    trail.deliveredThrough === undefined ||
    trail.stopLoggingTime === undefined ||
    trail.deliveredThrough >= trail.stopLoggingTime;
  const deliveredThrough = caughtUp ? Math.floor(context.now / 1000) * 1000 - 1 : trail.deliveredThrough;
  state.trails.set(trail.TrailARN, {
    ...trail,
    isLogging: true,
    startLoggingTime: context.now,
    deliveredThrough,
  });
  return {};
}

export function stopLogging(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrailToChange(state, input.Name, context);
  if (trail.isLogging)
    state.trails.set(trail.TrailARN, { ...trail, isLogging: false, stopLoggingTime: context.now });
  return {};
}
