// Event history's columns and default preferences, as data (reference §1.5, §1.6). Cells render event
// values as text only: event data is untrusted, and React escapes text. User names, access keys and source
// IPs are pivot links (components/pivot-link.tsx).
import type { Event, Resource } from '@aws-sdk/client-cloudtrail';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { EventNameLink } from '@/components/event-name-link';
import { EventTime } from '@/components/event-time';
import { PivotLink } from '@/components/pivot-link';
import { eventFields, type EventFields } from '@/domain/event-fields';

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

const field = (name: keyof EventFields) => (event: Event) => (eventFields(event)[name] as string) || '-';

interface EventColumn {
  id: string;
  header: string;
  cell: (event: Event) => ReactNode;
  /** The text of the cell, for the scroll view's titles and for Compare. */
  text: (event: Event) => string;
  isRowHeader?: boolean;
}

const resourceText = (key: keyof Resource) => (event: Event) =>
  event.Resources?.map((r) => r[key] ?? '-').join(', ') || '-';

/** Every column Event history offers; the first six are the console's defaults (reference §1.5). */
const COLUMNS = [
  {
    id: 'eventName',
    header: 'Event name',
    isRowHeader: true,
    cell: (event) => <EventNameLink event={event} />,
    text: (event) => event.EventName ?? '-',
  },
  {
    id: 'eventTime',
    header: 'Event time',
    cell: (event) => <EventTime value={event.EventTime} />,
    text: (event) => event.EventTime?.toISOString() ?? '-',
  },
  {
    id: 'userName',
    header: 'User name',
    cell: (event) => <PivotLink kind="user" value={eventFields(event).username} />,
    text: field('username'),
  },
  { id: 'eventSource', header: 'Event source', cell: field('eventSource'), text: field('eventSource') },
  {
    id: 'resourceType',
    header: 'Resource type',
    cell: (event) => <ResourceLines resources={event.Resources} field="ResourceType" />,
    text: resourceText('ResourceType'),
  },
  {
    id: 'resourceName',
    header: 'Resource name',
    cell: (event) => <ResourceLines resources={event.Resources} field="ResourceName" />,
    text: resourceText('ResourceName'),
  },
  {
    id: 'accessKeyId',
    header: 'AWS access key',
    cell: (event) => <PivotLink kind="accessKey" value={eventFields(event).accessKeyId} />,
    text: field('accessKeyId'),
  },
  { id: 'awsRegion', header: 'AWS region', cell: field('awsRegion'), text: field('awsRegion') },
  { id: 'errorCode', header: 'Error code', cell: field('errorCode'), text: field('errorCode') },
  { id: 'eventId', header: 'Event ID', cell: field('eventId'), text: field('eventId') },
  { id: 'readOnly', header: 'Read-only', cell: field('readOnly'), text: field('readOnly') },
  {
    id: 'sourceIPAddress',
    header: 'Source IP address',
    cell: (event) => <PivotLink kind="ip" value={eventFields(event).sourceIPAddress} />,
    text: field('sourceIPAddress'),
  },
  {
    id: 'eventCategory',
    header: 'Event category',
    cell: field('eventCategory'),
    text: field('eventCategory'),
  },
] as const satisfies readonly EventColumn[];

export type EventColumnId = (typeof COLUMNS)[number]['id'];

export const EVENT_COLUMN_IDS = COLUMNS.map((column) => column.id) as EventColumnId[];

export const EVENT_COLUMN_LABELS = Object.fromEntries(COLUMNS.map((c) => [c.id, c.header])) as Record<
  EventColumnId,
  string
>;

export const EVENT_COLUMNS: ColumnDef<Event>[] = COLUMNS.map((column) => ({
  id: column.id,
  header: column.header,
  meta: { isRowHeader: 'isRowHeader' in column ? column.isRowHeader : undefined },
  cell: ({ row }) => column.cell(row.original),
}));

export const PAGE_SIZES = [10, 25, 50] as const;

export interface EventHistoryPreferences {
  pageSize: (typeof PAGE_SIZES)[number];
  wrapLines: boolean;
  stripedRows: boolean;
  visibleColumns: EventColumnId[];
  /** "Events over time" open (its chart loads only then). */
  showChart: boolean;
}

/** The console's defaults: 50 events per page, the six default columns (reference §1.5, §1.6). */
export const DEFAULT_PREFERENCES: EventHistoryPreferences = {
  pageSize: 50,
  wrapLines: false,
  stripedRows: false,
  visibleColumns: ['eventName', 'eventTime', 'userName', 'eventSource', 'resourceType', 'resourceName'],
  showChart: false,
};
