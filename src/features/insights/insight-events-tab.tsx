// The CloudTrail events tab (docs/cloudtrail-facts.md#insights-console): the events around the Insights event, 50 per LookupEvents
// call, with "Only show events for selected Insights event" on by default.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Toggle from '@cloudscape-design/components/toggle';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getCoreRowModel, getPaginationRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { eventQueries } from '@/api/event-queries';
import { DataTable } from '@/components/data-table';
import { EventNameLink } from '@/components/event-name-link';
import { EventTime } from '@/components/event-time';
import { formatEventTime } from '@/components/format-time';
import type { InsightSummary } from '@/components/insight-summary';
import { OpenEndPagination } from '@/components/open-end-pagination';
import { useSettings } from '@/components/settings';
import { eventFields } from '@/domain/event-fields';
import { insightEventsFilter, isInsightSubject } from './insight-events';
import type { InsightSpan } from './insight-span';
import { PivotLink } from '@/components/pivot-link';

const PAGE_SIZE = 25;

const COLUMNS: ColumnDef<Event>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    meta: { isRowHeader: true },
    cell: ({ row }) => <EventNameLink event={row.original} />,
  },
  { id: 'eventTime', header: 'Event time', cell: ({ row }) => <EventTime value={row.original.EventTime} /> },
  {
    id: 'userName',
    header: 'User name',
    cell: ({ row }) => <PivotLink kind="user" value={row.original.Username} />,
  },
  { id: 'eventSource', header: 'Event source', cell: ({ row }) => row.original.EventSource ?? '-' },
  { id: 'errorCode', header: 'Error code', cell: ({ row }) => eventFields(row.original).errorCode || '-' },
];

export interface InsightEventsTabProps {
  insight: InsightSummary;
  span: InsightSpan;
  region: string;
}

export function InsightEventsTab({ insight, span, region }: InsightEventsTabProps) {
  const { settings } = useSettings();
  const [onlySelected, setOnlySelected] = useState(true);
  const filter = insightEventsFilter(region, insight, span, onlySelected);
  const query = useInfiniteQuery(eventQueries.list(filter));
  const events = useMemo(() => {
    const all = query.data?.pages.flatMap((page) => page.events) ?? [];
    return onlySelected ? all.filter((event) => isInsightSubject(event, insight)) : all;
  }, [query.data, onlySelected, insight]);
  const table = useReactTable({
    data: events,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    getRowId: (event, index) => event.EventId ?? `row-${index}`,
    autoResetPageIndex: false,
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
  });
  const error = query.error ? toAwsError(query.error) : undefined;
  const time = (value: string | undefined) => formatEventTime(value, settings.timeDisplay);
  return (
    <DataTable
      table={table}
      variant="embedded"
      loading={query.isPending}
      loadingText="Loading events"
      header={
        <Header
          variant="h3"
          counter={query.data ? `(${events.length}${query.hasNextPage ? '+' : ''})` : undefined}
          description={`Management events from ${time(filter.startTime)} to ${time(filter.endTime)}, one minute either side of the Insights event.`}
        >
          CloudTrail events
        </Header>
      }
      filter={
        <Toggle
          checked={onlySelected}
          onChange={({ detail }) => {
            table.setPageIndex(0);
            setOnlySelected(detail.checked);
          }}
        >
          Only show events for selected Insights event
        </Toggle>
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
        error ? (
          <Alert type="error" header={error.name}>
            {error.message}
          </Alert>
        ) : (
          <Box textAlign="center" color="inherit">
            <b>No events</b>
            <Box variant="p" color="inherit">
              No events in this time range. Event history keeps management events for 90 days.
            </Box>
          </Box>
        )
      }
    />
  );
}
