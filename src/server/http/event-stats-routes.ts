// `GET trailview/event-counts` and `GET trailview/event-extent` (src/domain/event-stats.ts): read-only
// views of the local store for Events over time and Event history's "events elsewhere" hint. They read
// the in-memory lookup index only, change nothing, and take only what they validate: a Region name of the
// AWS form, ISO instants, whole numbers in bounds and a known lookup attribute.
import {
  EVENT_COUNTS_MAX_BUCKETS,
  EVENT_COUNTS_MAX_WIDTH_MS,
  EVENT_COUNTS_MIN_WIDTH_MS,
  type EventCountsResponse,
  type EventExtentResponse,
  type RegionExtent,
} from '@/domain/event-stats';
import { isLookupAttributeKey, type LookupAttribute } from '@/domain/lookup-attributes';
import { isRegionName } from '@/domain/aws-region';

/** What the routes read: the local store (aws and endpoint modes have none). */
export interface EventStats {
  countBetween(
    query: { region: string; insight: boolean; attribute?: LookupAttribute },
    edges: readonly number[],
  ): number[];
  extent(): RegionExtent[];
}

export interface StatsAnswer {
  status: number;
  body: unknown;
}

const MAX_VALUE_LENGTH = 2000;

class BadParameter extends Error {}

function integer(params: URLSearchParams, name: string, min: number, max: number): number {
  const text = params.get(name);
  const value = text !== null && /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new BadParameter(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function instant(params: URLSearchParams, name: string): number {
  const text = params.get(name) ?? '';
  const value = text.length <= 40 ? Date.parse(text) : NaN;
  if (Number.isNaN(value))
    throw new BadParameter(`${name} must be an ISO 8601 time such as 2023-07-10T00:00:00Z.`);
  return value;
}

function region(params: URLSearchParams): string {
  const value = params.get('region') ?? '';
  if (value.length > 32 || !isRegionName(value))
    throw new BadParameter('region must be a Region name such as us-east-1.');
  return value;
}

function attribute(params: URLSearchParams): LookupAttribute | undefined {
  const key = params.get('attr');
  if (key === null) return undefined;
  const value = params.get('value') ?? '';
  if (!isLookupAttributeKey(key))
    throw new BadParameter(`attr ${JSON.stringify(key.slice(0, 64))} is not a lookup attribute.`);
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) {
    throw new BadParameter(`value must be 1 to ${MAX_VALUE_LENGTH} characters.`);
  }
  return { key, value };
}

/** Answers the two routes; undefined for any other path. */
export function eventStatsRoute(
  pathname: string,
  method: string,
  params: URLSearchParams,
  stats: EventStats | undefined,
): StatsAnswer | undefined {
  if (pathname !== '/trailview/event-counts' && pathname !== '/trailview/event-extent') return undefined;
  if (method !== 'GET' && method !== 'HEAD')
    return { status: 405, body: { message: 'Only GET is allowed here.' } };
  if (!stats) return { status: 400, body: { message: 'Event counts need the local backend.' } };
  if (pathname === '/trailview/event-extent') {
    const body: EventExtentResponse = { regions: stats.extent() };
    return { status: 200, body };
  }
  try {
    const start = instant(params, 'start');
    const width = integer(params, 'width', EVENT_COUNTS_MIN_WIDTH_MS, EVENT_COUNTS_MAX_WIDTH_MS);
    const buckets = integer(params, 'buckets', 1, EVENT_COUNTS_MAX_BUCKETS);
    const edges = Array.from({ length: buckets + 1 }, (_, i) => start + i * width);
    const counts = stats.countBetween(
      { region: region(params), insight: false, attribute: attribute(params) },
      edges,
    );
    const body: EventCountsResponse = { start, width, counts };
    return { status: 200, body };
  } catch (error) {
    if (error instanceof BadParameter) return { status: 400, body: { message: error.message } };
    throw error;
  }
}
