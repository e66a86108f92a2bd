// Query factory for Event history (LookupEvents). Keys hold every variable, normalised.
import { LookupEventsCommand, type Event, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';

export interface EventFilter {
  region: string;
  attribute?: { key: LookupAttributeKey; value: string };
  /** ISO 8601 strings, so keys stay serialisable and stable. */
  startTime?: string;
  endTime?: string;
  insight?: boolean;
}

export interface EventPage {
  events: Event[];
  nextToken?: string;
}

function normalise(filter: EventFilter): EventFilter {
  const out: EventFilter = { region: filter.region };
  if (filter.attribute?.value) out.attribute = filter.attribute;
  if (filter.startTime) out.startTime = filter.startTime;
  if (filter.endTime) out.endTime = filter.endTime;
  if (filter.insight) out.insight = true;
  return out;
}

/** One LookupEvents call: up to 50 events, newest first. */
export async function lookupEventsPage(filter: EventFilter, nextToken?: string, signal?: AbortSignal) {
  const output = await call(() =>
    cloudTrailClient(filter.region).send(
      new LookupEventsCommand({
        LookupAttributes: filter.attribute
          ? [{ AttributeKey: filter.attribute.key, AttributeValue: filter.attribute.value }]
          : undefined,
        StartTime: filter.startTime ? new Date(filter.startTime) : undefined,
        EndTime: filter.endTime ? new Date(filter.endTime) : undefined,
        EventCategory: filter.insight ? 'insight' : undefined,
        MaxResults: 50,
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    ),
  );
  const page: EventPage = { events: output.Events ?? [] };
  if (output.NextToken) page.nextToken = output.NextToken;
  return page;
}

export const eventQueries = {
  all: () => ['events'] as const,
  lists: () => [...eventQueries.all(), 'list'] as const,
  list: (filter: EventFilter) => {
    const key = normalise(filter);
    return infiniteQueryOptions({
      queryKey: [...eventQueries.lists(), key] as const,
      queryFn: ({ pageParam, signal }) => lookupEventsPage(key, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: EventPage) => last.nextToken,
    });
  },
  details: () => [...eventQueries.all(), 'detail'] as const,
  detail: (region: string, eventId: string) =>
    queryOptions({
      queryKey: [...eventQueries.details(), { region, eventId }] as const,
      queryFn: async ({ signal }) => {
        const page = await lookupEventsPage(
          { region, attribute: { key: 'EventId', value: eventId } },
          undefined,
          signal,
        );
        return page.events[0] ?? null;
      },
    }),
};
