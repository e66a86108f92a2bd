// The detector on synthetic per-minute series (INSIGHTS_DETECTION in src/domain/insights.ts).
import { describe, expect, it } from 'vitest';
import { INSIGHTS_DETECTION } from '@/domain/insights';
import { detectUnusualPeriods, type DetectorInput } from './detector';

const DAY = 1440;
// 2026-11-01T00:00Z as an epoch minute (a Sunday); 36 days of data, starts looked for in the last 28.
const ORIGIN = Date.parse('2026-11-01T00:00:00Z') / 60_000;
const DAYS = 36;

function series(rate: (minute: number) => number): DetectorInput {
  const counts = new Map<number, number>();
  for (let i = 0; i < DAYS * DAY; i++) {
    const count = rate(i);
    if (count > 0) counts.set(ORIGIN + i, count);
  }
  return { counts, from: ORIGIN + 8 * DAY, to: ORIGIN + DAYS * DAY, historyStart: ORIGIN };
}

/** mulberry32: a seeded PRNG, so "random" series are the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

const quiet = (i: number) => (i % 5 === 0 ? 1 : 0); // 0.2 calls per minute
const SPIKE_START = 30 * DAY + 14 * 60; // day 30, 14:00

describe('detectUnusualPeriods', () => {
  it('raises nothing on a flat series', () => {
    expect(detectUnusualPeriods(series(() => 1))).toEqual([]);
    expect(detectUnusualPeriods(series(quiet))).toEqual([]);
  });

  it('raises one period for one 30-minute spike, with its start, end and averages', () => {
    const input = series((i) => (i >= SPIKE_START && i < SPIKE_START + 30 ? 20 : quiet(i)));
    const periods = detectUnusualPeriods(input);
    expect(periods).toHaveLength(1);
    const [period] = periods;
    expect(period).toMatchObject({
      start: ORIGIN + SPIKE_START,
      end: ORIGIN + SPIKE_START + 30,
      first: 20,
      total: 600,
    });
    // Baseline: the seven whole days before the start's day (§3.3), 0.2 calls per minute.
    expect(period!.baseline).toMatchObject({ mean: 0.2, start: ORIGIN + 23 * DAY, end: ORIGIN + 30 * DAY });
    expect(period!.baseline.threshold).toBe(INSIGHTS_DETECTION.MIN_RATE);
  });

  it('keeps a spike with a few ordinary minutes inside it as one period', () => {
    const dips = new Set([SPIKE_START + 7, SPIKE_START + 8, SPIKE_START + 20]);
    const input = series((i) => (i >= SPIKE_START && i < SPIKE_START + 25 && !dips.has(i) ? 12 : quiet(i)));
    const periods = detectUnusualPeriods(input);
    expect(periods.map((p) => [p.start - ORIGIN, p.end! - ORIGIN])).toEqual([
      [SPIKE_START, SPIKE_START + 25],
    ]);
    expect(periods[0]!.total).toBe(12 * 22 + [...dips].reduce((sum, i) => sum + quiet(i), 0));
  });

  it('ignores a single busy minute', () => {
    expect(detectUnusualPeriods(series((i) => (i === SPIKE_START ? 50 : quiet(i))))).toEqual([]);
  });

  it('raises nothing on a noisy daily and weekly rhythm with a nightly batch job', () => {
    const random = prng(7);
    const rhythm = (i: number) => {
      const minuteOfDay = i % DAY;
      const weekday = (Math.floor(i / DAY) + 0) % 7; // day 0 is a Sunday
      const working = weekday >= 1 && weekday <= 5;
      if (minuteOfDay >= 120 && minuteOfDay < 130) return 25; // 02:00–02:10 every night
      const office = minuteOfDay >= 9 * 60 && minuteOfDay < 18 * 60;
      return poisson(random, office ? (working ? 3 : 0.5) : 0.1);
    };
    expect(detectUnusualPeriods(series(rhythm))).toEqual([]);
  });

  it('finds a spike on top of that rhythm', () => {
    const random = prng(11);
    const busy = (i: number) => {
      const office = i % DAY >= 9 * 60 && i % DAY < 18 * 60;
      const spike = i >= SPIKE_START && i < SPIKE_START + 35 ? 25 : 0;
      return poisson(random, (office ? 3 : 0.1) + spike);
    };
    const periods = detectUnusualPeriods(series(busy));
    expect(periods).toHaveLength(1);
    expect(periods[0]!.start - ORIGIN).toBeGreaterThanOrEqual(SPIKE_START);
    expect(periods[0]!.start - ORIGIN).toBeLessThan(SPIKE_START + 3);
    expect(periods[0]!.end! - ORIGIN).toBeGreaterThan(SPIKE_START + 30);
    expect(periods[0]!.end! - ORIGIN).toBeLessThanOrEqual(SPIKE_START + 35);
  });

  it('leaves a period open when it has not ended by the end of the data', () => {
    const input = { ...series((i) => (i >= SPIKE_START ? 20 : quiet(i))), to: ORIGIN + SPIKE_START + 10 };
    const [period, ...rest] = detectUnusualPeriods(input);
    expect(rest).toEqual([]);
    expect(period).toMatchObject({ start: ORIGIN + SPIKE_START, first: 20, total: 200 });
    expect(period!.end).toBeUndefined();
  });

  it('waits for the start window before starting a period', () => {
    const input = { ...series((i) => (i >= SPIKE_START ? 20 : quiet(i))), to: ORIGIN + SPIKE_START + 4 };
    expect(detectUnusualPeriods(input)).toEqual([]);
  });

  it('needs seven whole days of history before the start day', () => {
    const spiky = series((i) => (i >= SPIKE_START && i < SPIKE_START + 30 ? 20 : quiet(i)));
    expect(detectUnusualPeriods({ ...spiky, historyStart: ORIGIN + 23 * DAY })).toHaveLength(1);
    expect(detectUnusualPeriods({ ...spiky, historyStart: ORIGIN + 23 * DAY + 1 })).toEqual([]);
  });
});
