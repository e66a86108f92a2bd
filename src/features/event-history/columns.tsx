// Event history's columns and default preferences, as data (docs/cloudtrail-facts.md#event-history-console).
// Cells render event values as text only: event data is untrusted, and React escapes text. User names,
// access keys and source IPs are pivot links (components/pivot-link.tsx).
import type { Event, Resource } from '@aws-sdk/client-cloudtrail';
import type { ColumnDef } from '@tanstack/react-table';
import { Fragment, type ReactNode } from 'react';
import type { ColumnWidths } from '@/components/column-widths';
import { EventNameLink } from '@/components/event-name-link';
import { EventTime } from '@/components/event-time';
import { PivotLink } from '@/components/pivot-link';
import type { TimeDisplay } from '@/components/format-time';
import { eventFields, type EventFields } from '@/domain/event-fields';

/** One line per referenced resource (docs/cloudtrail-facts.md#event-history-console). */
function ResourceLines({ resources, field }: { resources: Resource[] | undefined; field: keyof Resource }) {
  if (!resources?.length) return <>-</>;
  return (
    <>
      {/* Line breaks, not blocks: the cell's ellipsis applies to each line of its own text. */}
      {resources.map((resource, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {resource[field] ?? '-'}
        </Fragment>
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
  /**
   * Default and smallest width, px: the six default columns fit a 1280 px window with the navigation open
   * (Resource name, the last of them, takes what is left).
   */
  width?: number;
  minWidth?: number;
}

const resourceText = (key: keyof Resource) => (event: Event) =>
  event.Resources?.map((r) => r[key] ?? '-').join(', ') || '-';

/** Every column Event history offers; the first six are the console's defaults (docs/cloudtrail-facts.md#event-history-console). */
const COLUMNS = [
  {
    id: 'eventName',
    header: 'Event name',
    isRowHeader: true,
    width: 180,
    minWidth: 120,
    cell: (event) => <EventNameLink event={event} />,
    text: (event) => event.EventName ?? '-',
  },
  {
    id: 'eventTime',
    header: 'Event time',
    // `2026-11-21, 14:03:07 (UTC)` on one line: 174 px of text and the cell's 40 px of padding; the local
    // form adds the offset, `(UTC+01:00)`, and takes LOCAL_TIME_WIDTH.
    width: 215,
    minWidth: 215,
    cell: (event) => <EventTime value={event.EventTime} />,
    text: (event) => event.EventTime?.toISOString() ?? '-',
  },
  {
    id: 'userName',
    header: 'User name',
    width: 125,
    minWidth: 90,
    cell: (event) => <PivotLink kind="user" value={eventFields(event).username} />,
    text: field('username'),
  },
  {
    id: 'eventSource',
    header: 'Event source',
    width: 130,
    minWidth: 90,
    cell: field('eventSource'),
    text: field('eventSource'),
  },
  {
    id: 'resourceType',
    header: 'Resource type',
    width: 125,
    minWidth: 90,
    cell: (event) => <ResourceLines resources={event.Resources} field="ResourceType" />,
    text: resourceText('ResourceType'),
  },
  {
    id: 'resourceName',
    header: 'Resource name',
    minWidth: 90,
    cell: (event) => <ResourceLines resources={event.Resources} field="ResourceName" />,
    text: resourceText('ResourceName'),
  },
  {
    id: 'accessKeyId',
    width: 180,
    minWidth: 90,
    header: 'AWS access key',
    cell: (event) => <PivotLink kind="accessKey" value={eventFields(event).accessKeyId} />,
    text: field('accessKeyId'),
  },
  {
    id: 'awsRegion',
    width: 120,
    minWidth: 90,
    header: 'AWS region',
    cell: field('awsRegion'),
    text: field('awsRegion'),
  },
  {
    id: 'errorCode',
    width: 150,
    minWidth: 90,
    header: 'Error code',
    cell: field('errorCode'),
    text: field('errorCode'),
  },
  {
    id: 'eventId',
    width: 300,
    minWidth: 90,
    header: 'Event ID',
    cell: field('eventId'),
    text: field('eventId'),
  },
  {
    id: 'readOnly',
    width: 100,
    minWidth: 90,
    header: 'Read-only',
    cell: field('readOnly'),
    text: field('readOnly'),
  },
  {
    id: 'sourceIPAddress',
    width: 140,
    minWidth: 90,
    header: 'Source IP address',
    cell: (event) => <PivotLink kind="ip" value={eventFields(event).sourceIPAddress} />,
    text: field('sourceIPAddress'),
  },
  {
    id: 'eventCategory',
    width: 130,
    minWidth: 90,
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

/** The Event time column's width when times show in the local zone, with their offset. */
const LOCAL_TIME_WIDTH = 260;

function eventColumns(timeDisplay: TimeDisplay): ColumnDef<Event>[] {
  return COLUMNS.map((column) => {
    const local = timeDisplay === 'local' && column.id === 'eventTime';
    return {
      id: column.id,
      header: column.header,
      meta: {
        isRowHeader: 'isRowHeader' in column ? column.isRowHeader : undefined,
        width: local ? LOCAL_TIME_WIDTH : 'width' in column ? column.width : undefined,
        minWidth: local ? LOCAL_TIME_WIDTH : column.minWidth,
      },
      cell: ({ row }) => column.cell(row.original),
    };
  });
}

/** The columns, by how times are displayed (settings). */
export const EVENT_COLUMNS: Record<TimeDisplay, ColumnDef<Event>[]> = {
  utc: eventColumns('utc'),
  local: eventColumns('local'),
};

export const PAGE_SIZES = [10, 25, 50] as const;

export interface EventHistoryPreferences {
  pageSize: (typeof PAGE_SIZES)[number];
  wrapLines: boolean;
  stripedRows: boolean;
  visibleColumns: EventColumnId[];
  /** "Events over time" open (its chart loads only then). */
  showChart: boolean;
  /** Leave out the console's own read calls (its LookupEvents, DescribeTrails, …), which AWS records. */
  hideConsoleReads: boolean;
  /** Widths the user gave the columns by dragging their edges. */
  columnWidths: ColumnWidths;
}

/** The console's defaults: 50 events per page, the six default columns (docs/cloudtrail-facts.md#event-history-console). */
export const DEFAULT_PREFERENCES: EventHistoryPreferences = {
  pageSize: 50,
  wrapLines: false,
  stripedRows: false,
  visibleColumns: ['eventName', 'eventTime', 'userName', 'eventSource', 'resourceType', 'resourceName'],
  showChart: false,
  hideConsoleReads: true,
  columnWidths: {},
};
