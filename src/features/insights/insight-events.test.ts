import { describe, expect, it } from 'vitest';
import { insightEventsFilter, isInsightSubject } from './insight-events';
import { insightSpan } from './insight-span';

const span = {
  start: Date.parse('2026-11-08T20:13:00Z'),
  end: Date.parse('2026-11-08T20:39:00Z'),
  minutes: 26,
};
const errorRate = {
  eventName: 'GetBucketPolicy',
  eventSource: 's3.amazonaws.com',
  insightType: 'ApiErrorRateInsight',
  errorCode: 'AccessDenied',
} as const;
const event = (record: Record<string, unknown>) => ({
  EventName: 'GetBucketPolicy',
  EventSource: 's3.amazonaws.com',
  CloudTrailEvent: JSON.stringify({
    eventName: 'GetBucketPolicy',
    eventSource: 's3.amazonaws.com',
    ...record,
  }),
});

describe('CloudTrail events of an Insights event (docs/cloudtrail-facts.md#insights-console)', () => {
  it('asks for one minute either side of the insight, by event name when only its events are shown', () => {
    expect(insightEventsFilter('us-east-1', errorRate, span, true)).toEqual({
      region: 'us-east-1',
      startTime: '2026-11-08T20:12:00.000Z',
      endTime: '2026-11-08T20:40:00.000Z',
      attribute: { key: 'EventName', value: 'GetBucketPolicy' },
    });
    expect(insightEventsFilter('us-east-1', errorRate, span, false).attribute).toBeUndefined();
  });

  it("keeps an error-rate insight's events with its error code only", () => {
    expect(isInsightSubject(event({ errorCode: 'AccessDenied' }), errorRate)).toBe(true);
    expect(isInsightSubject(event({}), errorRate)).toBe(false);
    expect(isInsightSubject(event({}), { ...errorRate, insightType: 'ApiCallRateInsight' })).toBe(true);
    expect(
      isInsightSubject(
        { ...event({}), EventSource: 'other.amazonaws.com' },
        { ...errorRate, insightType: 'ApiCallRateInsight' },
      ),
    ).toBe(false);
  });
});

describe('insightSpan', () => {
  const now = Date.parse('2026-11-21T14:00:00Z');
  it('runs from the Start to the End event', () => {
    expect(
      insightSpan(
        { startTime: '2026-11-08T20:13:00Z', endTime: '2026-11-08T20:39:00Z', durationMinutes: 26 },
        now,
      ),
    ).toEqual(span);
  });
  it('runs until now while the End event has not come', () => {
    expect(insightSpan({ startTime: '2026-11-21T13:00:00Z' }, now)).toEqual({
      start: now - 3_600_000,
      end: now,
      minutes: 60,
    });
  });
});
