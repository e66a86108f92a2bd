// "Compare event details" (docs/cloudtrail-facts.md#event-history-console): up to 5 selected events side by side, one row per field.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { EventTime } from '@/components/event-time';
import { eventFields, type EventFields } from '@/domain/event-fields';

/** The console lets you compare up to five events. */
export const COMPARE_LIMIT = 5;

interface CompareRow {
  label: string;
  value: (event: Event, fields: EventFields) => ReactNode;
}

const text = (key: keyof EventFields) => (_event: Event, f: EventFields) => (f[key] as string) || '-';
const list = (values: string[]) => (values.length ? values.map((v, i) => <div key={i}>{v}</div>) : '-');

const ROWS: CompareRow[] = [
  { label: 'Event name', value: text('eventName') },
  { label: 'Event time', value: (event) => <EventTime value={event.EventTime} /> },
  { label: 'User name', value: text('username') },
  { label: 'Event source', value: text('eventSource') },
  { label: 'AWS access key', value: text('accessKeyId') },
  { label: 'AWS region', value: text('awsRegion') },
  { label: 'Source IP address', value: text('sourceIPAddress') },
  { label: 'User agent', value: text('userAgent') },
  { label: 'Error code', value: text('errorCode') },
  { label: 'Error message', value: text('errorMessage') },
  { label: 'Read-only', value: text('readOnly') },
  { label: 'Event type', value: text('eventType') },
  { label: 'Event category', value: text('eventCategory') },
  { label: 'User identity type', value: text('userIdentityType') },
  { label: 'User identity ARN', value: text('userIdentityArn') },
  { label: 'Resource type', value: (_e, f) => list(f.resourceTypes) },
  { label: 'Resource name', value: (_e, f) => list(f.resourceNames) },
  { label: 'Request ID', value: text('requestID') },
  { label: 'Event ID', value: text('eventId') },
];

export interface CompareEventsProps {
  events: Event[];
  onClear: () => void;
}

export function CompareEvents({ events, onClear }: CompareEventsProps) {
  const columns: TableProps.ColumnDefinition<CompareRow>[] = [
    { id: 'field', header: 'Field', cell: (row) => row.label, isRowHeader: true },
    ...events.map((event, index) => ({
      id: `event-${index}`,
      header: `${event.EventName ?? 'Event'} (${index + 1})`,
      cell: (row: CompareRow) => row.value(event, eventFields(event)),
    })),
  ];
  return (
    <Table
      variant="container"
      wrapLines
      header={
        <Header
          variant="h2"
          counter={`(${events.length}/${COMPARE_LIMIT})`}
          description="The selected events side by side. Select up to 5 events in the table."
          actions={<Button onClick={onClear}>Clear selection</Button>}
        >
          Compare event details
        </Header>
      }
      columnDefinitions={columns}
      items={ROWS}
      trackBy="label"
    />
  );
}
