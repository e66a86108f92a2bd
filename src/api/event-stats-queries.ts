// The local server's read-only views of its store (src/domain/event-stats.ts): per-bucket event counts for
// Events over time, and per-Region extent for Event history's "events elsewhere" hint. Only the local
// backend serves them; the pages ask only when `trailview.json` says local.
import { queryOptions } from '@tanstack/react-query';
import type { EventCountsRequest, EventCountsResponse, EventExtentResponse } from '@/domain/event-stats';

async function getJson<T>(path: string, params: URLSearchParams, signal: AbortSignal): Promise<T> {
  const url = new URL(path, globalThis.location.href.split('#')[0]);
  url.search = params.toString();
  const response = await fetch(url, { signal });
  const body = (await response.json().catch(() => undefined)) as (T & { message?: string }) | undefined;
  if (!response.ok || !body)
    throw new Error(body?.message ?? `The server refused ${path} (HTTP ${response.status}).`);
  return body;
}

export const eventStatsQueries = {
  all: () => ['event-stats'] as const,
  counts: (request: EventCountsRequest) =>
    queryOptions({
      queryKey: [...eventStatsQueries.all(), 'counts', request] as const,
      queryFn: ({ signal }) => {
        const params = new URLSearchParams({
          region: request.region,
          start: new Date(request.start).toISOString(),
          width: String(request.width),
          buckets: String(request.buckets),
        });
        if (request.attribute) {
          params.set('attr', request.attribute.key);
          params.set('value', request.attribute.value);
        }
        return getJson<EventCountsResponse>('trailview/event-counts', params, signal);
      },
    }),
  extent: () =>
    queryOptions({
      queryKey: [...eventStatsQueries.all(), 'extent'] as const,
      queryFn: ({ signal }) =>
        getJson<EventExtentResponse>('trailview/event-extent', new URLSearchParams(), signal),
    }),
};
