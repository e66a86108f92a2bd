// Lake > Event data stores > a store: its general details (with Edit) and selectors (GetEventDataStore), the
// Actions menu (ingestion, termination protection, Delete, Restore) and a way to query it. The local
// backend's built-in store says what it holds.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { lakeImportQueries } from '@/api/lake-imports';
import { lakeQueries } from '@/api/lake-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { usePublishPageLabel } from '@/components/page-label';
import { useSettings } from '@/components/settings';
import { BUILT_IN_STORE_NAME, type BillingMode } from '@/domain/lake';
import { AdvancedSelectorsTable } from './advanced-selectors-table';
import { EditGeneralDetailsModal } from './edit-general-details-modal';
import { EventDataStoreActions } from './event-data-store-actions';
import { EventDataStoreStatus, ImportStatus, LakeErrorAlert } from './lake-ui';
import { PRICING_LABELS } from './pricing';

export function EventDataStoreDetailsPage({ storeId }: { storeId: string }) {
  const { settings } = useSettings();
  const query = useQuery(lakeQueries.store(settings.region, storeId));
  const [editing, setEditing] = useState(false);
  const store = query.data;
  usePublishPageLabel(store?.Name);
  const builtIn = store?.Name === BUILT_IN_STORE_NAME;
  const pendingDeletion = store?.Status === 'PENDING_DELETION';
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          store && (
            <SpaceBetween direction="horizontal" size="xs">
              <Button href={hrefs.lakeQuery}>Query</Button>
              <EventDataStoreActions region={settings.region} storeId={storeId} store={store} />
            </SpaceBetween>
          )
        }
      >
        {store?.Name ?? storeId}
      </Header>
      <LakeErrorAlert error={query.error} />
      {builtIn && (
        <Alert type="info" header="Trailview's built-in event data store">
          It holds every event this Trailview stores — calls it served, the demo account and imported log
          files — from every Region, so you can query all of them without creating a store. It cannot be
          deleted, and its selectors cannot be changed.
        </Alert>
      )}
      {pendingDeletion && (
        <Alert type="warning" header="Pending deletion">
          This event data store is pending deletion and cannot be queried or changed. Choose Actions, Restore
          to keep it.
        </Alert>
      )}
      {query.isPending && <StatusIndicator type="loading">Loading event data store</StatusIndicator>}
      {store && (
        <SpaceBetween size="l">
          <Container
            header={
              <Header
                variant="h2"
                actions={
                  <Button
                    disabled={pendingDeletion}
                    disabledReason="The event data store is pending deletion. Restore it first."
                    onClick={() => setEditing(true)}
                  >
                    Edit
                  </Button>
                }
              >
                General details
              </Header>
            }
          >
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Name', value: store.Name },
                { label: 'Status', value: <EventDataStoreStatus status={store.Status} /> },
                { label: 'Event data store ID', value: storeId },
                { label: 'ARN', value: store.EventDataStoreArn },
                { label: 'Created', value: <EventTime value={store.CreatedTimestamp} /> },
                { label: 'Last updated', value: <EventTime value={store.UpdatedTimestamp} /> },
                {
                  label: 'Pricing option',
                  value: PRICING_LABELS[store.BillingMode as BillingMode] ?? store.BillingMode,
                },
                { label: 'Retention period', value: `${store.RetentionPeriod ?? '-'} days` },
                {
                  label: 'Termination protection',
                  value: store.TerminationProtectionEnabled ? 'Enabled' : 'Disabled',
                },
                { label: 'Multi-Region', value: store.MultiRegionEnabled ? 'Yes' : 'No' },
                { label: 'Organization', value: store.OrganizationEnabled ? 'Yes' : 'No' },
              ]}
            />
          </Container>
          <AdvancedSelectorsTable
            selectors={store.AdvancedEventSelectors ?? []}
            header={<Header variant="h2">Advanced event selectors</Header>}
            empty="No selectors: the store holds every event."
          />
          {store.EventDataStoreArn && <TrailEventCopies storeArn={store.EventDataStoreArn} />}
          {editing && (
            <EditGeneralDetailsModal
              region={settings.region}
              storeId={storeId}
              store={store}
              onDismiss={() => setEditing(false)}
            />
          )}
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}

const number = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');

/** The copies of trail events into the store (StartImport from a trail's page), newest first. */
function TrailEventCopies({ storeArn }: { storeArn: string }) {
  const { settings } = useSettings();
  const query = useQuery(lakeImportQueries.ofStore(settings.region, storeArn));
  return (
    <Table
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${query.data.length})` : undefined}
          description="Events copied from trails' log files (Copy events to Lake on the Trails page)."
        >
          Copied trail events
        </Header>
      }
      items={query.data ?? []}
      trackBy={(i) => i.ImportId ?? ''}
      // Seven columns in the page's width at 1280 px: the ID and the location wrap.
      wrapLines
      loading={query.isPending}
      loadingText="Loading copies"
      empty={<Box textAlign="center">No trail events were copied to this event data store.</Box>}
      columnDefinitions={[
        { id: 'id', header: 'Import ID', cell: (i) => i.ImportId, isRowHeader: true },
        {
          id: 'status',
          header: 'Status',
          minWidth: 160,
          cell: (i) => <ImportStatus status={i.ImportStatus} />,
        },
        {
          id: 'source',
          header: 'S3 location',
          cell: (i) => i.ImportSource?.S3?.S3LocationUri ?? '-',
        },
        { id: 'started', header: 'Started', cell: (i) => <EventTime value={i.CreatedTimestamp} /> },
        { id: 'files', header: 'Files copied', cell: (i) => number(i.ImportStatistics?.FilesCompleted) },
        { id: 'events', header: 'Events copied', cell: (i) => number(i.ImportStatistics?.EventsCompleted) },
        { id: 'failed', header: 'Failed entries', cell: (i) => number(i.ImportStatistics?.FailedEntries) },
      ]}
    />
  );
}
