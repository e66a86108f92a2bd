// What a trail's SNS topic received, as Trailview shows it: CloudTrail publishes one message per delivered
// log file, `{"s3Bucket":"…","s3ObjectKey":["…"]}` (configure-sns-notifications-for-cloudtrail.html). SNS
// has no API that lists what a topic received, so the local server and the demo answer
// `GET trailview/sns-notifications?topic=<ARN>` from the emulated topic.

export interface SnsNotification {
  messageId: string;
  /** ISO time the message was published. */
  timestamp: string;
  message: string;
}

export interface SnsNotificationsReport {
  topicArn: string;
  /** Newest first. */
  notifications: SnsNotification[];
}

/** The bucket and object keys of CloudTrail's message; undefined for any other message. */
export function cloudTrailMessage(message: string): { s3Bucket: string; s3ObjectKey: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const value = parsed as { s3Bucket?: unknown; s3ObjectKey?: unknown } | null;
  if (
    typeof value?.s3Bucket !== 'string' ||
    !Array.isArray(value.s3ObjectKey) ||
    !value.s3ObjectKey.every((k) => typeof k === 'string')
  )
    return undefined;
  return { s3Bucket: value.s3Bucket, s3ObjectKey: value.s3ObjectKey as string[] };
}
