// The Trail shape returned by DescribeTrails and GetTrail: "Trail objects with string values are only
// returned if values for the objects exist" (docs/cloudtrail-facts.md#trails), so absent strings are omitted, never null.
import type { TrailState } from '../../state';
import { isoSeconds } from '@/domain/iso-time';

export function trailOutput(trail: TrailState) {
  const out: Record<string, unknown> = {
    Name: trail.Name,
    S3BucketName: trail.S3BucketName,
    IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents,
    IsMultiRegionTrail: trail.IsMultiRegionTrail,
    HomeRegion: trail.HomeRegion,
    TrailARN: trail.TrailARN,
    LogFileValidationEnabled: trail.LogFileValidationEnabled,
    HasCustomEventSelectors: Boolean(trail.eventSelectors ?? trail.advancedEventSelectors),
    HasInsightSelectors: (trail.insightSelectors?.length ?? 0) > 0,
    IsOrganizationTrail: trail.IsOrganizationTrail,
  };
  for (const key of [
    'S3KeyPrefix',
    'SnsTopicName',
    'SnsTopicARN',
    'CloudWatchLogsLogGroupArn',
    'CloudWatchLogsRoleArn',
    'KmsKeyId',
  ] as const) {
    if (trail[key]) out[key] = trail[key];
  }
  return out;
}

const DELIVERY_INTERVAL_MS = 5 * 60_000; // "typically delivers logs within an average of about 5 minutes"

/** GetTrailStatus: a logging trail has delivered a log file at the last 5-minute mark since it started. */
export function trailStatusOutput(trail: TrailState, now: number) {
  const out: Record<string, unknown> = { IsLogging: trail.isLogging };
  if (trail.startLoggingTime !== undefined) {
    out.StartLoggingTime = new Date(trail.startLoggingTime);
    out.TimeLoggingStarted = isoSeconds(trail.startLoggingTime);
  }
  if (trail.stopLoggingTime !== undefined) {
    out.StopLoggingTime = new Date(trail.stopLoggingTime);
    out.TimeLoggingStopped = isoSeconds(trail.stopLoggingTime);
  }
  const last = latestDelivery(trail, now);
  if (last !== undefined) {
    out.LatestDeliveryTime = new Date(last);
    out.LatestDeliveryAttemptTime = isoSeconds(last);
    out.LatestDeliveryAttemptSucceeded = isoSeconds(last);
    if (trail.LogFileValidationEnabled) out.LatestDigestDeliveryTime = new Date(last - (last % 3_600_000));
    if (trail.SnsTopicARN) out.LatestNotificationTime = new Date(last);
    if (trail.CloudWatchLogsLogGroupArn) out.LatestCloudWatchLogsDeliveryTime = new Date(last);
  }
  return out;
}

function latestDelivery(trail: TrailState, now: number): number | undefined {
  if (trail.startLoggingTime === undefined) return trail.latestDeliveryTime;
  const until = trail.isLogging ? now : (trail.stopLoggingTime ?? now);
  const first = trail.startLoggingTime + DELIVERY_INTERVAL_MS;
  if (until < first) return trail.latestDeliveryTime;
  return until - ((until - trail.startLoggingTime) % DELIVERY_INTERVAL_MS);
}

/** CreateTrail and UpdateTrail answer the trail's settings without HomeRegion or selector flags (§4.3). */
export function trailChangeOutput(trail: TrailState) {
  const {
    HomeRegion: _home,
    HasCustomEventSelectors: _custom,
    HasInsightSelectors: _insights,
    ...rest
  } = trailOutput(trail);
  return rest;
}
