// Channel writes (CreateChannel, UpdateChannel, DeleteChannel), each declaring what it makes stale in
// `meta.invalidates` (the MutationCache in query-client.ts invalidates). Adding an integration may first
// create its event data store (CreateEventDataStore with the integration selector), as the console's Add
// integration does; the store then exists even when CreateChannel is refused, so the stores go stale too.
import {
  CreateChannelCommand,
  CreateEventDataStoreCommand,
  DeleteChannelCommand,
  UpdateChannelCommand,
  type CreateChannelCommandOutput,
  type Tag,
  type UpdateChannelCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { mutationOptions } from '@tanstack/react-query';
import { CUSTOM_SOURCE, INTEGRATION_STORE_SELECTORS } from '@/domain/lake-channels';
import { call } from './aws-error';
import { channelQueries } from './channel-queries';
import { cloudTrailClient } from './clients';
import { eventQueries } from './event-queries';
import { lakeQueries } from './lake-queries';

const meta = { invalidates: [channelQueries.all(), lakeQueries.all(), eventQueries.all()] } as const;

export interface AddIntegrationInput {
  name: string;
  /** ARNs of existing event data stores that collect integration events. */
  storeArns: string[];
  /** The name of an integration event data store to create first, when given. */
  newStoreName?: string;
  tags: Tag[];
}

export const channelMutations = {
  /** A custom integration: [CreateEventDataStore, then] CreateChannel with Source `Custom`. */
  create: (region: string) =>
    mutationOptions({
      mutationFn: async (input: AddIntegrationInput): Promise<CreateChannelCommandOutput> => {
        const client = cloudTrailClient(region);
        const locations = [...input.storeArns];
        if (input.newStoreName) {
          const store = await call(() =>
            client.send(
              new CreateEventDataStoreCommand({
                Name: input.newStoreName,
                AdvancedEventSelectors: INTEGRATION_STORE_SELECTORS,
              }),
            ),
          );
          if (store.EventDataStoreArn) locations.push(store.EventDataStoreArn);
        }
        return call(() =>
          client.send(
            new CreateChannelCommand({
              Name: input.name,
              Source: CUSTOM_SOURCE,
              Destinations: locations.map((Location) => ({ Type: 'EVENT_DATA_STORE', Location })),
              ...(input.tags.length > 0 && { Tags: input.tags }),
            }),
          ),
        );
      },
      meta,
    }),
  /** UpdateChannel: `Channel` (ID or ARN) and the members that change. */
  update: (region: string) =>
    mutationOptions({
      mutationFn: (input: UpdateChannelCommandInput) =>
        call(() => cloudTrailClient(region).send(new UpdateChannelCommand(input))),
      meta,
    }),
  delete: (region: string) =>
    mutationOptions({
      mutationFn: (channel: string) =>
        call(() => cloudTrailClient(region).send(new DeleteChannelCommand({ Channel: channel }))),
      meta,
    }),
};
