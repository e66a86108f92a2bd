import { describe, expect, it } from 'vitest';
import { MAX_BARS, timelineSeries } from './timeline-series';

const at = (iso: string, errorCode?: string) => ({ eventTime: iso, errorCode });

describe('timelineSeries', () => {
  it('counts calls and errors per minute over a short session', () => {
    const buckets = timelineSeries([
      at('2026-11-20T12:00:10Z'),
      at('2026-11-20T12:00:50Z', 'AccessDenied'),
      at('2026-11-20T12:02:05Z'),
    ]);
    expect(buckets.map(({ calls, errors }) => [calls, errors])).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(buckets[0]!.start).toBe(Date.parse('2026-11-20T12:00:00Z'));
  });

  it('never draws more than MAX_BARS bars over a long session', () => {
    const buckets = timelineSeries([at('2026-11-01T00:00:00Z'), at('2026-11-20T23:59:59Z')]);
    expect(buckets.length).toBeLessThanOrEqual(MAX_BARS);
    expect(buckets.reduce((n, b) => n + b.calls, 0)).toBe(2);
  });

  it('is empty without events', () => {
    expect(timelineSeries([])).toEqual([]);
  });
});
