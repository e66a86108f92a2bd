// Event history: the newest management events of the Region, 50 per LookupEvents page, with the
// console's default filter "Read-only = false" (reference §1).
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Token from '@cloudscape-design/components/token';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getCoreRowModel, getPaginationRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { toAwsError } from '@/api/aws-error';
import { eventQueries } from '@/api/event-queries';
import { DataTable } from '@/components/data-table';
import { OpenEndPagination } from '@/components/open-end-pagination';
import { regionName } from '@/components/regions';
import { useSettings } from '@/components/settings';
import { DEFAULT_PREFERENCES, EVENT_COLUMNS } from './columns';
import { DEFAULT_LOOKUP_ATTRIBUTE, lookupAttributeLabel } from './default-filter';

const COLUMN_VISIBILITY = Object.fromEntries(
  EVENT_COLUMNS.map((column) => [
    column.id,
    DEFAULT_PREFERENCES.visibleColumns.some((id) => id === column.id),
  ]),
);

export function EventHistoryPage() {
  const { settings } = useSettings();
  // A new Region starts again on page 1.
  return <EventHistoryTable key={settings.region} region={settings.region} />;
}

function EventHistoryTable({ region }: { region: string }) {
  const query = useInfiniteQuery(eventQueries.list({ region, attribute: DEFAULT_LOOKUP_ATTRIBUTE }));
  const events = useMemo(() => query.data?.pages.flatMap((page) => page.events) ?? [], [query.data]);
  const table = useReactTable({
    data: events,
    columns: EVENT_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    getRowId: (event, index) => event.EventId ?? `row-${index}`,
    // Loading the next API page appends rows; the page the user asked for must stay.
    autoResetPageIndex: false,
    initialState: {
      pagination: { pageIndex: 0, pageSize: DEFAULT_PREFERENCES.pageSize },
      columnVisibility: COLUMN_VISIBILITY,
    },
  });
  const rows = table.getRowModel().rows;
  const error = query.error ? toAwsError(query.error) : undefined;

  return (
    <SpaceBetween size="m">
      {error && (
        <Alert type="error" header={error.name}>
          {error.message}
        </Alert>
      )}
      <DataTable
        table={table}
        variant="full-page"
        stickyHeader
        loading={query.isPending || (query.isFetchingNextPage && rows.length === 0)}
        loadingText="Loading events"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${events.length}${query.hasNextPage ? '+' : ''})` : undefined}
            description={`Management events of the last 90 days in ${regionName(region)}.`}
            actions={
              <Button
                iconName="refresh"
                ariaLabel="Refresh events"
                loading={query.isRefetching}
                onClick={() => {
                  table.setPageIndex(0);
                  void query.refetch();
                }}
              />
            }
          >
            Event history
          </Header>
        }
        filter={
          <SpaceBetween size="xs" direction="horizontal" alignItems="center">
            <Box variant="awsui-key-label">Lookup attributes</Box>
            <Token readOnly label={lookupAttributeLabel(DEFAULT_LOOKUP_ATTRIBUTE)} />
          </SpaceBetween>
        }
        pagination={
          <OpenEndPagination
            table={table}
            hasNextPage={query.hasNextPage}
            isFetching={query.isFetching}
            fetchNextPage={query.fetchNextPage}
          />
        }
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <b>No events</b>
            <Box variant="p" color="inherit">
              No events match the filter in this Region for the last 90 days.
            </Box>
          </Box>
        }
      />
    </SpaceBetween>
  );
}
