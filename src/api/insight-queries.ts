// Query factory for Insights (docs/cloudtrail-facts.md#insights-console, docs/cloudtrail-facts.md#insights): the Insights events (LookupEvents with
// EventCategory=insight), one Insights event's Start and End records, and the graph's series
// (ListInsightsMetricData). Keys hold every variable, normalised.
import { ListInsightsMetricDataCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import type { MetricPeriod } from '@/domain/insights';
import type { INSIGHT_LOOKUP_ATTRIBUTE_KEYS } from '@/domain/lookup-attributes';
import type { InsightType } from '@/domain/record';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';
import { lookupEventsPage, type EventPage } from './event-queries';

/** The attributes LookupEvents takes for Insights events (docs/cloudtrail-facts.md#insights-console). */
export type InsightLookupKey = (typeof INSIGHT_LOOKUP_ATTRIBUTE_KEYS)[number];

export interface InsightListFilter {
  region: string;
  attribute?: { key: InsightLookupKey; value: string };
  /** ISO 8601 strings, so keys stay serialisable and stable. */
  startTime?: string;
  endTime?: string;
}

export interface MetricDataRequest {
  region: string;
  eventSource: string;
  eventName: string;
  insightType: InsightType;
  /** Required for ApiErrorRateInsight, not allowed for ApiCallRateInsight (§4.1). */
  errorCode?: string;
  /** ISO 8601; StartTime inclusive, EndTime exclusive (§4.1). */
  startTime: string;
  endTime: string;
  period: MetricPeriod;
}

export interface MetricData {
  /** Epoch ms, ascending, parallel to `values`. */
  timestamps: number[];
  values: number[];
}

// Insights events arrive after the events they describe: a trail's first ones "up to 36 hours" after
// Insights is turned on (§3.1), the demo's a few seconds after load, when its background fill has been
// analysed. An empty answer is asked again for a minute, then left to the refresh button.
const EMPTY_REFETCH_MS = 3_000;
const EMPTY_REFETCH_TRIES = 20;

interface QueryLike<T> {
  state: { status: string; data: T | undefined; dataUpdateCount: number };
}

function refetchWhileEmpty<T>(isEmpty: (data: T | undefined) => boolean) {
  return (query: QueryLike<T>) =>
    query.state.status === 'success' &&
    isEmpty(query.state.data) &&
    query.state.dataUpdateCount < EMPTY_REFETCH_TRIES
      ? EMPTY_REFETCH_MS
      : false;
}

function normaliseList(filter: InsightListFilter): InsightListFilter {
  const out: InsightListFilter = { region: filter.region };
  if (filter.attribute?.value.trim()) {
    out.attribute = { key: filter.attribute.key, value: filter.attribute.value.trim() };
  }
  if (filter.startTime) out.startTime = filter.startTime;
  if (filter.endTime) out.endTime = filter.endTime;
  return out;
}

/** Pages a window of Insights events until `done` says stop (Insights events are few; bounded anyway). */
async function findInsightEvents(
  filter: InsightListFilter,
  done: (events: Event[]) => boolean,
  signal: AbortSignal,
): Promise<Event[]> {
  const events: Event[] = [];
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await lookupEventsPage({ ...filter, insight: true }, token, signal);
    events.push(...result.events);
    token = result.nextToken;
    if (!token || done(events)) break;
  }
  return events;
}

/** The pairing fields of an Insights record (the record is untrusted JSON). */
function pairing(event: Event): { shared?: string; state?: string } {
  try {
    const record = JSON.parse(event.CloudTrailEvent ?? '') as {
      sharedEventID?: unknown;
      insightDetails?: { state?: unknown };
    };
    return {
      ...(typeof record.sharedEventID === 'string' ? { shared: record.sharedEventID } : {}),
      ...(typeof record.insightDetails?.state === 'string' ? { state: record.insightDetails.state } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * One Insights event's Start and End records, from either one's event ID: LookupEvents by EventId,
 * then the other half of the pair by EventName near it (LookupEvents cannot filter on sharedEventID).
 * Empty when no Insights event has that ID.
 */
async function insightEventPair(region: string, eventId: string, signal: AbortSignal): Promise<Event[]> {
  const [found] = await findInsightEvents(
    { region, attribute: { key: 'EventId', value: eventId } },
    () => true,
    signal,
  );
  if (!found) return [];
  const { shared, state } = pairing(found);
  if (!found.EventName || !found.EventTime || !shared) return [found];
  const time = found.EventTime.toISOString();
  const isShared = (event: Event) => pairing(event).shared === shared;
  // The Start event is at or before the End event: look after a Start, before an End.
  const pair = await findInsightEvents(
    {
      region,
      attribute: { key: 'EventName', value: found.EventName },
      ...(state === 'End' ? { endTime: time } : { startTime: time }),
    },
    (events) => events.filter(isShared).length >= 2,
    signal,
  );
  const matching = pair.filter(isShared);
  return matching.length > 0 ? matching : [found];
}

async function metricData(request: MetricDataRequest, signal: AbortSignal): Promise<MetricData> {
  const out: MetricData = { timestamps: [], values: [] };
  let token: string | undefined;
  do {
    const output = await call(() =>
      cloudTrailClient(request.region).send(
        new ListInsightsMetricDataCommand({
          EventSource: request.eventSource,
          EventName: request.eventName,
          InsightType: request.insightType,
          ErrorCode: request.errorCode,
          StartTime: new Date(request.startTime),
          EndTime: new Date(request.endTime),
          Period: request.period,
          DataType: 'FillWithZeros',
          NextToken: token,
        }),
        { abortSignal: signal },
      ),
    );
    out.timestamps.push(...(output.Timestamps ?? []).map((time) => time.getTime()));
    out.values.push(...(output.Values ?? []));
    token = output.NextToken;
  } while (token);
  return out;
}

export const insightQueries = {
  all: () => ['insights'] as const,
  lists: () => [...insightQueries.all(), 'list'] as const,
  list: (filter: InsightListFilter) => {
    const key = normaliseList(filter);
    return infiniteQueryOptions({
      queryKey: [...insightQueries.lists(), key] as const,
      queryFn: ({ pageParam, signal }) => lookupEventsPage({ ...key, insight: true }, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: EventPage) => last.nextToken,
      refetchInterval: refetchWhileEmpty<InfiniteData<EventPage>>(
        (data) => !data?.pages.some((page) => page.events.length > 0),
      ),
    });
  },
  details: () => [...insightQueries.all(), 'detail'] as const,
  detail: (region: string, eventId: string) =>
    queryOptions({
      queryKey: [...insightQueries.details(), { region, eventId }] as const,
      queryFn: ({ signal }) => insightEventPair(region, eventId, signal),
      refetchInterval: refetchWhileEmpty<Event[]>((events) => !events?.length),
    }),
  metrics: () => [...insightQueries.all(), 'metric-data'] as const,
  metricData: (request: MetricDataRequest) => {
    const key: MetricDataRequest = { ...request };
    if (!key.errorCode) delete key.errorCode;
    return queryOptions({
      queryKey: [...insightQueries.metrics(), key] as const,
      queryFn: ({ signal }) => metricData(key, signal),
    });
  },
};
