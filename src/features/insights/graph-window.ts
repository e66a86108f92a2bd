// Which slice of time the Insights graph asks ListInsightsMetricData for (docs/cloudtrail-facts.md#insights-console, docs/cloudtrail-facts.md#insights): the
// chosen span around the insight, shifted by panning, never past now, with the finest Period whose
// retention reaches the window's start and that keeps the points few enough to draw.
import type { TimeDisplay } from '@/components/format-time';
import { metricPeriodFor, metricRetentionStart, type ChartPoint, type MetricPeriod } from '@/domain/insights';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1_440;

export interface GraphWindow {
  /** Epoch ms, Period-aligned; StartTime (inclusive) and EndTime (exclusive) of the request. */
  start: number;
  end: number;
  period: MetricPeriod;
}

export interface GraphWindowInput {
  /** The insight's first minute and the end of its last (epoch ms). */
  insightStart: number;
  insightEnd: number;
  spanMinutes: number;
  /** Pan steps; each moves the window by half a span (negative: earlier). */
  pan?: number;
  now: number;
}

/** Up to a day one point per minute (≤ 1,440 points); longer spans one per 5 minutes (≤ 2,016 for a week). */
export function periodForSpan(spanMinutes: number): MetricPeriod {
  return spanMinutes <= DAY_MINUTES ? 60 : 300;
}

const coarser = (a: MetricPeriod, b: MetricPeriod): MetricPeriod => (a >= b ? a : b);

export function graphWindow({
  insightStart,
  insightEnd,
  spanMinutes,
  pan = 0,
  now,
}: GraphWindowInput): GraphWindow {
  const span = spanMinutes * MINUTE_MS;
  const middle = (insightStart + insightEnd) / 2;
  let start = middle - span / 2 + (pan * span) / 2;
  // The window never reaches past now: there is nothing to show there.
  start = Math.min(start, now - span);
  // A minute of slack: the service's clock is a little later than ours when it checks retention.
  const period = coarser(periodForSpan(spanMinutes), metricPeriodFor(start, now + MINUTE_MS));
  const step = period * 1000;
  const oldest = Math.ceil((metricRetentionStart(period, now) + MINUTE_MS) / step) * step;
  start = Math.max(Math.floor(start / step) * step, oldest);
  return { start, end: start + Math.ceil(span / step) * step, period };
}

/** Values per Period → per minute, so every Period plots on the same axis as the baseline average. */
export function perMinute(points: readonly ChartPoint[], period: MetricPeriod): ChartPoint[] {
  const minutes = period / 60;
  return points.map((point) => ({ time: point.time, value: point.value / minutes }));
}

/** Zooming in halves the visible range around its middle; out doubles it, up to the whole window. */
export function zoomDomain(
  domain: readonly [number, number] | undefined,
  window: GraphWindow,
  direction: 'in' | 'out',
): [number, number] | undefined {
  const [from, to] = domain ?? [window.start, window.end];
  const middle = (from + to) / 2;
  const half = direction === 'in' ? (to - from) / 4 : to - from;
  const minHalf = (window.period * 1000 * 2) / 2;
  const next: [number, number] = [
    Math.max(window.start, middle - Math.max(half, minHalf)),
    Math.min(window.end, middle + Math.max(half, minHalf)),
  ];
  return next[0] <= window.start && next[1] >= window.end ? undefined : next;
}

/** Tick steps, in minutes: round clock times. */
const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1_440, 2_880];

/** Axis ticks on round clock times (UTC), the finest step that gives at most `maxTicks`. */
export function graphTicks(from: number, to: number, maxTicks = 10): number[] {
  const minutes = (to - from) / MINUTE_MS;
  const stepMinutes = TICK_STEPS.find((step) => minutes / step <= maxTicks) ?? TICK_STEPS.at(-1)!;
  const step = stepMinutes * MINUTE_MS;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Axis ticks: `14:05` within a day's span, `11-14 14:05` beyond, in UTC or the browser's time zone. */
export function formatTick(time: number, spanMinutes: number, timeDisplay: TimeDisplay): string {
  const date = new Date(time);
  const utc = timeDisplay === 'utc';
  const clock = `${pad(utc ? date.getUTCHours() : date.getHours())}:${pad(utc ? date.getUTCMinutes() : date.getMinutes())}`;
  if (spanMinutes <= DAY_MINUTES) return clock;
  const month = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  return `${pad(month)}-${pad(utc ? date.getUTCDate() : date.getDate())} ${clock}`;
}
