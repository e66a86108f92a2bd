// Event history (docs/cloudtrail-facts.md#event-history-console): the Region's management events of the last 90 days, 50 per LookupEvents
// call, with the console's default filter "Read-only = false". Filter, time range, Refine, page and view
// live in the URL (search-params.ts), so links can be shared and Back works.
import type { Event } from '@aws-sdk/client-cloudtrail';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import type { EventFilter } from '@/api/event-queries';
import { useSettings } from '@/components/settings';
import type { LookupAttributeKey } from '@/domain/lookup-attributes';
import type { RefineQuery } from '@/domain/refine';
import { EVENT_COLUMN_IDS, EVENT_COLUMNS } from './columns';
import { CompareEvents } from './compare-events';
import { EventHistoryHeader } from './event-history-header';
import { EventResultsView } from './event-results-view';
import { EventsOverTime } from './events-over-time';
import { LookupFilter } from './lookup-filter';
import { usePreferences } from './preferences';
import { RefineFilter } from './refine-filter';
import {
  DEFAULT_ATTRIBUTE,
  NO_ATTRIBUTE,
  parseEventsSearch,
  toEventsView,
  type EventsSearch,
} from './search-params';
import { ThrottleNotice } from './throttle-notice';
import { formatTimeRange, timeRangeBounds, type TimeRange } from './time-range';
import { useEventResults } from './use-event-results';
import { isoSeconds } from '@/domain/iso-time';

/** Rows the scroll view asks for beyond what it shows. */
const SCROLL_BATCH = 500;

export function EventHistoryPage() {
  const { settings } = useSettings();
  // A new Region starts again from the newest events.
  return <EventHistory key={settings.region} region={settings.region} />;
}

function EventHistory({ region }: { region: string }) {
  const { settings } = useSettings();
  const search = parseEventsSearch(useSearch({ strict: false }));
  const view = toEventsView(search);
  const navigate = useNavigate();
  const [preferences, setPreferences] = usePreferences();
  // Relative ranges count back from when they were chosen (or refreshed), so the query key stays put.
  const [anchor, setAnchor] = useState(() => Date.now());
  const [scrollWanted, setScrollWanted] = useState(SCROLL_BATCH);
  const [selected, setSelected] = useState<Event[]>([]);
  // "Load all events in the time range" (Events over time without server counts): pages load until the end.
  const [loadingAll, setLoadingAll] = useState(false);

  const update = useCallback(
    (patch: Partial<Record<keyof EventsSearch, unknown>>) =>
      void navigate({
        to: '/events',
        search: (previous: EventsSearch) => parseEventsSearch({ ...previous, ...patch }),
      }),
    [navigate],
  );

  const filter: EventFilter = { region, attribute: view.attribute, ...timeRangeBounds(view.range, anchor) };
  const pageSize = preferences.pageSize;
  const wanted = loadingAll ? Infinity : view.view === 'scroll' ? scrollWanted : view.page * pageSize;
  // With Read-only = false (the default filter) there are no reads to hide.
  const hidingReads =
    preferences.hideConsoleReads && !(view.attribute?.key === 'ReadOnly' && view.attribute.value === 'false');
  const results = useEventResults(filter, view.refine, wanted, hidingReads);
  const { query, matched } = results;
  // The last API page can come back short: a page past the end steps back to the last one with rows.
  const lastPage = Math.max(1, Math.ceil(matched.length / pageSize));
  const page = !query.hasNextPage && !query.isFetching && view.page > lastPage ? lastPage : view.page;

  // TanStack builds a row object for every item of its data: over 100,000 loaded events that was most of
  // a Refine keystroke (`npm run bench`, ui.refine_100k_ms). The table gets the page it shows; the scroll
  // view makes rows for the events in view (event-scroll-view.tsx).
  const pageEvents = useMemo(
    () => (view.view === 'table' ? matched.slice((page - 1) * pageSize, page * pageSize) : []),
    [matched, page, pageSize, view.view],
  );
  const table = useReactTable({
    data: pageEvents,
    columns: EVENT_COLUMNS[settings.timeDisplay],
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    rowCount: matched.length,
    getRowId: (event, index) => event.EventId ?? `row-${index}`,
    state: {
      pagination: { pageIndex: page - 1, pageSize },
      columnVisibility: Object.fromEntries(
        EVENT_COLUMN_IDS.map((id) => [id, preferences.visibleColumns.includes(id)]),
      ),
    },
  });

  const onAttributeChange = (key: LookupAttributeKey | undefined, value?: string) => {
    if (!key) return update({ attr: NO_ATTRIBUTE, value: undefined, page: undefined });
    const isDefault = key === DEFAULT_ATTRIBUTE.key && value === DEFAULT_ATTRIBUTE.value;
    update({ attr: isDefault ? undefined : key, value: isDefault ? undefined : value, page: undefined });
  };
  const onRangeChange = (range: TimeRange | undefined) => {
    setAnchor(Date.now());
    update({ range: range && formatTimeRange(range), page: undefined });
  };
  const onRefineChange = (refine: RefineQuery) =>
    update({ refine: refine.tokens.length ? refine : undefined, page: undefined });
  const onNearEnd = useCallback(() => setScrollWanted(matched.length + SCROLL_BATCH), [matched.length]);

  const counter = query.data ? `(${matched.length}${query.hasNextPage ? '+' : ''})` : undefined;
  const header = (
    <EventHistoryHeader
      counter={counter}
      region={region}
      filter={filter}
      refine={view.refine}
      view={view.view}
      refreshing={query.isRefetching}
      onRefresh={() => {
        update({ page: undefined });
        // A relative range counts back from a new "now" (a new query); otherwise load the same one again.
        if (view.range?.type === 'relative') setAnchor(Date.now());
        else void query.refetch();
      }}
      onViewChange={(next) => update({ view: next === 'scroll' ? 'scroll' : undefined })}
    />
  );
  const filters = (
    <SpaceBetween size="s">
      <LookupFilter
        view={view}
        timeDisplay={settings.timeDisplay}
        onAttributeChange={onAttributeChange}
        onRangeChange={onRangeChange}
      />
      <RefineFilter
        query={view.refine}
        onChange={onRefineChange}
        loaded={results.loaded}
        matched={matched.length}
        scanning={results.scanning}
        paused={results.paused}
        hasMore={query.hasNextPage}
        onStop={results.stop}
        onContinue={results.continueScan}
      />
      <Toggle
        checked={preferences.hideConsoleReads}
        onChange={({ detail }) => setPreferences({ ...preferences, hideConsoleReads: detail.checked })}
        description="Read calls this console makes (LookupEvents and others) are recorded like any other call."
      >
        Hide the console's own read calls
      </Toggle>
      <EventsOverTime
        events={matched}
        filter={filter}
        anchor={anchor}
        // The server's counts include the console's reads.
        refining={results.refining || hidingReads}
        hasMore={query.hasNextPage}
        loadingAll={loadingAll && query.hasNextPage}
        onLoadAll={setLoadingAll}
        timeDisplay={settings.timeDisplay}
        onSelectRange={(start, end) =>
          onRangeChange({ type: 'absolute', start: isoSeconds(start), end: isoSeconds(end) })
        }
        expanded={preferences.showChart}
        onExpandedChange={(showChart) => setPreferences({ ...preferences, showChart })}
      />
    </SpaceBetween>
  );

  return (
    <SpaceBetween size="m">
      <ThrottleNotice
        failureCount={query.failureCount}
        failureReason={query.failureReason}
        isFetching={query.isFetching}
      />
      <EventResultsView
        region={region}
        table={table}
        results={results}
        view={view}
        page={page}
        header={header}
        filters={filters}
        preferences={preferences}
        onPreferencesChange={setPreferences}
        onPageChange={(page) => update({ page: page > 1 ? page : undefined })}
        onClearRefine={() => onRefineChange({ operation: 'and', tokens: [] })}
        onNearEnd={onNearEnd}
        selected={selected}
        onSelectionChange={setSelected}
      />
      {selected.length > 0 && <CompareEvents events={selected} onClear={() => setSelected([])} />}
    </SpaceBetween>
  );
}
