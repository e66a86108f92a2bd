// In the aws and endpoint modes the investigation pages evaluate the events the page loaded through
// LookupEvents, not a whole store: this says which ones (Region, count, time span) and loads older ones.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import type { LoadedEvents } from '@/domain/detections/report';
import { EventTime } from './event-time';
import { regionName } from './regions';

/** `loadMore`: the mutation that loads a Region's next batch (api/investigation-queries.ts). */
export function LoadedEventsNotice({
  loaded,
  loadMore,
}: {
  loaded?: LoadedEvents;
  loadMore: (region: string) => UseMutationOptions<void>;
}) {
  const more = useMutation(loadMore(loaded?.region ?? ''));
  if (!loaded) return null;
  return (
    <Alert
      type="info"
      header="Evaluated over the events loaded in this page"
      action={
        <Button loading={more.isPending} disabled={!loaded.more} onClick={() => more.mutate()}>
          Load more events
        </Button>
      }
    >
      {loaded.count.toLocaleString('en-US')} events in {regionName(loaded.region)} ({loaded.region})
      {loaded.from && loaded.to ? (
        <>
          , from <EventTime value={loaded.from} /> to <EventTime value={loaded.to} />
        </>
      ) : null}
      , loaded through LookupEvents, newest first.{' '}
      {loaded.more
        ? 'Older events are not evaluated until they are loaded.'
        : 'These are all the events LookupEvents returns for this Region.'}
      {more.isError ? ` Loading more failed: ${more.error.message}` : ''}
    </Alert>
  );
}
