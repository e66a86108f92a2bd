import { describe, expect, it } from 'vitest';
import { parseInsightsSearch, rangeFromSearch, searchFromRange, timeWindow } from './insights-search';

describe('the Insights URL search', () => {
  it('keeps a valid filter and time range', () => {
    expect(
      parseInsightsSearch({ attribute: 'EventSource', value: 'ssm.amazonaws.com', last: '1-day' }),
    ).toEqual({
      attribute: 'EventSource',
      value: 'ssm.amazonaws.com',
      last: '1-day',
    });
  });

  it('drops what does not parse', () => {
    expect(
      parseInsightsSearch({ attribute: 'Username', value: '', last: 'forever', from: 'x', to: 'y' }),
    ).toEqual({});
    expect(parseInsightsSearch({ value: 123 })).toEqual({ value: '123' });
    expect(parseInsightsSearch({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toEqual({});
  });

  it('round-trips the date range picker value', () => {
    const relative = rangeFromSearch({ last: '30-minute' });
    expect(relative).toEqual({ type: 'relative', amount: 30, unit: 'minute', key: 'previous-30-minutes' });
    expect(searchFromRange(relative)).toEqual({ last: '30-minute' });
    const absolute = {
      type: 'absolute',
      startDate: '2026-11-01T00:00:00Z',
      endDate: '2026-11-02T00:00:00Z',
    } as const;
    expect(rangeFromSearch(searchFromRange(absolute))).toEqual({
      type: 'absolute',
      startDate: '2026-11-01T00:00:00.000Z',
      endDate: '2026-11-02T00:00:00.000Z',
    });
    expect(searchFromRange(null)).toEqual({});
  });

  it('turns the range into LookupEvents StartTime and EndTime', () => {
    const now = Date.parse('2026-11-21T14:00:00Z');
    expect(timeWindow({ last: '12-hour' }, now)).toEqual({ startTime: '2026-11-21T02:00:00.000Z' });
    expect(timeWindow({}, now)).toEqual({});
  });
});
