// The results: the console's paged table (with selection for Compare), or the virtualized "Scroll all"
// view; with loading, empty and error states.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Table } from '@tanstack/react-table';
import { lazy, Suspense, type ReactNode } from 'react';
import { isThrottling, toAwsError } from '@/api/aws-error';
import { DataTable } from '@/components/data-table';
import { formatEventTime } from '@/components/format-time';
import type { EventHistoryPreferences } from './columns';
import { COMPARE_LIMIT } from './compare-events';
import { EventsElsewhereHint } from './events-elsewhere-hint';
import type { EventsView } from './search-params';
import type { EventResults } from './use-event-results';

// TanStack Virtual loads with the "Scroll all" view, not with the page.
const EventScrollView = lazy(() =>
  import('./event-scroll-view').then((module) => ({ default: module.EventScrollView })),
);
// Cloudscape's CollectionPreferences brings its column-reordering code (dnd-kit) whether or not it is
// used: it loads after the first rows. The gear stays in place, disabled for that moment.
const EventPreferences = lazy(() =>
  import('./event-preferences').then((module) => ({ default: module.EventPreferences })),
);

export interface EventResultsViewProps {
  region: string;
  table: Table<Event>;
  results: EventResults;
  view: EventsView;
  /** The page shown, after stepping back from a page past the last one. */
  page: number;
  header: ReactNode;
  filters: ReactNode;
  preferences: EventHistoryPreferences;
  onPreferencesChange: (preferences: EventHistoryPreferences) => void;
  onPageChange: (page: number) => void;
  onClearRefine: () => void;
  onNearEnd: () => void;
  selected: Event[];
  onSelectionChange: (events: Event[]) => void;
}

const count = (n: number) => n.toLocaleString('en-US');

export function EventResultsView(props: EventResultsViewProps) {
  const { table, results, view, page, header, filters, preferences } = props;
  const { query, matched, refining } = results;
  const error = query.error ? toAwsError(query.error) : undefined;
  const rows = table.getRowModel().rows;
  const waiting = query.isPending || (matched.length === 0 && (query.isFetching || results.scanning));
  const loadingText = refining
    ? `Scanning events: ${count(results.loaded.length)} scanned`
    : 'Loading events';

  const errorAlert = error && (
    <Alert
      type="error"
      header={error.name}
      action={
        <Button onClick={() => void (query.data ? query.fetchNextPage() : query.refetch())}>Retry</Button>
      }
    >
      {error.message}
      {isThrottling(error) &&
        ' CloudTrail allows 2 LookupEvents requests per second. Wait a moment, then retry.'}
    </Alert>
  );
  // Refine is to blame only when the lookup found events and Refine set them all aside.
  const empty =
    refining && results.loaded.length > 0 ? (
      <Box textAlign="center" color="inherit" padding="l">
        <b>No matches</b>
        <Box variant="p" color="inherit">
          None of the {count(results.loaded.length)} events scanned match the Refine filter.
        </Box>
        <Button onClick={props.onClearRefine}>Clear Refine filter</Button>
      </Box>
    ) : (
      <Box textAlign="center" color="inherit" padding="l">
        <b>No events</b>
        <Box variant="p" color="inherit">
          {view.range
            ? 'No events match the filter in this Region and time range.'
            : 'No events match the filter in this Region for the last 90 days.'}
        </Box>
        <EventsElsewhereHint region={props.region} />
      </Box>
    );

  if (view.view === 'scroll') {
    return (
      <SpaceBetween size="m">
        {errorAlert}
        <Container header={header}>
          <SpaceBetween size="m">
            {filters}
            {waiting ? (
              <StatusIndicator type="loading">{loadingText}</StatusIndicator>
            ) : matched.length === 0 ? (
              empty
            ) : (
              <Suspense fallback={<StatusIndicator type="loading">Loading the scroll view</StatusIndicator>}>
                <EventScrollView
                  table={table}
                  events={matched}
                  hasMore={query.hasNextPage}
                  onNearEnd={props.onNearEnd}
                  wrapLines={preferences.wrapLines}
                  stripedRows={preferences.stripedRows}
                  ariaLabel={`Events, ${count(matched.length)} loaded`}
                />
              </Suspense>
            )}
          </SpaceBetween>
        </Container>
      </SpaceBetween>
    );
  }

  const selectedIds = new Set(props.selected.map((event) => event.EventId));
  const pageCount = Math.max(1, Math.ceil(matched.length / preferences.pageSize));
  return (
    <SpaceBetween size="m">
      {errorAlert}
      <DataTable
        table={table}
        // Not a sticky header: with the lookup attributes, Refine, the console-reads toggle and the chart's
        // row it took about 340 of 800 px while scrolling, leaving little room for the events themselves.
        variant="full-page"
        header={header}
        filter={filters}
        loading={waiting || (rows.length === 0 && query.isFetchingNextPage)}
        loadingText={loadingText}
        empty={empty}
        wrapLines={preferences.wrapLines}
        stripedRows={preferences.stripedRows}
        columnWidths={preferences.columnWidths}
        onColumnResize={(columnWidths) => props.onPreferencesChange({ ...preferences, columnWidths })}
        preferences={
          <Suspense
            fallback={
              <Button variant="icon" iconName="settings" ariaLabel="Preferences" formAction="none" disabled />
            }
          >
            <EventPreferences preferences={preferences} onChange={props.onPreferencesChange} />
          </Suspense>
        }
        pagination={
          <Pagination
            currentPageIndex={page}
            pagesCount={Math.max(pageCount, page)}
            openEnd={query.hasNextPage}
            onChange={({ detail }) => props.onPageChange(detail.currentPageIndex)}
          />
        }
        selectionType="multi"
        selectedItems={rows.filter((row) => selectedIds.has(row.original.EventId))}
        isItemDisabled={(row) =>
          props.selected.length >= COMPARE_LIMIT && !selectedIds.has(row.original.EventId)
        }
        onSelectionChange={({ detail }) => {
          const onPage = new Set(rows.map((row) => row.original.EventId));
          const elsewhere = props.selected.filter((event) => !onPage.has(event.EventId));
          const chosen = detail.selectedItems.map((row) => row.original);
          props.onSelectionChange([...elsewhere, ...chosen].slice(0, COMPARE_LIMIT));
        }}
        ariaLabels={{
          selectionGroupLabel: 'Events to compare',
          allItemsSelectionLabel: () => 'Select the events on this page to compare',
          itemSelectionLabel: (_selection, row) =>
            `Compare ${row.original.EventName ?? 'event'} at ${formatEventTime(row.original.EventTime, 'utc')}`,
        }}
      />
    </SpaceBetween>
  );
}
