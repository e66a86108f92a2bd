import { describe, expect, it } from 'vitest';
import {
  attributionRows,
  defaultGraphSpan,
  INSIGHT_TYPE_LABELS,
  isMetricPeriod,
  mergeChartSeries,
  metricPeriodFor,
  metricRetentionStart,
  rateChange,
  roundAverage,
  toChartSeries,
} from './insights';

const HOUR = 3_600_000;
const T = Date.parse('2026-11-20T12:00:00Z');

describe('labels and rate change (docs/cloudtrail-facts.md#insights-console)', () => {
  it('labels the insight types as the console does', () => {
    expect(INSIGHT_TYPE_LABELS).toEqual({
      ApiCallRateInsight: 'API call rate',
      ApiErrorRateInsight: 'API error rate',
    });
  });

  it.each([
    [1, 3, { percent: 300, direction: 'up' }], // the documented example: 1.0 → 3.0 is 300%
    [0.0442, 15, { percent: 33937, direction: 'up' }],
    [4, 1, { percent: 25, direction: 'down' }],
    [2, 2, { percent: 100, direction: 'none' }],
    [0, 5, { direction: 'up' }],
    [0, 0, { direction: 'none' }],
  ])('baseline %s, insight %s', (baseline, insight, expected) => {
    expect(rateChange(baseline, insight)).toEqual(expected);
  });
});

describe('default graph span by insight duration (docs/cloudtrail-facts.md#insights-console)', () => {
  it.each([
    [1, '3 hours'],
    [239, '3 hours'],
    [240, '12 hours'],
    [719, '12 hours'],
    [720, '1 day'],
    [1439, '1 day'],
    [1440, '3 days'],
    [72 * 60, '3 days'],
    [72 * 60 + 1, '1 week'],
  ])('%s minutes → %s', (minutes, label) => {
    expect(defaultGraphSpan(minutes).label).toBe(label);
  });
});

describe('ListInsightsMetricData periods (docs/cloudtrail-facts.md#insights)', () => {
  it('accepts only 60, 300 and 3600', () => {
    expect([60, 300, 3600, 120, '60', undefined].map(isMetricPeriod)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('keeps 15, 63 and 90 days and picks the finest period that reaches back far enough', () => {
    const day = 24 * HOUR;
    expect(metricRetentionStart(60, T)).toBe(T - 15 * day);
    expect(metricRetentionStart(300, T)).toBe(T - 63 * day);
    expect(metricRetentionStart(3600, T)).toBe(T - 90 * day);
    expect(metricPeriodFor(T - 15 * day, T)).toBe(60); // cutoffs are inclusive
    expect(metricPeriodFor(T - 15 * day - 1, T)).toBe(300);
    expect(metricPeriodFor(T - 63 * day - 1, T)).toBe(3600);
  });
});

describe('attributionRows', () => {
  it('adds an Other row with the remainder of the total and shares in percent', () => {
    const values = [
      { value: 'b', average: 2 },
      { value: 'a', average: 6 },
    ];
    expect(attributionRows(values, 10)).toEqual([
      { value: 'a', average: 6, percent: 60 },
      { value: 'b', average: 2, percent: 20 },
      { value: 'Other', average: 2, percent: 20, other: true },
    ]);
  });

  it('adds no Other row when the values make up the total, up to rounding', () => {
    expect(attributionRows([{ value: 'null', average: 0.03333 }], 0.03333)).toHaveLength(1);
    expect(attributionRows([{ value: 'x', average: 1 / 3 }], roundAverage(1 / 3))).toHaveLength(1);
  });
});

describe('toChartSeries', () => {
  const at = (hours: number) => new Date(T + hours * HOUR);

  it('fills the gaps NonZeroData leaves between points with zeros', () => {
    expect(toChartSeries([at(0), at(3)], [4, 2], { period: 3600 })).toEqual([
      { time: T, value: 4 },
      { time: T + HOUR, value: 0 },
      { time: T + 2 * HOUR, value: 0 },
      { time: T + 3 * HOUR, value: 2 },
    ]);
  });

  it('covers start (inclusive) to end (exclusive) when they are given', () => {
    const points = toChartSeries([at(1)], [5], { period: 3600, start: T - 30 * 60_000, end: T + 3 * HOUR });
    expect(points).toEqual([
      { time: T, value: 0 },
      { time: T + HOUR, value: 5 },
      { time: T + 2 * HOUR, value: 0 },
    ]);
  });

  it('sorts, sums duplicates, snaps to the period and drops what is out of range or not a number', () => {
    const points = toChartSeries(
      [at(2), at(0), at(0), T + 60_000, at(5), at(1)],
      [1, 2, 3, 4, 9, Number.NaN],
      { period: 3600, end: T + 3 * HOUR },
    );
    expect(points).toEqual([
      { time: T, value: 9 },
      { time: T + HOUR, value: 0 },
      { time: T + 2 * HOUR, value: 1 },
    ]);
  });

  it('uses the common prefix of mismatched arrays and returns nothing without data', () => {
    expect(toChartSeries([at(0), at(1)], [7], { period: 3600 })).toEqual([{ time: T, value: 7 }]);
    expect(toChartSeries([], [], { period: 60 })).toEqual([]);
  });

  it('accepts epoch milliseconds as timestamps', () => {
    expect(toChartSeries([T, T + 120_000], [1, 1], { period: 60 }).map((p) => p.value)).toEqual([1, 0, 1]);
  });

  it('merges named series into one row per time for a two-line error-rate chart', () => {
    const calls = [
      { time: T, value: 10 },
      { time: T + 60_000, value: 12 },
    ];
    const errors = [{ time: T + 60_000, value: 7 }];
    expect(mergeChartSeries({ calls, errors })).toEqual([
      { time: T, calls: 10 },
      { time: T + 60_000, calls: 12, errors: 7 },
    ]);
  });
});
