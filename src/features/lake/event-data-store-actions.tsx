// The Actions menu of an event data store's page (query-eds-disable-termination.html,
// query-event-data-store-delete.html): Stop or Start ingestion, Change termination protection, Delete (typed
// confirmation) and Restore for a store pending deletion. Every refusal is the API's own message.
import type { GetEventDataStoreCommandOutput } from '@aws-sdk/client-cloudtrail';
import ButtonDropdown, { type ButtonDropdownProps } from '@cloudscape-design/components/button-dropdown';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { lakeStoreMutations } from '@/api/lake-store-mutations';
import { toAwsError } from '@/api/aws-error';
import { useNotifications } from '@/components/notifications';
import { BUILT_IN_STORE_NAME, PENDING_DELETION_DAYS } from '@/domain/lake';
import { DeleteStoreModal, TerminationProtectionModal } from './event-data-store-modals';

export const BUILT_IN_DELETE_REASON =
  "Trailview's built-in event data store holds every stored event and cannot be deleted.";
const PENDING_REASON = 'The event data store is pending deletion. Restore it first.';

const headerAndContent = (error: unknown) => {
  const { name, message } = toAwsError(error);
  return { header: name, content: message };
};

type ActionId = 'stop' | 'start' | 'protection' | 'delete' | 'restore';

export function EventDataStoreActions({
  region,
  storeId,
  store,
}: {
  region: string;
  storeId: string;
  store: GetEventDataStoreCommandOutput;
}) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [open, setOpen] = useState<'protection' | 'delete'>();
  // A refused ingestion change or restore says why in the page's notifications, as Start logging does.
  const failed = (error: unknown) =>
    notify({ action: 'event-data-store', type: 'error', ...headerAndContent(error) });
  const ingestion = useMutation({ ...lakeStoreMutations.ingestion(region), onError: failed });
  const restore = useMutation({ ...lakeStoreMutations.restore(region), onError: failed });
  const remove = useMutation({
    ...lakeStoreMutations.delete(region),
    onSuccess: async () => {
      notify({
        action: 'delete-event-data-store',
        type: 'success',
        content: `Event data store ${name} is pending deletion. You can restore it within ${PENDING_DELETION_DAYS} days.`,
      });
      await navigate({ to: '/lake/event-data-stores' });
    },
  });
  const name = store.Name ?? storeId;
  const status = store.Status;
  const pending = status === 'PENDING_DELETION';
  const builtIn = name === BUILT_IN_STORE_NAME;
  const items: ButtonDropdownProps.Item[] = [
    status === 'STOPPED_INGESTION'
      ? { id: 'start', text: 'Start ingestion' }
      : {
          id: 'stop',
          text: 'Stop ingestion',
          disabled: status !== 'ENABLED',
          disabledReason: pending ? PENDING_REASON : 'Only an enabled event data store can stop ingestion.',
        },
    {
      id: 'protection',
      text: 'Change termination protection',
      disabled: pending,
      disabledReason: PENDING_REASON,
    },
    {
      id: 'delete',
      text: 'Delete',
      disabled: builtIn || pending,
      disabledReason: builtIn ? BUILT_IN_DELETE_REASON : 'The event data store is already pending deletion.',
    },
    {
      id: 'restore',
      text: 'Restore',
      disabled: !pending,
      disabledReason: 'Only an event data store pending deletion can be restored.',
    },
  ];
  const choose = (id: ActionId) => {
    if (id === 'start' || id === 'stop') ingestion.mutate({ id: storeId, ingest: id === 'start' });
    else if (id === 'restore') restore.mutate(storeId);
    else setOpen(id);
  };
  return (
    <>
      <ButtonDropdown
        items={items}
        loading={ingestion.isPending || restore.isPending}
        onItemClick={({ detail }) => choose(detail.id as ActionId)}
      >
        Actions
      </ButtonDropdown>
      {open === 'protection' && (
        <TerminationProtectionModal
          region={region}
          storeId={storeId}
          name={name}
          enabled={store.TerminationProtectionEnabled ?? false}
          onDismiss={() => setOpen(undefined)}
        />
      )}
      {open === 'delete' && (
        <DeleteStoreModal
          name={name}
          pending={remove.isPending}
          error={remove.error}
          onDelete={() => remove.mutate(storeId)}
          onDismiss={() => {
            remove.reset();
            setOpen(undefined);
          }}
        />
      )}
    </>
  );
}
