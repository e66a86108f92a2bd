// "Download events" on the Insights page (docs/cloudtrail-facts.md#insights-console): CSV with the table's columns plus the IDs the
// table hides (the console's Insights CSV columns are unconfirmed, §10.4), and JSON `{"Records":[…]}` of
// the Start and End records, as Event history's JSON download has them.
import type { InsightSummary } from '@/components/insight-summary';
import { exportTime, neutraliseCell, quoteCsvField, type ExportFormat } from '@/domain/event-export';
import { INSIGHT_TYPE_LABELS, rateChange } from '@/domain/insights';

export const INSIGHTS_CSV_HEADER = [
  'Event name',
  'Event source',
  'Insight type',
  'Error code',
  'Event start time',
  'Event end time',
  'Duration (minutes)',
  'Baseline average',
  'Insight average',
  'Rate change',
  'Shared event ID',
  'Start event ID',
  'End event ID',
] as const;

const CRLF = '\r\n';
const cell = (value: string | number | undefined) =>
  quoteCsvField(neutraliseCell(value === undefined ? '' : String(value)));
const time = (value: string | undefined) => (value ? exportTime(Date.parse(value)) : '');

/** "300%" as the Rate change column shows it; empty when the baseline is 0 (no finite ratio). */
export function rateChangeText(insight: Pick<InsightSummary, 'baselineAverage' | 'insightAverage'>): string {
  if (insight.baselineAverage === undefined || insight.insightAverage === undefined) return '';
  const { percent } = rateChange(insight.baselineAverage, insight.insightAverage);
  return percent === undefined ? '' : `${percent}%`;
}

export function insightsCsv(insights: readonly InsightSummary[]): string {
  let out = INSIGHTS_CSV_HEADER.join(',') + CRLF;
  for (const insight of insights) {
    const cells = [
      insight.eventName,
      insight.eventSource,
      INSIGHT_TYPE_LABELS[insight.insightType],
      insight.errorCode,
      time(insight.startTime),
      time(insight.endTime),
      insight.durationMinutes,
      insight.baselineAverage,
      insight.insightAverage,
      rateChangeText(insight),
      insight.id,
      insight.startEventId,
      insight.endEventId,
    ];
    out += cells.map(cell).join(',') + CRLF;
  }
  return out;
}

export function insightsJson(insights: readonly InsightSummary[]): string {
  return JSON.stringify({ Records: insights.flatMap((insight) => insight.records) });
}

export function insightsFile(format: ExportFormat, insights: readonly InsightSummary[]) {
  return format === 'csv'
    ? { name: 'insights_events.csv', type: 'text/csv;charset=utf-8', text: insightsCsv(insights) }
    : { name: 'insights_events.json', type: 'application/json', text: insightsJson(insights) };
}
