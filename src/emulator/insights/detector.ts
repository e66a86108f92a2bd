// The pure detector: per-minute counts of one API in, unusual periods out. The rules and their
// constants are documented once, with INSIGHTS_DETECTION in src/domain/insights.ts; the shape follows
// docs/cloudtrail-facts.md#insights-console ("calculated daily ... the average of these daily baselines over the seven days
// preceding the start ... rounded to a whole number of days").
import { INSIGHTS_DETECTION as D } from '@/domain/insights';

const DAY = 1440;

export interface Baseline {
  /** Calls (or errors) per minute over the baseline days. */
  mean: number;
  std: number;
  /** The count of the busiest minutes (BUSIEST_QUANTILE) of the baseline days. */
  busiest: number;
  /** A minute is anomalous when its count is above this. */
  threshold: number;
  /** Epoch minutes: the whole days [start, end) the baseline covers; `end` is the start's day. */
  start: number;
  end: number;
}

export interface DetectedPeriod {
  /** Epoch minute of the first unusual minute. */
  start: number;
  /** Epoch minute after the last unusual minute; undefined while the period is still open at `to`. */
  end?: number;
  baseline: Baseline;
  /** The count in the start minute. */
  first: number;
  /** Calls over [start, end ?? to). */
  total: number;
}

export interface DetectorInput {
  /** Calls per epoch minute; a minute that is not in the map had none. */
  counts: ReadonlyMap<number, number>;
  /** Epoch minutes: unusual periods may start in [from, to); minutes at or after `to` are not known yet. */
  from: number;
  to: number;
  /** Earliest minute with any recorded activity: days before it are no baseline. */
  historyStart: number;
}

interface DayStats {
  sum: number;
  squares: number;
  /** count → minutes with that count (zeros implicit). */
  histogram: Map<number, number>;
}

/**
 * Works over the minutes that had calls only, so its cost follows the number of events rather than
 * the length of the window: a minute at or below MIN_RATE can never be unusual, so only busier
 * minutes are tried as starts.
 */
export function detectUnusualPeriods(input: DetectorInput): DetectedPeriod[] {
  const { from, to } = input;
  const at = (minute: number) => (minute < to ? (input.counts.get(minute) ?? 0) : 0);
  const dayStats = new Map<number, DayStats>();
  const candidates: number[] = [];
  for (const [minute, count] of input.counts) {
    if (minute >= to || count <= 0) continue;
    const day = Math.floor(minute / DAY);
    let stats = dayStats.get(day);
    if (!stats) dayStats.set(day, (stats = { sum: 0, squares: 0, histogram: new Map() }));
    stats.sum += count;
    stats.squares += count * count;
    stats.histogram.set(count, (stats.histogram.get(count) ?? 0) + 1);
    if (minute >= from && count > D.MIN_RATE) candidates.push(minute);
  }
  candidates.sort((a, b) => a - b);
  const baselines = new Map<number, Baseline | undefined>();
  const baselineOf = (day: number): Baseline | undefined => {
    if (!baselines.has(day)) baselines.set(day, computeBaseline(day, input.historyStart, dayStats));
    return baselines.get(day);
  };

  const periods: DetectedPeriod[] = [];
  let resume = from;
  for (const m of candidates) {
    if (m < resume) continue;
    const baseline = baselineOf(Math.floor(m / DAY));
    if (!baseline) continue;
    const unusual = (minute: number) => at(minute) > baseline.threshold;
    if (!unusual(m) || !startConfirmed(m, to, unusual)) continue;
    // Open until END_QUIET consecutive normal minutes; the baseline of the start's day holds throughout.
    let last = m;
    let end: number | undefined;
    let k = m + 1;
    for (; k < to; k++) {
      if (unusual(k)) last = k;
      else if (k - last >= D.END_QUIET) {
        end = last + 1;
        break;
      }
    }
    let total = 0;
    for (let i = m; i < (end ?? to); i++) total += at(i);
    periods.push({ start: m, ...(end !== undefined ? { end } : {}), baseline, first: at(m), total });
    resume = k + 1;
  }
  return periods;
}

/** At least START_MIN of the START_WINDOW minutes from `start` are unusual, and all of them are known. */
function startConfirmed(start: number, to: number, unusual: (minute: number) => boolean): boolean {
  if (start + D.START_WINDOW > to) return false;
  let hits = 0;
  for (let i = start; i < start + D.START_WINDOW; i++) if (unusual(i)) hits++;
  return hits >= D.START_MIN;
}

const EMPTY_DAY: DayStats = { sum: 0, squares: 0, histogram: new Map() };

function computeBaseline(
  day: number,
  historyStart: number,
  dayStats: ReadonlyMap<number, DayStats>,
): Baseline | undefined {
  const first = day - D.BASELINE_DAYS;
  // Too little history: the baseline days must all be observed.
  if (historyStart > first * DAY) return undefined;
  const minutes = D.BASELINE_DAYS * DAY;
  let sum = 0;
  let squares = 0;
  const histogram = new Map<number, number>();
  for (let d = first; d < day; d++) {
    const stats = dayStats.get(d) ?? EMPTY_DAY;
    sum += stats.sum;
    squares += stats.squares;
    for (const [count, n] of stats.histogram) histogram.set(count, (histogram.get(count) ?? 0) + n);
  }
  const mean = sum / minutes;
  const std = Math.sqrt(Math.max(0, squares / minutes - mean * mean));
  const busiest = quantileCount(histogram, minutes, D.BUSIEST_QUANTILE);
  const threshold = Math.max(mean + D.SIGMA * std, D.MEAN_FACTOR * mean, D.MIN_RATE, busiest);
  return { mean, std, busiest, threshold, start: first * DAY, end: day * DAY };
}

/** The count that at least `q` of the minutes do not exceed (the rest are zeros). */
function quantileCount(histogram: Map<number, number>, minutes: number, q: number): number {
  const above = Math.floor((1 - q) * minutes);
  let seen = 0;
  for (const count of [...histogram.keys()].sort((a, b) => b - a)) {
    seen += histogram.get(count)!;
    if (seen > above) return count;
  }
  return 0;
}
