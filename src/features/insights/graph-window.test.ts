import { describe, expect, it } from 'vitest';
import { formatTick, graphTicks, graphWindow, periodForSpan, perMinute, zoomDomain } from './graph-window';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const NOW = Date.parse('2026-11-21T14:00:00Z');
const START = Date.parse('2026-11-15T15:20:00Z');
const END = Date.parse('2026-11-15T15:50:00Z');

describe('graphWindow', () => {
  it('centres the span on the insight, one point per minute', () => {
    const window = graphWindow({ insightStart: START, insightEnd: END, spanMinutes: 180, now: NOW });
    expect(window).toEqual({
      start: Date.parse('2026-11-15T14:05:00Z'),
      end: Date.parse('2026-11-15T17:05:00Z'),
      period: 60,
    });
  });

  it.each([
    [5, 60],
    [1_440, 60],
    [3 * 1_440, 300],
    [7 * 1_440, 300],
  ])('a span of %i minutes asks for Period %i', (span, period) => {
    expect(periodForSpan(span)).toBe(period);
  });

  it('moves half a span per pan step and never past now', () => {
    const centred = graphWindow({ insightStart: START, insightEnd: END, spanMinutes: 180, now: NOW });
    const left = graphWindow({ insightStart: START, insightEnd: END, spanMinutes: 180, pan: -1, now: NOW });
    expect(centred.start - left.start).toBe(90 * MINUTE);
    const recent = graphWindow({
      insightStart: NOW - 10 * MINUTE,
      insightEnd: NOW,
      spanMinutes: 180,
      pan: 3,
      now: NOW,
    });
    expect(recent.end).toBeLessThanOrEqual(NOW);
    expect(recent.end - recent.start).toBe(180 * MINUTE);
  });

  it("switches to a coarser Period where Period 60's 15-day retention does not reach", () => {
    const old = NOW - 20 * DAY;
    const window = graphWindow({
      insightStart: old,
      insightEnd: old + 30 * MINUTE,
      spanMinutes: 180,
      now: NOW,
    });
    expect(window.period).toBe(300);
    expect(window.start % (300 * 1000)).toBe(0);
  });

  it('starts no earlier than the retention of Period 3600 (90 days)', () => {
    const old = NOW - 89.9 * DAY;
    const window = graphWindow({
      insightStart: old,
      insightEnd: old + 30 * MINUTE,
      spanMinutes: 7 * 1_440,
      now: NOW,
    });
    expect(window.period).toBe(3600);
    expect(window.start).toBeGreaterThanOrEqual(NOW - 90 * DAY);
  });
});

describe('perMinute', () => {
  it('divides each value by the minutes of its Period', () => {
    expect(perMinute([{ time: 0, value: 50 }], 300)).toEqual([{ time: 0, value: 10 }]);
    expect(perMinute([{ time: 0, value: 7 }], 60)).toEqual([{ time: 0, value: 7 }]);
  });
});

describe('zoomDomain', () => {
  const window = { start: 0, end: 120 * MINUTE, period: 60 } as const;
  it('halves the visible range around its middle, and zooms back out to the whole window', () => {
    const zoomed = zoomDomain(undefined, window, 'in');
    expect(zoomed).toEqual([30 * MINUTE, 90 * MINUTE]);
    expect(zoomDomain(zoomed, window, 'out')).toBeUndefined();
  });
  it('keeps at least two Periods in view', () => {
    let domain: [number, number] | undefined;
    for (let i = 0; i < 20; i++) domain = zoomDomain(domain, window, 'in');
    expect(domain![1] - domain![0]).toBeGreaterThanOrEqual(2 * MINUTE);
  });
});

describe('formatTick', () => {
  it.each([
    [180, 'utc', '15:20'],
    [3 * 1_440, 'utc', '11-15 15:20'],
  ] as const)('span %i minutes in %s', (span, display, expected) => {
    expect(formatTick(START, span, display)).toBe(expected);
  });
});

describe('graphTicks', () => {
  it('puts at most ten ticks on round times', () => {
    expect(graphTicks(Date.parse('2026-11-15T14:05:00Z'), Date.parse('2026-11-15T17:05:00Z'))).toEqual(
      ['14:30', '15:00', '15:30', '16:00', '16:30', '17:00'].map((t) => Date.parse(`2026-11-15T${t}:00Z`)),
    );
    expect(graphTicks(0, 7 * DAY)).toHaveLength(8); // midnight to midnight, both ends
  });
});
