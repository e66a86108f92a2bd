// General details and CloudWatch Logs of a trail, with its status and latest delivery times from
// GetTrailStatus (docs/cloudtrail-facts.md#create-trail-and-trail-details, docs/cloudtrail-facts.md#trails; some labels are Trailview's choice).
import type { GetTrailStatusCommandOutput, Trail } from '@aws-sdk/client-cloudtrail';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { EventTime } from '@/components/event-time';
import { LoggingStatus } from '@/components/logging-status';
import { parseLogGroupArn } from '@/domain/aws-arn';
import { trailLogLocation } from '../summary/attributes-summary';

const enabled = (value: boolean | undefined) => (value ? 'Enabled' : 'Disabled');

function DeliveryError({ message }: { message: string | undefined }) {
  return message ? <StatusIndicator type="error">{message}</StatusIndicator> : null;
}

export function GeneralDetails({
  trail,
  status,
  statusLoading,
  accountId,
}: {
  trail: Trail;
  status: GetTrailStatusCommandOutput | undefined;
  statusLoading: boolean;
  accountId: string | undefined;
}) {
  return (
    <KeyValuePairs
      columns={3}
      items={[
        {
          label: 'Trail logging',
          value: <LoggingStatus isLogging={status?.IsLogging} loading={statusLoading} />,
        },
        { label: 'Trail name', value: trail.Name },
        { label: 'Home region', value: trail.HomeRegion ?? '-' },
        { label: 'Multi-region trail', value: trail.IsMultiRegionTrail ? 'Yes' : 'No' },
        {
          label: 'Apply trail to my organization',
          value: trail.IsOrganizationTrail ? 'Enabled' : 'Not enabled',
        },
        {
          label: 'Trail log location',
          value: trailLogLocation(trail.S3BucketName ?? '', trail.S3KeyPrefix, accountId),
        },
        {
          label: 'Last log file delivered',
          value: (
            <>
              <EventTime value={status?.LatestDeliveryTime} />
              <DeliveryError message={status?.LatestDeliveryError} />
            </>
          ),
        },
        { label: 'Log file SSE-KMS encryption', value: trail.KmsKeyId ? 'Enabled' : 'Not enabled' },
        ...(trail.KmsKeyId ? [{ label: 'AWS KMS key', value: trail.KmsKeyId }] : []),
        { label: 'Log file validation', value: enabled(trail.LogFileValidationEnabled) },
        {
          label: 'Last digest file delivered',
          value: <EventTime value={status?.LatestDigestDeliveryTime} />,
        },
        {
          label: 'SNS notification delivery',
          value: trail.SnsTopicARN ?? trail.SnsTopicName ?? 'Disabled',
        },
        {
          label: 'Last SNS notification',
          value: (
            <>
              <EventTime value={status?.LatestNotificationTime} />
              <DeliveryError message={status?.LatestNotificationError} />
            </>
          ),
        },
        { label: 'Logging started', value: <EventTime value={status?.StartLoggingTime} /> },
        { label: 'Logging stopped', value: <EventTime value={status?.StopLoggingTime} /> },
      ]}
    />
  );
}

export function CloudWatchDetails({
  trail,
  status,
}: {
  trail: Trail;
  status: GetTrailStatusCommandOutput | undefined;
}) {
  const group = trail.CloudWatchLogsLogGroupArn
    ? parseLogGroupArn(trail.CloudWatchLogsLogGroupArn)
    : undefined;
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'Log group', value: group?.name ?? 'Not configured' },
        { label: 'IAM Role', value: trail.CloudWatchLogsRoleArn ?? '-' },
        {
          label: 'Last log delivered to CloudWatch Logs',
          value: (
            <>
              <EventTime value={status?.LatestCloudWatchLogsDeliveryTime} />
              <DeliveryError message={status?.LatestCloudWatchLogsDeliveryError} />
            </>
          ),
        },
      ]}
    />
  );
}
