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
 * LatestDeliveryError until a delivery succeeds. The deprecated string members ("no longer in use") are
 * always there, empty until they have a time, as in the documentation's example (`"TimeLoggingStopped": ""`).
 */
export function trailStatusOutput(trail: TrailState) {
  const out: Record<string, unknown> = { IsLogging: trail.isLogging };
  const iso = (time: number | undefined) => (time === undefined ? '' : isoSeconds(time));
  if (trail.startLoggingTime !== undefined) out.StartLoggingTime = new Date(trail.startLoggingTime);
  if (trail.stopLoggingTime !== undefined) out.StopLoggingTime = new Date(trail.stopLoggingTime);
  const times = [
    ['LatestDeliveryTime', trail.latestDeliveryTime],
    ['LatestDigestDeliveryTime', trail.latestDigestDeliveryTime],
    ['LatestNotificationTime', trail.latestNotificationTime],
    ['LatestCloudWatchLogsDeliveryTime', trail.latestCloudWatchLogsDeliveryTime],
  ] as const;
  for (const [member, time] of times) if (time !== undefined) out[member] = new Date(time);
  if (trail.latestDeliveryError) out.LatestDeliveryError = trail.latestDeliveryError;
  if (trail.latestDigestDeliveryError) out.LatestDigestDeliveryError = trail.latestDigestDeliveryError;
  Object.assign(out, {
    LatestDeliveryAttemptTime: iso(trail.latestDeliveryTime),
    LatestDeliveryAttemptSucceeded: iso(trail.latestDeliveryTime),
    LatestNotificationAttemptTime: iso(trail.latestNotificationTime),
    LatestNotificationAttemptSucceeded: iso(trail.latestNotificationTime),
    TimeLoggingStarted: iso(trail.startLoggingTime),
    TimeLoggingStopped: iso(trail.stopLoggingTime),
  });
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
