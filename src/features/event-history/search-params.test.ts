import { describe, expect, it } from 'vitest';
import { parseEventsSearch, toEventsView } from './search-params';
import { formatTimeRange, parseTimeRange, timeRangeBounds, validateRange } from './time-range';

describe('the #/events URL', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'keeps what it can read',
      { attr: 'EventName', value: 'ConsoleLogin', page: 2, range: '1h' },
      { attr: 'EventName', value: 'ConsoleLogin', page: 2, range: '1h' },
    ],
    [
      'reads a value the router parsed as JSON',
      { attr: 'ReadOnly', value: false },
      { attr: 'ReadOnly', value: 'false' },
    ],
    ['drops an unknown attribute', { attr: 'Nope', value: 'x' }, { value: 'x' }],
    ['drops a bad page and range', { page: 0, range: 'yesterday' }, {}],
    ['drops a refine that is not a query', { refine: { tokens: 'x' } }, {}],
    [
      'reads a refine query',
      {
        refine: {
          operation: 'or',
          tokens: [{ propertyKey: 'errorCode', operator: '=', value: 'AccessDenied' }],
        },
      },
      {
        refine: {
          operation: 'or',
          tokens: [{ propertyKey: 'errorCode', operator: '=', value: 'AccessDenied' }],
        },
      },
    ],
    [
      'drops a refine token with an unknown operator',
      { refine: { operation: 'and', tokens: [{ operator: '>', value: '1' }] } },
      {},
    ],
    ['survives anything', { page: { x: [] }, view: 42 }, {}],
  ])('%s', (_label, search, expected) => {
    expect(parseEventsSearch(search)).toEqual(expected);
  });

  it('opens with Read-only = false, and without it after the X', () => {
    expect(toEventsView({}).attribute).toEqual({ key: 'ReadOnly', value: 'false' });
    expect(toEventsView({ attr: 'none' }).attribute).toBeUndefined();
    expect(toEventsView({ attr: 'Username' })).toMatchObject({
      attributeKey: 'Username',
      attribute: undefined,
    });
  });
});

describe('the time range', () => {
  const now = Date.parse('2026-11-21T14:00:00Z');

  it.each([
    ['30m', '2026-11-21T13:30:00Z'],
    ['1h', '2026-11-21T13:00:00Z'],
    ['12h', '2026-11-21T02:00:00Z'],
    ['1d', '2026-11-20T14:00:00Z'],
    ['2w', '2026-11-07T14:00:00Z'],
  ])('counts a relative range %s back from now', (text, start) => {
    expect(timeRangeBounds(parseTimeRange(text), now)).toEqual({ startTime: start });
    expect(formatTimeRange(parseTimeRange(text)!)).toBe(text);
  });

  it('reads an absolute range as an ISO interval, in UTC seconds', () => {
    const range = parseTimeRange('2026-11-20T09:30:00+01:00/2026-11-20T10:00:00.000Z');
    expect(range).toEqual({ type: 'absolute', start: '2026-11-20T08:30:00Z', end: '2026-11-20T10:00:00Z' });
    expect(timeRangeBounds(range, now)).toEqual({
      startTime: '2026-11-20T08:30:00Z',
      endTime: '2026-11-20T10:00:00Z',
    });
    expect(parseTimeRange('2026-11-21T00:00:00Z/2026-11-20T00:00:00Z')).toBeUndefined();
  });

  it('refuses a start after the end and more than 90 days', () => {
    expect(
      validateRange({ type: 'absolute', startDate: '2026-11-21T00:00:00Z', endDate: '2026-11-20T00:00:00Z' }),
    ).toMatchObject({ valid: false });
    expect(validateRange({ type: 'relative', amount: 13, unit: 'week' })).toMatchObject({ valid: false });
    expect(validateRange({ type: 'relative', amount: 12, unit: 'week' })).toEqual({ valid: true });
  });
});
