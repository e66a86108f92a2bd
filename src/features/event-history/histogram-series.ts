// The histogram's series: counts of events per time bucket, bucket width chosen so the span shows as at
// most MAX_BUCKETS bars, buckets aligned to whole widths (UTC) and empty buckets kept, so gaps show.
export interface HistogramBucket {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  count: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WIDTHS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];
export const MAX_BUCKETS = 60;

export function bucketWidth(span: number): number {
  return (
    WIDTHS.find((width) => span / width <= MAX_BUCKETS) ??
    Math.ceil(span / MAX_BUCKETS / (24 * HOUR)) * 24 * HOUR
  );
}

/** Buckets covering [from, to] (default: the events' own span); times outside are not counted. */
export function histogramSeries(times: readonly number[], from?: number, to?: number): HistogramBucket[] {
  let min = from ?? Infinity;
  let max = to ?? -Infinity;
  if (from === undefined || to === undefined) {
    for (const time of times) {
      if (Number.isNaN(time)) continue;
      if (from === undefined && time < min) min = time;
      if (to === undefined && time > max) max = time;
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [];
  const layout = bucketLayout(min, max);
  const buckets = countedBuckets(layout, new Array<number>(layout.count).fill(0));
  for (const time of times) {
    if (!(time >= min && time <= max)) continue;
    buckets[Math.floor((time - layout.first) / layout.width)]!.count++;
  }
  return buckets;
}

export interface BucketLayout {
  /** Epoch ms of the first bucket's start: a whole number of widths. */
  first: number;
  width: number;
  count: number;
}

/** The buckets that cover [from, to], both inclusive. */
export function bucketLayout(from: number, to: number): BucketLayout {
  const width = bucketWidth(to - from);
  const first = Math.floor(from / width) * width;
  return { first, width, count: Math.floor((to - first) / width) + 1 };
}

/** Buckets of a layout with their counts (as the server counted them, or as counted here). */
export function countedBuckets(layout: BucketLayout, counts: readonly number[]): HistogramBucket[] {
  return Array.from({ length: layout.count }, (_, i) => ({
    start: layout.first + i * layout.width,
    end: layout.first + (i + 1) * layout.width,
    count: counts[i] ?? 0,
  }));
}
