import type { Trail } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { trailQueries } from '@/api/trail-queries';
import { hrefs } from '@/components/hrefs';
import { LoggingStatus } from '@/components/logging-status';
import { useSettings } from '@/components/settings';
import { TrailNameLink } from '@/components/trail-name-link';
import { CopyToLakeButton } from '@/components/copy-to-lake-button';
import { useFollow } from '@/components/use-follow';

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

const COLUMNS: TableProps.ColumnDefinition<Trail>[] = [
  { id: 'name', header: 'Name', isRowHeader: true, cell: (trail) => <TrailNameLink name={trail.Name} /> },
  { id: 'homeRegion', header: 'Home region', cell: (trail) => trail.HomeRegion ?? '-' },
  { id: 'status', header: 'Status', cell: (trail) => <TrailStatus trail={trail} /> },
];

export function TrailsOverview({ region }: { region: string }) {
  const follow = useFollow();
  const query = useQuery(trailQueries.list(region));
  const error = query.error ? toAwsError(query.error) : undefined;
  const [selected, setSelected] = useState<Trail[]>([]);
  const trail = selected[0];
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${query.data.length})` : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToLakeButton trail={trail} />
              <Button href={hrefs.createTrail} onFollow={follow}>
                Create trail
              </Button>
            </SpaceBetween>
          }
        >
          Trails
        </Header>
      }
      items={query.data ?? []}
      selectionType="single"
      selectedItems={selected}
      onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
      ariaLabels={{
        selectionGroupLabel: 'Trails',
        itemSelectionLabel: (_selection, item) => item.Name ?? '',
        allItemsSelectionLabel: () => 'All trails',
      }}
      trackBy={(trail) => trail.TrailARN ?? trail.Name ?? ''}
      columnDefinitions={COLUMNS}
      loading={query.isPending}
      loadingText="Loading trails"
      empty={
        error ? (
          <Alert type="error" header={error.name}>
            {error.message}
          </Alert>
        ) : (
          <Box textAlign="center" color="inherit">
            <b>No trails</b>
            <Box variant="p" color="inherit">
              No trails apply to this Region.
            </Box>
          </Box>
        )
      }
      footer={
        <Box textAlign="center">
          <Link href={hrefs.trails} onFollow={follow}>
            View all trails
          </Link>
        </Box>
      }
    />
  );
}
