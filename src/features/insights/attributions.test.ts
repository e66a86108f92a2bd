import { describe, expect, it } from 'vitest';
import {
  attributesFor,
  attributionLabel,
  attributionTable,
  averageWithShare,
  baselineTable,
} from './attributions';

describe('Attributions tables (docs/cloudtrail-facts.md#insights-console)', () => {
  const attribution = {
    insight: [
      { value: 'role/a', average: 12 },
      { value: 'user/b', average: 2 },
    ],
    baseline: [{ value: 'user/b', average: 0.5 }],
  };

  it('lists the insight values with their baseline averages and the remainder as Other', () => {
    expect(attributionTable(attribution, 15, 1)).toEqual([
      { value: 'role/a', insight: { average: 12, percent: 80 } },
      { value: 'user/b', insight: { average: 2, percent: 13.3 }, baseline: { average: 0.5, percent: 50 } },
      { value: 'Other', insight: { average: 1, percent: 6.7 }, other: true },
    ]);
  });

  it('lists the baseline values on their own', () => {
    expect(baselineTable(attribution, 0.5)).toEqual([{ value: 'user/b', average: 0.5, percent: 100 }]);
  });

  it('shows error codes for call-rate insights only, and "null" as None', () => {
    expect(attributesFor('ApiCallRateInsight')).toContain('errorCode');
    expect(attributesFor('ApiErrorRateInsight')).not.toContain('errorCode');
    expect(attributionLabel('errorCode', 'null')).toBe('None');
    expect(attributionLabel('userAgent', 'null')).toBe('null');
  });

  it('writes an average with its share', () => {
    expect(averageWithShare({ average: 13.47, percent: 100 })).toBe('13.47 (100%)');
    expect(averageWithShare(undefined)).toBe('-');
  });
});
