// Event data store writes (Create, Update, Delete, Restore, Start/StopEventDataStoreIngestion), each
// declaring what it makes stale in `meta.invalidates` (the MutationCache in query-client.ts invalidates).
// Every write is also an event in Event history, so event queries go stale too.
import {
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  RestoreEventDataStoreCommand,
  StartEventDataStoreIngestionCommand,
  StopEventDataStoreIngestionCommand,
  UpdateEventDataStoreCommand,
  type CreateEventDataStoreCommandInput,
  type UpdateEventDataStoreCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { mutationOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';
import { eventQueries } from './event-queries';
import { lakeQueries } from './lake-queries';

const meta = { invalidates: [lakeQueries.all(), eventQueries.all()] } as const;

export const lakeStoreMutations = {
  create: (region: string) =>
    mutationOptions({
      mutationFn: (input: CreateEventDataStoreCommandInput) =>
        call(() => cloudTrailClient(region).send(new CreateEventDataStoreCommand(input))),
      meta,
    }),
  /** UpdateEventDataStore: `EventDataStore` (ID or ARN) and the members that change. */
  update: (region: string) =>
    mutationOptions({
      mutationFn: (input: UpdateEventDataStoreCommandInput) =>
        call(() => cloudTrailClient(region).send(new UpdateEventDataStoreCommand(input))),
      meta,
    }),
  delete: (region: string) =>
    mutationOptions({
      mutationFn: (id: string) =>
        call(() => cloudTrailClient(region).send(new DeleteEventDataStoreCommand({ EventDataStore: id }))),
      meta,
    }),
  restore: (region: string) =>
    mutationOptions({
      mutationFn: (id: string) =>
        call(() => cloudTrailClient(region).send(new RestoreEventDataStoreCommand({ EventDataStore: id }))),
      meta,
    }),
  /** Starts (`ingest`) or stops a store's ingestion. */
  ingestion: (region: string) =>
    mutationOptions({
      mutationFn: ({ id, ingest }: { id: string; ingest: boolean }) => {
        const client = cloudTrailClient(region);
        return call(() =>
          ingest
            ? client.send(new StartEventDataStoreIngestionCommand({ EventDataStore: id }))
            : client.send(new StopEventDataStoreIngestionCommand({ EventDataStore: id })),
        );
      },
      meta,
    }),
};
