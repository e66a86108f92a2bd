// A session's calls over time, as bars of successful calls and errors: at most MAX_BARS equal buckets over
// the session's span, widened to whole minutes so the bar labels read as times.
export interface TimelineBucket {
  start: number;
  end: number;
  calls: number;
  errors: number;
}

export const MAX_BARS = 48;
const MINUTE = 60_000;

export function timelineSeries(
  events: readonly { eventTime: string; errorCode?: string }[],
): TimelineBucket[] {
  const times = events.map((e) => Date.parse(e.eventTime)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return [];
  const first = Math.floor(Math.min(...times) / MINUTE) * MINUTE;
  const last = Math.max(...times);
  const width = Math.max(MINUTE, Math.ceil((last - first + 1) / MAX_BARS / MINUTE) * MINUTE);
  const count = Math.floor((last - first) / width) + 1;
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
    start: first + i * width,
    end: first + (i + 1) * width,
    calls: 0,
    errors: 0,
  }));
  events.forEach((event) => {
    const time = Date.parse(event.eventTime);
    if (Number.isNaN(time)) return;
    const bucket = buckets[Math.floor((time - first) / width)]!;
    if (event.errorCode) bucket.errors += 1;
    else bucket.calls += 1;
  });
  return buckets;
}
