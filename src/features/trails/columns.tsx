// The Trails list's columns, as data. Status comes from GetTrailStatus, one query per trail.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { TableProps } from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { trailQueries } from '@/api/trail-queries';
import { LoggingStatus } from '@/components/logging-status';
import { useSettings } from '@/components/settings';
import { TrailNameLink } from '@/components/trail-name-link';
import { parseLogGroupArn } from '@/domain/aws-arn';

function TrailStatus({ trail }: { trail: Trail }) {
  const { settings } = useSettings();
  const status = useQuery({
    ...trailQueries.status(settings.region, trail.TrailARN ?? ''),
    enabled: !!trail.TrailARN,
  });
  return (
    <LoggingStatus isLogging={status.data?.IsLogging} loading={status.isLoading} error={status.isError} />
  );
}

const yesNo = (value: boolean | undefined) => (value ? 'Yes' : 'No');

export const TRAIL_COLUMNS: TableProps.ColumnDefinition<Trail>[] = [
  {
    id: 'name',
    header: 'Name',
    isRowHeader: true,
    width: 185,
    minWidth: 120,
    cell: (trail) => <TrailNameLink name={trail.Name} />,
  },
  {
    id: 'homeRegion',
    header: 'Home region',
    width: 125,
    minWidth: 100,
    cell: (trail) => trail.HomeRegion ?? '-',
  },
  {
    id: 'multiRegion',
    header: 'Multi-region trail',
    width: 115,
    minWidth: 90,
    cell: (trail) => yesNo(trail.IsMultiRegionTrail),
  },
  {
    id: 'insights',
    header: 'Insights',
    width: 100,
    minWidth: 80,
    cell: (trail) => (trail.HasInsightSelectors ? 'Enabled' : 'Disabled'),
  },
  {
    id: 'organization',
    header: 'Organization trail',
    width: 140,
    minWidth: 90,
    cell: (trail) => yesNo(trail.IsOrganizationTrail),
  },
  {
    id: 's3Bucket',
    header: 'S3 bucket',
    width: 250,
    minWidth: 100,
    cell: (trail) => trail.S3BucketName ?? '-',
  },
  {
    id: 'logFilePrefix',
    header: 'Log file prefix',
    width: 130,
    minWidth: 90,
    cell: (trail) => trail.S3KeyPrefix || '-',
  },
  {
    id: 'logGroup',
    header: 'CloudWatch Logs log group',
    width: 200,
    minWidth: 100,
    cell: (trail) =>
      (trail.CloudWatchLogsLogGroupArn && parseLogGroupArn(trail.CloudWatchLogsLogGroupArn)?.name) || '-',
  },
  { id: 'status', header: 'Status', minWidth: 100, cell: (trail) => <TrailStatus trail={trail} /> },
];
