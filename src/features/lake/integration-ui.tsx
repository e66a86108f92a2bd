// What the integration pages share: a channel's destination stores as links to their pages, and the latest
// ingestion of a channel (GetChannel's IngestionStatus) as a status, and the stores a channel can deliver to.
import type { Destination, EventDataStore, IngestionStatus } from '@aws-sdk/client-cloudtrail';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
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

/** Why a store cannot be a destination (query-event-data-store-integration.html). */
export const NOT_AN_INTEGRATION_STORE =
  'This event data store does not collect events from integrations (eventCategory ActivityAuditLog).';

/** The stores an integration can deliver to, as options; the others listed disabled with the reason. */
export function integrationStoreOptions(stores: readonly EventDataStore[]) {
  return stores
    .filter((s) => s.Status !== 'PENDING_DELETION')
    .map((s) => {
      const takes = takesIntegrationEvents(s);
      return {
        value: s.EventDataStoreArn ?? '',
        label: s.Name ?? storeIdOf(s),
        description: storeIdOf(s),
        disabled: !takes,
        ...(!takes && { disabledReason: NOT_AN_INTEGRATION_STORE }),
      };
    });
}
