// Lake > Event data stores > a store: its general details and selectors (GetEventDataStore), with Stop and
// Start ingestion and a way to query it. The local backend's built-in store says what it holds.
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lakeImportQueries } from '@/api/lake-imports';
import { lakeQueries, setEventDataStoreIngestion } from '@/api/lake-queries';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import { BUILT_IN_STORE_NAME } from '@/domain/lake';
import { EventDataStoreStatus, ImportStatus, LakeErrorAlert } from './lake-ui';
import { EventTime } from '@/components/event-time';

const PRICING: Record<string, string> = {
  EXTENDABLE_RETENTION_PRICING: 'One-year extendable retention pricing',
  FIXED_RETENTION_PRICING: 'Seven-year retention pricing',
};

/** One row per field condition of the store's advanced event selectors. */
function selectorRows(selectors: readonly AdvancedEventSelector[]) {
  return selectors.flatMap((selector, s) =>
    (selector.FieldSelectors ?? []).map((field, f) => {
      const conditions = (
        ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'] as const
      )
        .filter((op) => field[op]?.length)
        .map((op) => `${op} ${field[op]!.join(', ')}`);
      return {
        key: `${s}-${f}`,
        selector: selector.Name ?? `Selector ${s + 1}`,
        field: field.Field,
        conditions,
      };
    }),
  );
}

export function EventDataStoreDetailsPage({ storeId }: { storeId: string }) {
  const { settings } = useSettings();
  const client = useQueryClient();
  const query = useQuery(lakeQueries.store(settings.region, storeId));
  const ingestion = useMutation({
    mutationFn: (ingest: boolean) => setEventDataStoreIngestion(settings.region, storeId, ingest),
    onSettled: () => client.invalidateQueries({ queryKey: lakeQueries.all() }),
  });
  const store = query.data;
  const builtIn = store?.Name === BUILT_IN_STORE_NAME;
  const stopped = store?.Status === 'STOPPED_INGESTION';
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          store && (
            <SpaceBetween direction="horizontal" size="xs">
              <Button href={hrefs.lakeQuery}>Query</Button>
              <Button
                loading={ingestion.isPending}
                disabled={store.Status !== 'ENABLED' && !stopped}
                onClick={() => ingestion.mutate(stopped)}
              >
                {stopped ? 'Start ingestion' : 'Stop ingestion'}
              </Button>
            </SpaceBetween>
          )
        }
      >
        {store?.Name ?? storeId}
      </Header>
      <LakeErrorAlert error={query.error ?? ingestion.error} />
      {builtIn && (
        <Alert type="info" header="Trailview's built-in event data store">
          It holds every event this Trailview stores — calls it served, the demo account and imported log
          files — from every Region, so you can query all of them without creating a store.
        </Alert>
      )}
      {query.isPending && <StatusIndicator type="loading">Loading event data store</StatusIndicator>}
      {store && (
        <>
          <Container header={<Header variant="h2">General details</Header>}>
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Name', value: store.Name },
                { label: 'Status', value: <EventDataStoreStatus status={store.Status} /> },
                { label: 'Event data store ID', value: storeId },
                { label: 'ARN', value: store.EventDataStoreArn },
                { label: 'Created', value: <EventTime value={store.CreatedTimestamp} /> },
                { label: 'Last updated', value: <EventTime value={store.UpdatedTimestamp} /> },
                { label: 'Pricing option', value: PRICING[store.BillingMode ?? ''] ?? store.BillingMode },
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
          <Table
            header={<Header variant="h2">Advanced event selectors</Header>}
            items={selectorRows(store.AdvancedEventSelectors ?? [])}
            trackBy="key"
            empty={<Box textAlign="center">No selectors: the store holds every event.</Box>}
            columnDefinitions={[
              { id: 'selector', header: 'Selector', cell: (r) => r.selector },
              { id: 'field', header: 'Field', cell: (r) => r.field },
              { id: 'conditions', header: 'Conditions', cell: (r) => r.conditions.join('; ') },
            ]}
          />
          {store.EventDataStoreArn && <TrailEventCopies storeArn={store.EventDataStoreArn} />}
        </>
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
