// Trails: every trail that applies to this Region (DescribeTrails with shadow trails), with its status.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { toAwsError } from '@/api/aws-error';
import { trailQueries } from '@/api/trail-queries';
import { useSettings } from '@/components/settings';
import { TRAIL_COLUMNS } from './columns';

export function TrailsPage() {
  const { settings } = useSettings();
  const query = useQuery(trailQueries.list(settings.region));
  const error = query.error ? toAwsError(query.error) : undefined;
  return (
    <SpaceBetween size="m">
      {error && (
        <Alert type="error" header={error.name}>
          {error.message}
        </Alert>
      )}
      <Table
        variant="full-page"
        stickyHeader
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${query.data.length})` : undefined}
            description="A trail delivers CloudTrail events to an Amazon S3 bucket and, optionally, to CloudWatch Logs."
            actions={
              <Button
                iconName="refresh"
                ariaLabel="Refresh trails"
                loading={query.isRefetching}
                onClick={() => void query.refetch()}
              />
            }
          >
            Trails
          </Header>
        }
        items={query.data ?? []}
        trackBy={(trail) => trail.TrailARN ?? trail.Name ?? ''}
        columnDefinitions={TRAIL_COLUMNS}
        loading={query.isPending}
        loadingText="Loading trails"
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <b>No trails</b>
            <Box variant="p" color="inherit">
              No trails apply to this Region.
            </Box>
          </Box>
        }
      />
    </SpaceBetween>
  );
}
