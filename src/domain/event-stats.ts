// Trailview's own read-only view of the local store, beside the AWS API: how many events each time
// bucket holds (so Events over time can chart a whole range, not only the loaded pages) and where the
// stored events are (so Event history can point at imported logs outside the selected range or Region).
// Served by the local server at `GET trailview/event-counts` and `GET trailview/event-extent`.
import type { LookupAttribute } from './lookup-attributes';

/** At most this many buckets per request: the chart draws 60, a little room for other uses. */
export const EVENT_COUNTS_MAX_BUCKETS = 500;
/** Bucket widths from one second to a year. */
export const EVENT_COUNTS_MIN_WIDTH_MS = 1_000;
export const EVENT_COUNTS_MAX_WIDTH_MS = 366 * 86_400_000;

export interface EventCountsRequest {
  region: string;
  /** Epoch ms of the first bucket's start. */
  start: number;
  /** Bucket width, ms. */
  width: number;
  buckets: number;
  attribute?: LookupAttribute;
}

export interface EventCountsResponse {
  start: number;
  width: number;
  /** Events per bucket [start + i × width, start + (i + 1) × width). */
  counts: number[];
}

export interface RegionExtent {
  region: string;
  events: number;
  /** Epoch ms of the oldest and the newest event. */
  first: number;
  last: number;
}

export interface EventExtentResponse {
  regions: RegionExtent[];
}
