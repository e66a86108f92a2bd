// "Events over time": the histogram of the loaded (and refined) events. Recharts is loaded only when the
// section is open (React.lazy), which keeps it out of the JavaScript #/events loads first.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useMemo } from 'react';
import type { TimeDisplay } from '@/components/format-time';
import { eventFields } from '@/domain/event-fields';
import { histogramSeries } from './histogram-series';
import type { TimeRange } from './time-range';

const EventHistogram = lazy(() =>
  import('./event-histogram').then((module) => ({ default: module.EventHistogram })),
);

export interface EventsOverTimeProps {
  events: readonly Event[];
  range: TimeRange | undefined;
  timeDisplay: TimeDisplay;
  onSelectRange: (start: number, end: number) => void;
  expanded: boolean;
  onExpandedChange: (expanded: boolean) => void;
}

export function EventsOverTime(props: EventsOverTimeProps) {
  const { events, range, timeDisplay, onSelectRange, expanded, onExpandedChange } = props;
  const buckets = useMemo(() => {
    if (!expanded) return [];
    const times = events.map((event) => eventFields(event).time);
    return range?.type === 'absolute'
      ? histogramSeries(times, Date.parse(range.start), Date.parse(range.end))
      : histogramSeries(times);
  }, [events, range, expanded]);
  const description = `${events.length.toLocaleString('en-US')} loaded events, newest first. Loading more pages extends the chart.`;
  return (
    <ExpandableSection
      variant="footer"
      headerText="Events over time"
      headerDescription={description}
      expanded={expanded}
      onChange={({ detail }) => onExpandedChange(detail.expanded)}
    >
      {!expanded ? null : buckets.length === 0 ? (
        <Box color="text-body-secondary">No events to chart.</Box>
      ) : (
        <Suspense fallback={<Spinner />}>
          <EventHistogram
            buckets={buckets}
            timeDisplay={timeDisplay}
            onSelectRange={onSelectRange}
            ariaLabel="Events over time"
            ariaDescription="Each bar counts the loaded events in its time span."
          />
        </Suspense>
      )}
    </ExpandableSection>
  );
}
