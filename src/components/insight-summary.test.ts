import { describe, expect, it } from 'vitest';
import { summarizeInsights } from './insight-summary';

const record = (state: 'Start' | 'End', eventID: string, eventTime: string, sharedEventID = 'shared-1') => ({
  CloudTrailEvent: JSON.stringify({
    eventID,
    eventTime,
    sharedEventID,
    eventType: 'AwsCloudTrailInsight',
    insightDetails: {
      state,
      eventSource: 'ssm.amazonaws.com',
      eventName: 'SendCommand',
      insightType: 'ApiCallRateInsight',
      insightContext: {
        statistics: { baseline: { average: 0.04 }, insight: { average: 15 }, insightDuration: 5 },
      },
    },
  }),
});

describe('summarizeInsights', () => {
  it('pairs Start and End events into one Insights event at the start time', () => {
    const rows = summarizeInsights([
      record('End', 'end-1', '2026-11-21T10:05:00Z'),
      record('Start', 'start-1', '2026-11-21T10:00:00Z'),
    ]);
    expect(rows).toEqual([
      {
        id: 'shared-1',
        eventId: 'start-1',
        eventName: 'SendCommand',
        eventSource: 'ssm.amazonaws.com',
        insightType: 'ApiCallRateInsight',
        startTime: '2026-11-21T10:00:00Z',
        endTime: '2026-11-21T10:05:00Z',
      },
    ]);
  });

  it('derives the start time from the duration when only the End event is given', () => {
    const [row] = summarizeInsights([record('End', 'end-1', '2026-11-21T10:05:00Z')]);
    expect(row?.startTime).toBe('2026-11-21T10:00:00.000Z');
  });

  it('orders Insights events newest first and skips records that do not parse', () => {
    const rows = summarizeInsights([
      record('Start', 'a', '2026-11-20T10:00:00Z', 'older'),
      { CloudTrailEvent: '{not json' },
      { CloudTrailEvent: JSON.stringify({ eventID: 'x', eventTime: 'y' }) },
      record('Start', 'b', '2026-11-21T10:00:00Z', 'newer'),
    ]);
    expect(rows.map((row) => row.id)).toEqual(['newer', 'older']);
  });
});
