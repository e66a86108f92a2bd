import { describe, expect, it } from 'vitest';
import type { InsightSummary } from '@/components/insight-summary';
import { insightsCsv, insightsFile, insightsJson, rateChangeText } from './insights-export';

const insight: InsightSummary = {
  id: 'shared-1',
  eventId: 'start-1',
  startEventId: 'start-1',
  endEventId: 'end-1',
  eventName: 'SendCommand',
  eventSource: 'ssm.amazonaws.com',
  insightType: 'ApiCallRateInsight',
  startTime: '2026-11-15T15:20:00Z',
  endTime: '2026-11-15T15:50:00Z',
  durationMinutes: 30,
  baselineAverage: 1,
  insightAverage: 3,
  records: [{ eventID: 'start-1' }, { eventID: 'end-1' }],
};

describe('Insights downloads', () => {
  it('writes one CSV line per Insights event under the header', () => {
    const lines = insightsCsv([insight]).split('\r\n');
    expect(lines[0]).toBe(
      'Event name,Event source,Insight type,Error code,Event start time,Event end time,Duration (minutes),Baseline average,Insight average,Rate change,Shared event ID,Start event ID,End event ID',
    );
    expect(lines[1]).toBe(
      'SendCommand,ssm.amazonaws.com,API call rate,,2026-11-15T15:20:00Z,2026-11-15T15:50:00Z,30,1,3,300%,shared-1,start-1,end-1',
    );
    expect(lines[2]).toBe('');
  });

  it('quotes and neutralises untrusted values', () => {
    const [, line] = insightsCsv([{ ...insight, eventName: '=HYPERLINK("x")', eventSource: 'a,b' }]).split(
      '\r\n',
    );
    expect(line?.startsWith(`"'=HYPERLINK(""x"")","a,b"`)).toBe(true);
  });

  it('leaves the rate change empty over a baseline of 0', () => {
    expect(rateChangeText({ baselineAverage: 0, insightAverage: 6 })).toBe('');
    expect(rateChangeText({ baselineAverage: 4, insightAverage: 1 })).toBe('25%');
  });

  it('writes the Start and End records as {"Records":[…]}', () => {
    expect(JSON.parse(insightsJson([insight]))).toEqual({
      Records: [{ eventID: 'start-1' }, { eventID: 'end-1' }],
    });
    expect(insightsFile('json', []).name).toBe('insights_events.json');
    expect(insightsFile('csv', []).type).toMatch(/^text\/csv/);
  });
});
