// Insights knowledge shared by the emulator and the console: labels, rate change, the graph's default
// span, the ListInsightsMetricData Period/retention rules, how the emulator decides what is unusual,
// and the pure transforms that feed the Insights graph and the Attributions tables.
// Source: docs/cloudtrail-facts.md#insights-console (console) and #insights (APIs, record schema).
import type { InsightAttributionValue, InsightType } from './record';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** GetInsightSelectors' InsightNotEnabledException for a trail without Insights, as the AWS CLI shows it. */
export const insightNotEnabledMessage = (trailName: string) =>
  `Trail ${trailName} does not have Insights enabled. Edit the trail settings to enable Insights, and then try the operation again.`;

/** Insight type column values (§3.1). */
export const INSIGHT_TYPE_LABELS: Record<InsightType, string> = {
  ApiCallRateInsight: 'API call rate',
  ApiErrorRateInsight: 'API error rate',
};

/** The statistic the detail page names per type (§3.2: "API calls per minute" / "Errors per minute"). */
export const INSIGHT_RATE_LABELS: Record<InsightType, string> = {
  ApiCallRateInsight: 'API calls per minute',
  ApiErrorRateInsight: 'Errors per minute',
};

/** The same statistic inside a sentence: "API calls per minute", "errors per minute". */
export const INSIGHT_RATE_PHRASES: Record<InsightType, string> = {
  ApiCallRateInsight: 'API calls per minute',
  ApiErrorRateInsight: 'errors per minute',
};

export interface RateChange {
  /** insight / baseline as a percentage; undefined when the baseline is 0 (no finite ratio). */
  percent?: number;
  direction: 'up' | 'down' | 'none';
}

/**
 * Rate change as the console shows it (§3.1): "if the baseline average ... is 1.0, and the Insight
 * average is 3.0, the rate change is 300%" — the ratio, not the difference; up-arrow when the insight
 * average is above the baseline, down-arrow when below.
 */
export function rateChange(baselineAverage: number, insightAverage: number): RateChange {
  const direction =
    insightAverage > baselineAverage ? 'up' : insightAverage < baselineAverage ? 'down' : 'none';
  if (baselineAverage <= 0) return { direction };
  return { percent: Math.round((insightAverage / baselineAverage) * 100), direction };
}

export interface GraphSpan {
  label: string;
  minutes: number;
}

/** Graph span presets (§3.2, [DOC-2023]): the five listed in the span control, and the defaults' 1d/3d/1w. */
export const GRAPH_SPANS = {
  '5m': { label: '5 minutes', minutes: 5 },
  '30m': { label: '30 minutes', minutes: 30 },
  '1h': { label: '1 hour', minutes: HOUR_MINUTES },
  '3h': { label: '3 hours', minutes: 3 * HOUR_MINUTES },
  '12h': { label: '12 hours', minutes: 12 * HOUR_MINUTES },
  '1d': { label: '1 day', minutes: DAY_MINUTES },
  '3d': { label: '3 days', minutes: 3 * DAY_MINUTES },
  '1w': { label: '1 week', minutes: 7 * DAY_MINUTES },
} as const satisfies Record<string, GraphSpan>;

/** Default graph span by insight duration (§3.2): <4h → 3h; 4–12h → 12h; 12–24h → 1d; 24–72h → 3d; >72h → 1w. */
export function defaultGraphSpan(durationMinutes: number): GraphSpan {
  if (durationMinutes < 4 * HOUR_MINUTES) return GRAPH_SPANS['3h'];
  if (durationMinutes < 12 * HOUR_MINUTES) return GRAPH_SPANS['12h'];
  if (durationMinutes < 24 * HOUR_MINUTES) return GRAPH_SPANS['1d'];
  if (durationMinutes <= 72 * HOUR_MINUTES) return GRAPH_SPANS['3d'];
  return GRAPH_SPANS['1w'];
}

// ListInsightsMetricData (§4.1, API_ListInsightsMetricData.html).
export const METRIC_PERIODS = [60, 300, 3600] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];
export const METRIC_DEFAULT_PERIOD: MetricPeriod = 3600;
export const METRIC_MAX_RESULTS = 21_600;
/** "Period 60 s → 15 days; 300 s → 63 days; 3600 s → 90 days. Each cutoff is inclusive." */
export const METRIC_RETENTION_DAYS: Record<MetricPeriod, number> = { 60: 15, 300: 63, 3600: 90 };

export function isMetricPeriod(value: unknown): value is MetricPeriod {
  return (METRIC_PERIODS as readonly unknown[]).includes(value);
}

/** The oldest StartTime (epoch ms, inclusive) a request with this Period may ask for. */
export function metricRetentionStart(period: MetricPeriod, now: number): number {
  return now - METRIC_RETENTION_DAYS[period] * DAY_MINUTES * MINUTE_MS;
}

/** The finest Period whose retention reaches back to `startTime` (what the graph should request). */
export function metricPeriodFor(startTime: number, now: number): MetricPeriod {
  return METRIC_PERIODS.find((p) => startTime >= metricRetentionStart(p, now)) ?? METRIC_DEFAULT_PERIOD;
}

/**
 * How the emulator decides that a per-minute rate is unusual. CloudTrail does not publish its model
 * (§3.3 gives only the shape: per-minute rates, a daily baseline averaged over the 7 days before the
 * start, 28 days analysed on enable); these constants are ours, deterministic, and chosen so that a
 * 20–40 minute burst is found while business-hours-versus-night rhythm and recurring jobs are not.
 *
 * A minute is anomalous when its count is above every one of: baseline mean + SIGMA·std dev,
 * MEAN_FACTOR·baseline mean, MIN_RATE, and the BUSIEST_QUANTILE of the baseline week's minutes (so a
 * burst that happens every day, like a nightly job, stays normal). An insight starts at an anomalous
 * minute when at least START_MIN of the START_WINDOW minutes from it are anomalous (one noisy minute is
 * not an insight), and ends at the first of END_QUIET consecutive normal minutes. Baselines are per UTC
 * day over the BASELINE_DAYS whole days before the start's day; a Region with less history raises nothing.
 */
export const INSIGHTS_DETECTION = {
  SIGMA: 6,
  MEAN_FACTOR: 3,
  /** Calls (or errors) per minute. */
  MIN_RATE: 5,
  BUSIEST_QUANTILE: 0.999,
  START_WINDOW: 5,
  START_MIN: 3,
  END_QUIET: 5,
  BASELINE_DAYS: 7,
  /** "CloudTrail analyzes the past 28 days of management events" on enable (§3.3). */
  ANALYSIS_DAYS: 28,
} as const;

/** Attributions list at most five values per side (§4.4). */
export const ATTRIBUTION_TOP = 5;

export interface AttributionRow {
  value: string;
  average: number;
  /** Share of the total, 0–100. */
  percent: number;
  other?: true;
}

/**
 * The Attributions table (§3.2): the (at most five) values of the record, each with its share of the
 * total, and the remainder summed in an "Other" row. Records carry no Other entry (§4.4: ≤5 values), so
 * the row is derived from the statistics' average — which works the same for real AWS records.
 */
export function attributionRows(values: readonly InsightAttributionValue[], total: number): AttributionRow[] {
  const top = [...values].sort((a, b) => b.average - a.average).slice(0, ATTRIBUTION_TOP);
  const share = (average: number) => (total > 0 ? Math.round((average / total) * 1000) / 10 : 0);
  const rows: AttributionRow[] = top.map((v) => ({
    value: v.value,
    average: v.average,
    percent: share(v.average),
  }));
  const rest = total - top.reduce((sum, v) => sum + v.average, 0);
  // Averages are rounded in records; ignore a remainder that is only rounding.
  if (rest > Math.max(total * 1e-3, 1e-4)) {
    rows.push({ value: 'Other', average: roundAverage(rest), percent: share(rest), other: true });
  }
  return rows;
}

/** Averages in records keep four significant digits (§9.5 shows 0.0442). */
export function roundAverage(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(4));
}

export interface ChartPoint {
  /** Epoch ms. */
  time: number;
  value: number;
}

export interface ChartSeriesOptions {
  /** Seconds between points: the request's Period. */
  period: number;
  /** Epoch ms, inclusive / exclusive: when given, every Period step in the range gets a point. */
  start?: number;
  end?: number;
}

/**
 * ListInsightsMetricData's parallel Timestamps/Values (§4.1) → points for the graph, ascending. With
 * NonZeroData the API omits empty periods, and a line drawn straight across a gap would invent calls,
 * so every missing Period step between the first and last point (or across start–end) becomes 0.
 * Timestamps snap down to the Period grid and values that share a step are summed; a length mismatch
 * uses the common prefix.
 */
export function toChartSeries(
  timestamps: readonly (Date | number)[],
  values: readonly number[],
  { period, start, end }: ChartSeriesOptions,
): ChartPoint[] {
  const step = period * 1000;
  if (!(step > 0)) return [];
  const byTime = new Map<number, number>();
  const n = Math.min(timestamps.length, values.length);
  for (let i = 0; i < n; i++) {
    const raw = timestamps[i]!;
    const time = typeof raw === 'number' ? raw : raw.getTime();
    const value = values[i]!;
    if (!Number.isFinite(time) || !Number.isFinite(value)) continue;
    if ((start !== undefined && time < start) || (end !== undefined && time >= end)) continue;
    const slot = Math.floor(time / step) * step;
    byTime.set(slot, (byTime.get(slot) ?? 0) + value);
  }
  let low = Infinity;
  let high = -Infinity;
  for (const time of byTime.keys()) {
    low = Math.min(low, time);
    high = Math.max(high, time);
  }
  // Like the API's buckets, the first step is the first multiple of Period at or after start.
  const first = start !== undefined ? Math.ceil(start / step) * step : low;
  const last = end !== undefined ? end - 1 : high;
  const points: ChartPoint[] = [];
  for (let time = first; time <= last; time += step) points.push({ time, value: byTime.get(time) ?? 0 });
  return points;
}

/** Several named series → one row per time for a multi-line chart (error rate: calls + errors, §3.2). */
export function mergeChartSeries<K extends string>(
  series: Record<K, readonly ChartPoint[]>,
): Array<{ time: number } & Partial<Record<K, number>>> {
  const rows = new Map<number, { time: number } & Partial<Record<K, number>>>();
  for (const key of Object.keys(series) as K[]) {
    for (const point of series[key]) {
      let row = rows.get(point.time);
      if (!row)
        rows.set(point.time, (row = { time: point.time } as { time: number } & Partial<Record<K, number>>));
      (row as Partial<Record<K, number>>)[key] = point.value;
    }
  }
  return [...rows.values()].sort((a, b) => a.time - b.time);
}
