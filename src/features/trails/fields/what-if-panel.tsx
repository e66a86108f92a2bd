// The trail what-if beside the event selectors of the Create trail wizard and the edit pages: how many of
// the last WHAT_IF_DAYS days' stored events of this Region the selection on screen would have delivered,
// and the event names it drops. The server (or the demo's service worker) decides with the delivery's own
// selection function (api/what-if-queries.ts); the form asks again a moment after the last change.
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { backendQueries } from '@/api/backend';
import { hasInvestigations } from '@/api/investigation-queries';
import { whatIfQueries } from '@/api/what-if-queries';
import { WHAT_IF_DAYS, WHAT_IF_TOP_NAMES, type SelectingTrail } from '@/domain/trail-selection';
import { formSelectors, insightSelectors } from '../form/selector-mapping';
import type { TrailFormValues } from '../form/trail-form-values';

const DEBOUNCE_MS = 400;
export const WHAT_IF_TITLE = `Events this selection would have delivered (last ${WHAT_IF_DAYS} days)`;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface WhatIfPanelProps {
  /** The console's Region: its events are the ones counted, and a new trail's home. */
  region: string;
  multiRegion: boolean;
  globalServiceEvents: boolean;
}

export function WhatIfPanel(props: WhatIfPanelProps) {
  const mode = useQuery(backendQueries.info()).data?.mode;
  return (
    <ExpandableSection variant="container" defaultExpanded headerText={WHAT_IF_TITLE}>
      {mode === undefined ? (
        <StatusIndicator type="loading">Loading</StatusIndicator>
      ) : hasInvestigations(mode) ? (
        <Estimate {...props} />
      ) : (
        <Box color="text-body-secondary">
          The estimate reads Trailview&apos;s own store of events: it needs the local or demo backend.
        </Box>
      )}
    </ExpandableSection>
  );
}

function Estimate({ region, multiRegion, globalServiceEvents }: WhatIfPanelProps) {
  const { control, getValues } = useFormContext<TrailFormValues>();
  // Any change of the form renders again; the selection is read whole from the form's values.
  useWatch({ control });
  const values = getValues();
  const selection: SelectingTrail = {
    HomeRegion: region,
    IsMultiRegionTrail: multiRegion,
    IncludeGlobalServiceEvents: globalServiceEvents,
    advancedEventSelectors: formSelectors(values),
    insightSelectors: insightSelectors(values),
  };
  const json = useDebounced(JSON.stringify(selection), DEBOUNCE_MS);
  const query = useQuery(whatIfQueries.selection(region, json));

  if (query.isPending) return <StatusIndicator type="loading">Counting events</StatusIndicator>;
  if (query.isError) return <StatusIndicator type="error">{query.error.message}</StatusIndicator>;
  const { selected, total, dropped, droppedNames } = query.data;
  const droppedEvents = total - selected;
  return (
    <SpaceBetween size="s">
      <div role="status" aria-live="polite" aria-label="What-if estimate">
        <SpaceBetween size="xxs">
          <Box variant="awsui-value-large">{`${selected.toLocaleString('en-US')} `}</Box>
          <Box>{`of ${total.toLocaleString('en-US')} events in ${region} would have been delivered.`}</Box>
          {query.isFetching || query.isPlaceholderData ? (
            <StatusIndicator type="loading">Updating</StatusIndicator>
          ) : total === 0 ? (
            <StatusIndicator type="info">No events were stored in these days.</StatusIndicator>
          ) : droppedEvents === 0 ? (
            <StatusIndicator type="success">Delivers every event</StatusIndicator>
          ) : (
            <StatusIndicator type="warning">
              {`Drops ${droppedEvents.toLocaleString('en-US')} events of ${droppedNames} event ${droppedNames === 1 ? 'name' : 'names'}`}
            </StatusIndicator>
          )}
        </SpaceBetween>
      </div>
      {dropped.length > 0 && (
        <Table
          variant="embedded"
          wrapLines
          ariaLabels={{ tableLabel: 'Event names this selection drops' }}
          header={
            <Box variant="h4">
              {droppedNames > WHAT_IF_TOP_NAMES
                ? `Event names it drops (top ${WHAT_IF_TOP_NAMES} of ${droppedNames})`
                : 'Event names it drops'}
            </Box>
          }
          items={dropped}
          trackBy="eventName"
          columnDefinitions={[
            { id: 'eventName', header: 'Event name', cell: (item) => item.eventName },
            {
              id: 'count',
              header: 'Dropped events',
              cell: (item) => item.count.toLocaleString('en-US'),
            },
          ]}
        />
      )}
    </SpaceBetween>
  );
}
