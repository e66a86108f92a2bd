// What the integration pages share: a channel's destination stores as links to their pages, and the latest
// ingestion of a channel (GetChannel's IngestionStatus) as a status, and the stores a channel can deliver to.
import type { Destination, EventDataStore, IngestionStatus } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { takesIntegrationEvents } from '@/api/channel-queries';
import { storeIdOf } from '@/api/lake-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';

/** Destination types as the console words them; the API's value otherwise. */
export const DESTINATION_TYPE_LABELS: Readonly<Record<string, string>> = {
  EVENT_DATA_STORE: 'Event data store',
  AWS_SERVICE: 'AWS service',
};

export function DestinationStores({
  destinations,
  stores,
}: {
  destinations: readonly Destination[] | undefined;
  stores: readonly EventDataStore[];
}) {
  const follow = useFollow();
  if (!destinations?.length) return <>-</>;
  return (
    <SpaceBetween size="xxs">
      {destinations.map((d) => {
        const store = stores.find((s) => s.EventDataStoreArn === d.Location);
        if (d.Type !== 'EVENT_DATA_STORE' || !d.Location) return <span key={d.Location}>{d.Location}</span>;
        const id = store ? storeIdOf(store) : (d.Location.split('/').pop() ?? '');
        return (
          <Link key={d.Location} href={hrefs.eventDataStore(id)} onFollow={follow}>
            {store?.Name ?? id}
          </Link>
        );
      })}
    </SpaceBetween>
  );
}

/** The latest PutAuditEvents on the channel: none yet, the latest failure's code, or its success time. */
export function IngestionSummary({ status }: { status: IngestionStatus | undefined }) {
  const attempt = status?.LatestIngestionAttemptTime;
  const success = status?.LatestIngestionSuccessTime;
  if (!attempt) return <StatusIndicator type="pending">No events received</StatusIndicator>;
  const failedLast = !!status?.LatestIngestionErrorCode && (!success || success < attempt);
  if (failedLast) {
    return <StatusIndicator type="error">Failed: {status?.LatestIngestionErrorCode}</StatusIndicator>;
  }
  return (
    <StatusIndicator type="success">
      Ingested <EventTime value={success} />
    </StatusIndicator>
  );
}

/**
 * Why a store cannot be a destination, in the Integration events column: its selectors do not choose
 * eventCategory ActivityAuditLog (query-event-data-store-integration.html).
 */
export const NOT_AN_INTEGRATION_STORE = 'Not collected';

/**
 * The stores an integration can deliver to, chosen by their rows; a store whose selectors do not choose
 * eventCategory ActivityAuditLog is listed with its row disabled and the reason. (A table rather than a
 * multiselect: the table is already loaded with the console's first page.)
 */
export function DestinationStorePicker({
  stores,
  loading,
  chosen,
  onChange,
}: {
  stores: readonly EventDataStore[];
  loading: boolean;
  chosen: readonly string[];
  onChange: (arns: string[]) => void;
}) {
  const items = stores.filter((s) => s.Status !== 'PENDING_DELETION');
  return (
    <Table<EventDataStore>
      variant="embedded"
      // The reason wraps rather than widening the table past a modal's width.
      wrapLines
      ariaLabels={{
        tableLabel: 'Event data stores',
        selectionGroupLabel: 'Event data stores',
        itemSelectionLabel: (_, s) => s.Name ?? storeIdOf(s),
        allItemsSelectionLabel: () => 'All event data stores',
      }}
      selectionType="multi"
      selectedItems={items.filter((s) => chosen.includes(s.EventDataStoreArn ?? ''))}
      onSelectionChange={({ detail }) => onChange(detail.selectedItems.map((s) => s.EventDataStoreArn ?? ''))}
      isItemDisabled={(s) => !takesIntegrationEvents(s)}
      trackBy={(s) => s.EventDataStoreArn ?? ''}
      items={items}
      loading={loading}
      loadingText="Loading event data stores"
      empty={<Box textAlign="center">No event data stores</Box>}
      columnDefinitions={[
        { id: 'name', header: 'Name', isRowHeader: true, cell: (s) => s.Name },
        { id: 'id', header: 'Event data store ID', cell: (s) => storeIdOf(s) },
        {
          id: 'integration',
          header: 'Integration events',
          cell: (s) =>
            takesIntegrationEvents(s) ? (
              <StatusIndicator type="success">Collected</StatusIndicator>
            ) : (
              <StatusIndicator type="stopped">{NOT_AN_INTEGRATION_STORE}</StatusIndicator>
            ),
        },
      ]}
    />
  );
}
