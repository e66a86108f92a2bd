// The CloudTrail events tab's query (docs/cloudtrail-facts.md#insights-console): events between one minute before the Insights
// event's start and one minute after its end; "Only show events for selected Insights event" keeps the
// subject API's events (its event source, and for an error-rate insight its error code).
import type { EventFilter } from '@/api/event-queries';
import type { InsightSummary } from '@/components/insight-summary';
import { eventFields, type LookupEventLike } from '@/domain/event-fields';
import type { InsightSpan } from './insight-span';

const MINUTE_MS = 60_000;

export function insightEventsFilter(
  region: string,
  insight: Pick<InsightSummary, 'eventName'>,
  span: InsightSpan,
  onlySelected: boolean,
): EventFilter {
  return {
    region,
    startTime: new Date(span.start - MINUTE_MS).toISOString(),
    endTime: new Date(span.end + MINUTE_MS).toISOString(),
    ...(onlySelected ? { attribute: { key: 'EventName', value: insight.eventName } } : {}),
  };
}

export function isInsightSubject(
  event: LookupEventLike,
  insight: Pick<InsightSummary, 'eventName' | 'eventSource' | 'insightType' | 'errorCode'>,
): boolean {
  const fields = eventFields(event);
  if (fields.eventName !== insight.eventName || fields.eventSource !== insight.eventSource) return false;
  return insight.insightType !== 'ApiErrorRateInsight' || fields.errorCode === insight.errorCode;
}
