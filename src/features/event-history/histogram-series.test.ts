import { describe, expect, it } from 'vitest';
import { bucketWidth, histogramSeries, MAX_BUCKETS } from './histogram-series';

const T = Date.parse('2026-11-20T12:00:00Z');
const MINUTE = 60_000;

describe('histogramSeries', () => {
  it('counts events per aligned bucket and keeps empty buckets', () => {
    const series = histogramSeries([T, T + 30_000, T + 3 * MINUTE + 1]);
    expect(series.map((b) => b.count)).toEqual([2, 0, 0, 1]);
    expect(series[0]).toEqual({ start: T, end: T + MINUTE, count: 2 });
  });

  it.each([
    [30 * MINUTE, MINUTE],
    [2 * 60 * MINUTE, 5 * MINUTE],
    [24 * 60 * MINUTE, 30 * MINUTE],
    [90 * 24 * 60 * MINUTE, 2 * 24 * 60 * MINUTE],
  ])('picks a bucket width that shows a span of %i ms as at most 60 bars', (span, width) => {
    expect(bucketWidth(span)).toBe(width);
    expect(span / bucketWidth(span)).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('covers a given range and ignores times outside it', () => {
    const series = histogramSeries([T - MINUTE, T + MINUTE, T + 100 * MINUTE], T, T + 10 * MINUTE);
    expect(series[0]!.start).toBe(T);
    expect(series.at(-1)!.end).toBeGreaterThan(T + 10 * MINUTE);
    expect(series.reduce((sum, b) => sum + b.count, 0)).toBe(1);
  });

  it('gives no buckets for no events', () => {
    expect(histogramSeries([])).toEqual([]);
    expect(histogramSeries([Number.NaN])).toEqual([]);
  });
});
