// A session's calls, newest first, 50 a page; errors are marked with an error status and can be shown alone.
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Toggle from '@cloudscape-design/components/toggle';
import { useState } from 'react';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { PivotLink } from '@/components/pivot-link';
import { usePagedItems } from '@/components/use-paged-items';
import { RouteLink } from '@/components/route-link';
import type { SessionEvent } from '@/domain/investigation';

const PAGE_SIZE = 50;

// Widths that fit a 1280 px window with the navigation open (the last column takes the rest); longer
// values wrap.
const COLUMNS: TableProps.ColumnDefinition<SessionEvent>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    width: 160,
    isRowHeader: true,
    cell: (e) => <RouteLink href={hrefs.event(e.eventId)}>{e.eventName}</RouteLink>,
  },
  { id: 'eventTime', header: 'Event time', width: 215, cell: (e) => <EventTime value={e.eventTime} /> },
  { id: 'eventSource', header: 'Event source', width: 150, cell: (e) => e.eventSource },
  { id: 'awsRegion', header: 'AWS region', width: 110, cell: (e) => e.awsRegion },
  {
    id: 'sourceIPAddress',
    header: 'Source IP address',
    width: 140,
    cell: (e) => <PivotLink kind="ip" value={e.sourceIPAddress} />,
  },
  {
    id: 'errorCode',
    header: 'Error code',
    cell: (e) => (e.errorCode ? <StatusIndicator type="error">{e.errorCode}</StatusIndicator> : '-'),
  },
];

export function SessionEventsTable({ events, total }: { events: SessionEvent[]; total: number }) {
  const [errorsOnly, setErrorsOnly] = useState(false);
  const shown = errorsOnly ? events.filter((e) => e.errorCode) : events;
  const { pageItems, pagination } = usePagedItems(shown, PAGE_SIZE, errorsOnly);
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={`(${shown.length})`}
          description={
            total > events.length ? `The newest ${events.length} of the session's ${total} calls.` : undefined
          }
          actions={
            <Toggle checked={errorsOnly} onChange={({ detail }) => setErrorsOnly(detail.checked)}>
              Show only errors
            </Toggle>
          }
        >
          Timeline
        </Header>
      }
      ariaLabels={{ tableLabel: 'Calls of this session' }}
      wrapLines
      resizableColumns
      items={pageItems}
      trackBy="eventId"
      columnDefinitions={COLUMNS}
      pagination={pagination}
      empty={<Box color="inherit">{errorsOnly ? 'No errors in this session' : 'No calls'}</Box>}
    />
  );
}
