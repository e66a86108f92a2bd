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
        startEventId: 'start-1',
        endEventId: 'end-1',
        eventName: 'SendCommand',
        eventSource: 'ssm.amazonaws.com',
        insightType: 'ApiCallRateInsight',
        startTime: '2026-11-21T10:00:00Z',
        endTime: '2026-11-21T10:05:00Z',
        durationMinutes: 5,
        baselineAverage: 0.04,
        insightAverage: 15,
        records: [
          expect.objectContaining({ eventID: 'start-1' }),
          expect.objectContaining({ eventID: 'end-1' }),
        ],
      },
    ]);
  });

  it("takes the End event's insight average and attributions over the Start event's", () => {
    const withAverage = (state: 'Start' | 'End', eventID: string, eventTime: string, average: number) => {
      const parsed = JSON.parse(record(state, eventID, eventTime).CloudTrailEvent) as {
        insightDetails: { insightContext: Record<string, unknown> };
      };
      parsed.insightDetails.insightContext = {
        statistics: { baseline: { average: 1 }, insight: { average } },
        attributions: [{ attribute: 'userAgent', insight: [{ value: state, average }], baseline: [] }],
      };
      return { CloudTrailEvent: JSON.stringify(parsed) };
    };
    for (const order of [
      [
        withAverage('End', 'e', '2026-11-21T10:05:00Z', 8),
        withAverage('Start', 's', '2026-11-21T10:00:00Z', 12),
      ],
      [
        withAverage('Start', 's', '2026-11-21T10:00:00Z', 12),
        withAverage('End', 'e', '2026-11-21T10:05:00Z', 8),
      ],
    ]) {
      const [row] = summarizeInsights(order);
      expect(row?.insightAverage).toBe(8);
      expect(row?.attributions?.[0]?.insight[0]?.value).toBe('End');
      expect(row?.baselineAverage).toBe(1);
    }
  });

  it('keeps the Start figures of an Insights event that has not ended', () => {
    const [row] = summarizeInsights([record('Start', 'start-1', '2026-11-21T10:00:00Z')]);
    expect(row).toMatchObject({ insightAverage: 15, startEventId: 'start-1' });
    expect(row?.endEventId).toBeUndefined();
    expect(row?.durationMinutes).toBeUndefined();
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
