// Lake > Event data stores: the stores of this Region (the local backend's built-in store of every event
// among them), with Create event data store opening the wizard (#/lake/event-data-stores/create).
import type { EventDataStore } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { lakeQueries, storeIdOf } from '@/api/lake-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';
import { EventDataStoreStatus, LakeAvailabilityNotice, LakeErrorAlert } from './lake-ui';

export function EventDataStoresPage() {
  const { settings } = useSettings();
  const follow = useFollow();
  const query = useQuery(lakeQueries.stores(settings.region));
  return (
    <SpaceBetween size="m">
      <LakeAvailabilityNotice />
      <LakeErrorAlert error={query.error} />
      <Table<EventDataStore>
        variant="full-page"
        // Widths that fit a 1280 px window with the navigation open, Created on one line; the store ID wraps
        // at its hyphens.
        wrapLines
        resizableColumns
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${query.data.length})` : undefined}
            description="An event data store keeps the events its selectors choose, for its retention period, to be queried with SQL."
            actions={
              <Button variant="primary" href={hrefs.createEventDataStore} onFollow={follow}>
                Create event data store
              </Button>
            }
          >
            Event data stores
          </Header>
        }
        items={query.data ?? []}
        loading={query.isPending}
        loadingText="Loading event data stores"
        trackBy={(s) => s.EventDataStoreArn ?? ''}
        empty={<Box textAlign="center">No event data stores</Box>}
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            width: 135,
            isRowHeader: true,
            cell: (s) => (
              <Link href={hrefs.eventDataStore(storeIdOf(s))} onFollow={follow}>
                {s.Name}
              </Link>
            ),
          },
          { id: 'id', header: 'Event data store ID', width: 160, cell: (s) => storeIdOf(s) },
          {
            id: 'status',
            header: 'Status',
            width: 120,
            cell: (s) => <EventDataStoreStatus status={s.Status} />,
          },
          {
            id: 'protection',
            header: 'Termination protection',
            width: 130,
            cell: (s) => (s.TerminationProtectionEnabled ? 'Enabled' : 'Disabled'),
          },
          {
            id: 'retention',
            header: 'Retention period',
            width: 110,
            cell: (s) => `${s.RetentionPeriod ?? '-'} days`,
          },
          {
            id: 'region',
            header: 'Multi-Region',
            width: 90,
            cell: (s) => (s.MultiRegionEnabled ? 'Yes' : 'No'),
          },
          {
            id: 'created',
            header: 'Created',
            // Day and time on one line: in a narrower cell the wrapping table broke "(UTC)" in two.
            minWidth: 200,
            cell: (s) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <EventTime value={s.CreatedTimestamp} />
              </span>
            ),
          },
        ]}
      />
    </SpaceBetween>
  );
}
