// When an Insights event's unusual activity ran (docs/cloudtrail-facts.md#insights-console, docs/cloudtrail-facts.md#insights): from the Start event's time to
// the End event's, whose insightDuration counts its minutes; an Insights event without its End yet runs
// until now.
import type { InsightSummary } from '@/components/insight-summary';

const MINUTE_MS = 60_000;

export interface InsightSpan {
  /** Epoch ms. */
  start: number;
  end: number;
  minutes: number;
}

export function insightSpan(
  insight: Pick<InsightSummary, 'startTime' | 'endTime' | 'durationMinutes'>,
  now: number,
): InsightSpan {
  const start = Date.parse(insight.startTime ?? insight.endTime ?? '');
  let end = insight.endTime ? Date.parse(insight.endTime) : Number.NaN;
  if (Number.isNaN(end) && insight.durationMinutes !== undefined)
    end = start + insight.durationMinutes * MINUTE_MS;
  if (Number.isNaN(end)) end = Math.max(start, now);
  const minutes = insight.durationMinutes ?? Math.max(1, Math.round((end - start) / MINUTE_MS));
  return { start, end, minutes };
}
