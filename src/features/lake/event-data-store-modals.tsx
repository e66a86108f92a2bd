// Delete (confirmed by typing the store's name, query-event-data-store-delete.html) and Change termination
// protection (UpdateEventDataStore TerminationProtectionEnabled). The API's refusal shows in the modal.
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { lakeStoreMutations } from '@/api/lake-store-mutations';
import { PENDING_DELETION_DAYS } from '@/domain/lake';
import { LakeErrorAlert, ModalActions } from './lake-ui';

/** The console's confirmation prompt (query-event-data-store-delete.html). */
export const DELETE_CONFIRMATION_LABEL =
  'Type the name of the event data store to confirm that you want to delete it.';

export function DeleteStoreModal({
  name,
  pending,
  error,
  onDelete,
  onDismiss,
}: {
  name: string;
  pending: boolean;
  error: unknown;
  onDelete: () => void;
  onDismiss: () => void;
}) {
  const [typed, setTyped] = useState('');
  return (
    <Modal
      visible
      header="Delete event data store"
      onDismiss={onDismiss}
      footer={
        <ModalActions
          primary="Delete"
          pending={pending}
          disabled={typed !== name}
          onCancel={onDismiss}
          onPrimary={onDelete}
        />
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Delete <b>{name}</b>? It stops ingesting events and cannot be queried. It stays pending deletion for{' '}
          {PENDING_DELETION_DAYS} days, during which you can restore it; then it and its events are deleted.
        </Box>
        <FormField label={DELETE_CONFIRMATION_LABEL}>
          <Input
            value={typed}
            placeholder={name}
            onChange={({ detail }) => setTyped(detail.value)}
            onKeyDown={({ detail }) => {
              if (detail.key === 'Enter' && typed === name && !pending) onDelete();
            }}
          />
        </FormField>
        <LakeErrorAlert error={error} />
      </SpaceBetween>
    </Modal>
  );
}

export function TerminationProtectionModal({
  region,
  storeId,
  name,
  enabled,
  onDismiss,
}: {
  region: string;
  storeId: string;
  name: string;
  enabled: boolean;
  onDismiss: () => void;
}) {
  const [value, setValue] = useState(enabled ? 'enabled' : 'disabled');
  const update = useMutation({ ...lakeStoreMutations.update(region), onSuccess: onDismiss });
  const save = () => {
    const next = value === 'enabled';
    if (next === enabled) onDismiss();
    else update.mutate({ EventDataStore: storeId, TerminationProtectionEnabled: next });
  };
  return (
    <Modal
      visible
      header="Change termination protection"
      onDismiss={onDismiss}
      footer={
        <ModalActions
          primary="Save changes"
          pending={update.isPending}
          onCancel={onDismiss}
          onPrimary={save}
        />
      }
    >
      <SpaceBetween size="m">
        <FormField
          label="Termination protection"
          description={`While termination protection is enabled, ${name} cannot be deleted.`}
        >
          <RadioGroup
            value={value}
            onChange={({ detail }) => setValue(detail.value)}
            items={[
              { value: 'enabled', label: 'Enabled' },
              { value: 'disabled', label: 'Disabled' },
            ]}
          />
        </FormField>
        <LakeErrorAlert error={update.error} />
      </SpaceBetween>
    </Modal>
  );
}
