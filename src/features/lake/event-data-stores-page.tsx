// Lake > Event data stores: the stores of this Region (the local backend's built-in store of every event
// among them) and a form to create one for management events, with the Lake API's own limits.
import type { EventDataStore } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createEventDataStore, lakeQueries, storeIdOf } from '@/api/lake-queries';
import { eventDataStoreNameError, RETENTION_BY_BILLING, retentionPeriodError } from '@/domain/lake';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import { EventDataStoreStatus, LakeAvailabilityNotice, LakeErrorAlert, ModalActions } from './lake-ui';
import { EventTime } from '@/components/event-time';

export function EventDataStoresPage() {
  const { settings } = useSettings();
  const query = useQuery(lakeQueries.stores(settings.region));
  const [creating, setCreating] = useState(false);
  return (
    <SpaceBetween size="m">
      <LakeAvailabilityNotice />
      <LakeErrorAlert error={query.error} />
      <Table<EventDataStore>
        variant="full-page"
        // Widths that fit a 1280 px window with the navigation open; the store ID wraps at its hyphens.
        wrapLines
        resizableColumns
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${query.data.length})` : undefined}
            description="An event data store keeps the events its selectors choose, for its retention period, to be queried with SQL."
            actions={
              <Button variant="primary" onClick={() => setCreating(true)}>
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
            width: 160,
            isRowHeader: true,
            cell: (s) => <Link href={hrefs.eventDataStore(storeIdOf(s))}>{s.Name}</Link>,
          },
          { id: 'id', header: 'Event data store ID', width: 190, cell: (s) => storeIdOf(s) },
          {
            id: 'status',
            header: 'Status',
            width: 130,
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
            width: 120,
            cell: (s) => `${s.RetentionPeriod ?? '-'} days`,
          },
          {
            id: 'region',
            header: 'Multi-Region',
            width: 100,
            cell: (s) => (s.MultiRegionEnabled ? 'Yes' : 'No'),
          },
          { id: 'created', header: 'Created', cell: (s) => <EventTime value={s.CreatedTimestamp} /> },
        ]}
      />
      {creating && <CreateStoreModal region={settings.region} onDismiss={() => setCreating(false)} />}
    </SpaceBetween>
  );
}

function CreateStoreModal({ region, onDismiss }: { region: string; onDismiss: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [retention, setRetention] = useState(
    String(RETENTION_BY_BILLING.EXTENDABLE_RETENTION_PRICING.default),
  );
  const [protection, setProtection] = useState(true);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createEventDataStore(region, {
        Name: name,
        RetentionPeriod: Number(retention),
        TerminationProtectionEnabled: protection,
        AdvancedEventSelectors: [
          { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        ],
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: lakeQueries.all() });
      onDismiss();
    },
  });
  const nameError = tried ? eventDataStoreNameError(name) : undefined;
  const retentionError = tried
    ? retentionPeriodError(Number(retention), 'EXTENDABLE_RETENTION_PRICING')
    : undefined;
  const submit = () => {
    setTried(true);
    if (
      !eventDataStoreNameError(name) &&
      !retentionPeriodError(Number(retention), 'EXTENDABLE_RETENTION_PRICING')
    ) {
      create.mutate();
    }
  };
  return (
    <Modal
      visible
      header="Create event data store"
      onDismiss={onDismiss}
      footer={
        <ModalActions
          primary="Create event data store"
          pending={create.isPending}
          onCancel={onDismiss}
          onPrimary={submit}
        />
      }
    >
      <SpaceBetween size="m">
        <FormField
          label="Event data store name"
          errorText={nameError}
          constraintText="3-128 characters: letters, numbers, periods, underscores and hyphens."
        >
          <Input value={name} onChange={({ detail }) => setName(detail.value)} />
        </FormField>
        <FormField
          label="Retention period (days)"
          errorText={retentionError}
          constraintText="7 to 3,653 days with one-year extendable retention pricing."
        >
          <Input type="number" value={retention} onChange={({ detail }) => setRetention(detail.value)} />
        </FormField>
        <Checkbox checked={protection} onChange={({ detail }) => setProtection(detail.checked)}>
          Enable termination protection
        </Checkbox>
        <Box variant="p" color="text-body-secondary">
          The store collects management events from the moment it is created.
        </Box>
        <LakeErrorAlert error={create.error} />
      </SpaceBetween>
    </Modal>
  );
}
