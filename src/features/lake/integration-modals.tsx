// An integration's Edit (UpdateChannel: its name and destination event data stores) and Delete
// (DeleteChannel, after a confirmation). The name is checked by the API's rule first; every refusal of the
// API shows as its message in the dialog.
import type { GetChannelCommandOutput, UpdateChannelCommandInput } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { channelMutations } from '@/api/channel-mutations';
import { lakeQueries } from '@/api/lake-queries';
import { channelNameError } from '@/domain/lake-channels';
import { DestinationStorePicker } from './integration-ui';
import { LakeErrorAlert, ModalActions } from './lake-ui';

export function EditIntegrationModal({
  region,
  channel,
  onDismiss,
}: {
  region: string;
  channel: GetChannelCommandOutput;
  onDismiss: () => void;
}) {
  const stores = useQuery(lakeQueries.stores(region));
  const initial = (channel.Destinations ?? []).flatMap((d) =>
    d.Type === 'EVENT_DATA_STORE' && d.Location ? [d.Location] : [],
  );
  const [name, setName] = useState(channel.Name ?? '');
  const [chosen, setChosen] = useState<string[]>(initial);
  const [tried, setTried] = useState(false);
  const update = useMutation({ ...channelMutations.update(region), onSuccess: onDismiss });
  const nameError = tried ? channelNameError(name) : undefined;
  const destinationError = tried && chosen.length === 0 ? 'Choose at least one event data store.' : undefined;
  const save = () => {
    setTried(true);
    if (channelNameError(name) || chosen.length === 0) return;
    const sameStores = chosen.length === initial.length && chosen.every((arn) => initial.includes(arn));
    const changes: Omit<UpdateChannelCommandInput, 'Channel'> = {
      ...(name !== channel.Name && { Name: name }),
      ...(!sameStores && {
        Destinations: chosen.map((Location) => ({ Type: 'EVENT_DATA_STORE' as const, Location })),
      }),
    };
    if (Object.keys(changes).length === 0) onDismiss();
    else update.mutate({ Channel: channel.ChannelArn, ...changes });
  };
  return (
    <Modal
      visible
      header="Edit integration"
      size="large"
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
        <FormField label="Integration name" errorText={nameError}>
          <Input value={name} onChange={({ detail }) => setName(detail.value)} />
        </FormField>
        <FormField label="Event data stores" errorText={destinationError} stretch>
          <DestinationStorePicker
            stores={stores.data ?? []}
            loading={stores.isPending}
            chosen={chosen}
            onChange={setChosen}
          />
        </FormField>
        <LakeErrorAlert error={update.error} />
      </SpaceBetween>
    </Modal>
  );
}

export function DeleteIntegrationModal({
  region,
  channel,
  onDismiss,
}: {
  region: string;
  channel: GetChannelCommandOutput;
  onDismiss: () => void;
}) {
  const navigate = useNavigate();
  const remove = useMutation({
    ...channelMutations.delete(region),
    onSuccess: () => void navigate({ to: '/lake/integrations' }),
  });
  return (
    <Modal
      visible
      header="Delete integration"
      onDismiss={onDismiss}
      footer={
        <ModalActions
          primary="Delete"
          pending={remove.isPending}
          onCancel={onDismiss}
          onPrimary={() => remove.mutate(channel.ChannelArn ?? '')}
        />
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">
          Delete the integration <b>{channel.Name}</b>? Events sent to it are refused from then on. The events
          it already delivered stay in their event data stores.
        </Box>
        <LakeErrorAlert error={remove.error} />
      </SpaceBetween>
    </Modal>
  );
}
