// "Events over time": in the local backend, the server's count of every event in the selected range and
// filter (trailview/event-counts), so "Last 1 day" charts the whole day; elsewhere (demo with Refine, aws
// mode) the histogram of the loaded events, labelled as such, with an offer to load the whole range.
// Recharts is loaded only when the section is open (React.lazy), which keeps it out of the first chunk.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { backendQueries } from '@/api/backend';
import type { EventFilter } from '@/api/event-queries';
import { eventStatsQueries } from '@/api/event-stats-queries';
import type { TimeDisplay } from '@/components/format-time';
import { eventFields } from '@/domain/event-fields';
import { EVENT_HISTORY_DAYS } from '@/domain/lookup-attributes';
import { bucketLayout, countedBuckets, histogramSeries } from './histogram-series';

const EventHistogram = lazy(() =>
  import('./event-histogram').then((module) => ({ default: module.EventHistogram })),
);

export interface EventsOverTimeProps {
  events: readonly Event[];
  /** The LookupEvents filter of the page, and the instant its relative range counts back from. */
  filter: EventFilter;
  anchor: number;
  /** Refine narrows the loaded events on the client: the server's counts would not match it. */
  refining: boolean;
  /** More pages of the range can be loaded, and whether they are being loaded now. */
  hasMore: boolean;
  loadingAll: boolean;
  onLoadAll: (load: boolean) => void;
  timeDisplay: TimeDisplay;
  onSelectRange: (start: number, end: number) => void;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
}

const count = (n: number) => n.toLocaleString('en-US');

// Opening or closing the chart mounts a new Event history table, and this section with it
// (event-results-view.tsx): the section's toggle gets the focus back.
let toggledAt = -Infinity;
const REFOCUS_MS = 1000;

export function EventsOverTime(props: EventsOverTimeProps) {
  const { events, filter, anchor, refining, timeDisplay, onSelectRange, expanded, onExpandedChange } = props;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (performance.now() - toggledAt > REFOCUS_MS) return;
    toggledAt = -Infinity;
    root.current?.querySelector<HTMLElement>('[aria-expanded]')?.focus();
  }, []);
  const local = useQuery(backendQueries.info()).data?.mode === 'local';
  const from = filter.startTime ? Date.parse(filter.startTime) : anchor - EVENT_HISTORY_DAYS * 86_400_000;
  const to = filter.endTime ? Date.parse(filter.endTime) : anchor;
  const layout = useMemo(() => bucketLayout(from, to), [from, to]);
  const useCounts = local && !refining;
  const counts = useQuery({
    ...eventStatsQueries.counts({
      region: filter.region,
      start: layout.first,
      width: layout.width,
      buckets: layout.count,
      attribute: filter.attribute,
    }),
    enabled: expanded && useCounts,
  });

  const loadedBuckets = useMemo(() => {
    if (!expanded || useCounts) return [];
    const times = events.map((event) => eventFields(event).time);
    return filter.endTime ? histogramSeries(times, from, to) : histogramSeries(times);
  }, [events, expanded, useCounts, filter.endTime, from, to]);
  const buckets = useCounts ? (counts.data ? countedBuckets(layout, counts.data.counts) : []) : loadedBuckets;
  const total = useCounts ? buckets.reduce((sum, bucket) => sum + bucket.count, 0) : events.length;

  // Collapsed, the counts are not asked for: no number until the section opens.
  const description = useCounts
    ? counts.data
      ? `All ${count(total)} events in the time range, counted by the server.`
      : 'All events in the time range, counted by the server.'
    : `The ${count(events.length)} loaded events, newest first${props.hasMore ? '; the time range holds more' : ''}.`;
  let body;
  if (!expanded) body = null;
  else if (useCounts && counts.isPending) body = <Spinner />;
  else if (useCounts && counts.isError) body = <Box color="text-status-error">{counts.error.message}</Box>;
  else if (total === 0) body = <Box color="text-body-secondary">No events to chart.</Box>;
  else
    body = (
      <Suspense fallback={<Spinner />}>
        <EventHistogram
          buckets={buckets}
          timeDisplay={timeDisplay}
          onSelectRange={onSelectRange}
          ariaLabel="Events over time"
          ariaDescription={
            useCounts
              ? 'Each bar counts the events of its time span.'
              : 'Each bar counts the loaded events of its time span.'
          }
        />
      </Suspense>
    );
  return (
    <div ref={root}>
      <ExpandableSection
        variant="footer"
        headerText="Events over time"
        headerDescription={description}
        expanded={expanded}
        onChange={({ detail }) => {
          toggledAt = performance.now();
          onExpandedChange(detail.expanded);
        }}
      >
        <SpaceBetween size="xs">
          {body}
          {expanded && !useCounts && (props.hasMore || props.loadingAll) && (
            <Button onClick={() => props.onLoadAll(!props.loadingAll)}>
              {props.loadingAll ? 'Stop loading' : 'Load all events in the time range'}
            </Button>
          )}
        </SpaceBetween>
      </ExpandableSection>
    </div>
  );
}
