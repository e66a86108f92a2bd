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
  const width = bucketWidth(max - min);
  const first = Math.floor(min / width) * width;
  const count = Math.floor((max - first) / width) + 1;
  const buckets: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({
    start: first + i * width,
    end: first + (i + 1) * width,
    count: 0,
  }));
  for (const time of times) {
    if (!(time >= min && time <= max)) continue;
    buckets[Math.floor((time - first) / width)]!.count++;
  }
  return buckets;
}
