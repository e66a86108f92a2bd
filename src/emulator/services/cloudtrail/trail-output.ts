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

/**
 * GetTrailStatus: logging times and what delivery (delivery.ts) last did. Times and errors are absent
 * until there is one, as in the API reference ("…if any"); a failed delivery's S3 error code is
 * LatestDeliveryError until a delivery succeeds.
 */
export function trailStatusOutput(trail: TrailState) {
  const out: Record<string, unknown> = { IsLogging: trail.isLogging };
  if (trail.startLoggingTime !== undefined) {
    out.StartLoggingTime = new Date(trail.startLoggingTime);
    out.TimeLoggingStarted = isoSeconds(trail.startLoggingTime);
  }
  if (trail.stopLoggingTime !== undefined) {
    out.StopLoggingTime = new Date(trail.stopLoggingTime);
    out.TimeLoggingStopped = isoSeconds(trail.stopLoggingTime);
  }
  const times = [
    ['LatestDeliveryTime', trail.latestDeliveryTime],
    ['LatestDigestDeliveryTime', trail.latestDigestDeliveryTime],
    ['LatestNotificationTime', trail.latestNotificationTime],
    ['LatestCloudWatchLogsDeliveryTime', trail.latestCloudWatchLogsDeliveryTime],
  ] as const;
  for (const [member, time] of times) if (time !== undefined) out[member] = new Date(time);
  if (trail.latestDeliveryTime !== undefined) {
    out.LatestDeliveryAttemptSucceeded = isoSeconds(trail.latestDeliveryTime);
    out.LatestDeliveryAttemptTime = isoSeconds(trail.latestDeliveryTime);
  }
  if (trail.latestDeliveryError) out.LatestDeliveryError = trail.latestDeliveryError;
  if (trail.latestDigestDeliveryError) out.LatestDigestDeliveryError = trail.latestDigestDeliveryError;
  return out;
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
