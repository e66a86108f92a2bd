// Refine (beyond the console): property filters on fields LookupEvents cannot filter, combined with AND
// or OR, applied over the loaded events on top of the lookup attribute, with the scan's progress and Stop.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { lazy, Suspense, useMemo } from 'react';
import { refineSuggestions, type RefineQuery } from '@/domain/refine';
import { REFINE_PLACEHOLDER } from './refine-placeholder';

// The property filter loads on demand, like the date range picker: the page works while it arrives.
const RefinePropertyFilter = lazy(() =>
  import('./refine-property-filter').then((module) => ({ default: module.RefinePropertyFilter })),
);

/** Suggestions come from the newest loaded events; more would cost time on every page without helping. */
const SUGGESTION_SAMPLE = 2_000;

export interface RefineFilterProps {
  query: RefineQuery;
  onChange: (query: RefineQuery) => void;
  loaded: readonly Event[];
  matched: number;
  scanning: boolean;
  paused: boolean;
  hasMore: boolean;
  onStop: () => void;
  onContinue: () => void;
}

const count = (n: number) => n.toLocaleString('en-US');

export function RefineFilter(props: RefineFilterProps) {
  const { query, onChange, loaded, matched, scanning, paused, hasMore, onStop, onContinue } = props;
  const sample = loaded.length > SUGGESTION_SAMPLE ? SUGGESTION_SAMPLE : loaded.length;
  const options = useMemo(() => refineSuggestions(loaded.slice(0, sample)), [loaded, sample]);
  const refining = query.tokens.length > 0;
  return (
    <SpaceBetween size="xs">
      <Suspense fallback={<Input disabled value="" placeholder={REFINE_PLACEHOLDER} />}>
        <RefinePropertyFilter
          query={query}
          onChange={onChange}
          options={options}
          matched={refining ? matched : undefined}
        />
      </Suspense>
      {refining && (
        <SpaceBetween size="xs" direction="horizontal" alignItems="center">
          {scanning ? (
            <StatusIndicator type="loading">
              {count(loaded.length)} scanned, {count(matched)} matched
            </StatusIndicator>
          ) : (
            <Box variant="span" color="text-body-secondary">
              {count(loaded.length)} scanned, {count(matched)} matched
              {hasMore ? '' : ' (all events scanned)'}
            </Box>
          )}
          {scanning && <Button onClick={onStop}>Stop</Button>}
          {paused && !scanning && <Button onClick={onContinue}>Scan more events</Button>}
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
