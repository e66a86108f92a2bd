// Event history's columns and default preferences, as data (reference §1.5, §1.6). Cells render event
// values as text only: event data is untrusted.
import type { Event, Resource } from '@aws-sdk/client-cloudtrail';
import Link from '@cloudscape-design/components/link';
import type { ColumnDef } from '@tanstack/react-table';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';

function EventNameLink({ event }: { event: Event }) {
  const follow = useFollow();
  if (!event.EventId) return <>{event.EventName ?? '-'}</>;
  return (
    <Link href={hrefs.event(event.EventId)} onFollow={follow}>
      {event.EventName ?? event.EventId}
    </Link>
  );
}

/** One line per referenced resource (reference §1.5). */
function ResourceLines({ resources, field }: { resources: Resource[] | undefined; field: keyof Resource }) {
  if (!resources?.length) return <>-</>;
  return (
    <>
      {resources.map((resource, index) => (
        <div key={index}>{resource[field] ?? '-'}</div>
      ))}
    </>
  );
}

export const EVENT_COLUMNS: ColumnDef<Event>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    meta: { isRowHeader: true },
    cell: ({ row }) => <EventNameLink event={row.original} />,
  },
  { id: 'eventTime', header: 'Event time', cell: ({ row }) => <EventTime value={row.original.EventTime} /> },
  { id: 'userName', header: 'User name', cell: ({ row }) => row.original.Username ?? '-' },
  { id: 'eventSource', header: 'Event source', cell: ({ row }) => row.original.EventSource ?? '-' },
  {
    id: 'resourceType',
    header: 'Resource type',
    cell: ({ row }) => <ResourceLines resources={row.original.Resources} field="ResourceType" />,
  },
  {
    id: 'resourceName',
    header: 'Resource name',
    cell: ({ row }) => <ResourceLines resources={row.original.Resources} field="ResourceName" />,
  },
];

export type EventColumnId =
  'eventName' | 'eventTime' | 'userName' | 'eventSource' | 'resourceType' | 'resourceName';

export interface EventHistoryPreferences {
  pageSize: 10 | 25 | 50;
  visibleColumns: EventColumnId[];
}

/** The console's defaults: 50 events per page, the six default columns (reference §1.5, §1.6). */
export const DEFAULT_PREFERENCES: EventHistoryPreferences = {
  pageSize: 50,
  visibleColumns: ['eventName', 'eventTime', 'userName', 'eventSource', 'resourceType', 'resourceName'],
};
