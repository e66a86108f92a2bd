import type { Event } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { toAwsError } from '@/api/aws-error';
import { eventQueries } from '@/api/event-queries';
import { EventNameLink } from '@/components/event-name-link';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';
import { PivotLink } from '@/components/pivot-link';

const RECENT_COUNT = 5;

// Widths that fit a 1280 px window with the navigation open (the last column takes the rest); longer
// values wrap.
const COLUMNS: TableProps.ColumnDefinition<Event>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    width: 240,
    isRowHeader: true,
    cell: (event) => <EventNameLink event={event} />,
  },
  {
    id: 'eventTime',
    header: 'Event time',
    width: 215,
    cell: (event) => <EventTime value={event.EventTime} />,
  },
  {
    id: 'userName',
    header: 'User name',
    width: 230,
    cell: (event) => <PivotLink kind="user" value={event.Username} />,
  },
  { id: 'eventSource', header: 'Event source', cell: (event) => event.EventSource ?? '-' },
];

/** The newest events, with the same default filter as Event history (Read-only = false), so the two
 * share one LookupEvents query. */
export function RecentEvents({ region }: { region: string }) {
  const follow = useFollow();
  const query = useInfiniteQuery(
    eventQueries.list({ region, attribute: { key: 'ReadOnly', value: 'false' } }),
  );
  const events = query.data?.pages[0]?.events.slice(0, RECENT_COUNT) ?? [];
  const error = query.error ? toAwsError(query.error) : undefined;
  return (
    <Table
      variant="container"
      wrapLines
      resizableColumns
      header={<Header variant="h2">Event history</Header>}
      items={events}
      trackBy={(event) => event.EventId ?? ''}
      columnDefinitions={COLUMNS}
      loading={query.isPending}
      loadingText="Loading events"
      empty={
        error ? (
          <Alert type="error" header={error.name}>
            {error.message}
          </Alert>
        ) : (
          <Box textAlign="center" color="inherit">
            <b>No events</b>
          </Box>
        )
      }
      footer={
        <Box textAlign="center">
          <Link href={hrefs.events} onFollow={follow}>
            View full Event history
          </Link>
        </Box>
      }
    />
  );
}
