// The page header: title with the count of events, Refresh, the view switch and Download events.
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { lazy, Suspense, useState } from 'react';
import type { EventFilter } from '@/api/event-queries';
import { regionName } from '@/components/regions';
import type { RefineQuery } from '@/domain/refine';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';

// Rendered at once but loaded after the first render (a disabled stand-in meanwhile): the download's
// progress modal and export formats stay out of the page's first load.
const DownloadButton = lazy(() => import('./download-button').then((m) => ({ default: m.DownloadButton })));

// Loaded when the user opens it: the modal and its statement builder stay out of the page's first load.
const AthenaTableModal = lazy(() =>
  import('./athena-table-modal').then((m) => ({ default: m.AthenaTableModal })),
);

export interface EventHistoryHeaderProps {
  counter: string | undefined;
  region: string;
  filter: EventFilter;
  refine: RefineQuery;
  view: 'table' | 'scroll';
  refreshing: boolean;
  onRefresh: () => void;
  onViewChange: (view: 'table' | 'scroll') => void;
}

export function EventHistoryHeader(props: EventHistoryHeaderProps) {
  const { counter, region, filter, refine, view, refreshing, onRefresh, onViewChange } = props;
  const [athena, setAthena] = useState(false);
  return (
    <>
      <Header
        variant="h1"
        counter={counter}
        description={`Management events of the last 90 days in ${regionName(region)}.`}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="refresh" ariaLabel="Refresh events" loading={refreshing} onClick={onRefresh} />
            <SegmentedControl
              label="View"
              selectedId={view}
              options={[
                { id: 'table', text: 'Table' },
                { id: 'scroll', text: 'Scroll all' },
              ]}
              onChange={({ detail }) => onViewChange(detail.selectedId === 'scroll' ? 'scroll' : 'table')}
            />
            <Button onClick={() => setAthena(true)}>Create Athena table</Button>
            <Suspense
              fallback={
                <ButtonDropdown items={[]} disabled>
                  Download events
                </ButtonDropdown>
              }
            >
              <DownloadButton filter={filter} refine={refine} />
            </Suspense>
          </SpaceBetween>
        }
      >
        Event history
      </Header>
      {athena && (
        <Suspense fallback={null}>
          <AthenaTableModal region={region} onDismiss={() => setAthena(false)} />
        </Suspense>
      )}
    </>
  );
}
