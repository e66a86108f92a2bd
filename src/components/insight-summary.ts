// Insights events as the console lists them: one row per Insights event, i.e. per Start/End pair sharing
// a sharedEventID, at the Start event's time (reference §3.1, §4.4). The record is untrusted JSON, so
// only the fields that parse are used.
import type { InsightType } from '@/domain/record';
import { z } from 'zod';

const insightRecordSchema = z.object({
  eventID: z.string(),
  eventTime: z.string(),
  sharedEventID: z.string().optional(),
  insightDetails: z.object({
    state: z.enum(['Start', 'End']),
    eventSource: z.string(),
    eventName: z.string(),
    insightType: z.enum(['ApiCallRateInsight', 'ApiErrorRateInsight']),
    errorCode: z.string().optional(),
    insightContext: z
      .object({ statistics: z.object({ insightDuration: z.number().optional() }).optional() })
      .optional(),
  }),
});

export interface InsightSummary {
  /** The sharedEventID (or the event ID when a record has none). */
  id: string;
  /** The Start event's ID, or the End event's when the Start is not among the events given. */
  eventId: string;
  eventName: string;
  eventSource: string;
  insightType: InsightType;
  errorCode?: string;
  startTime?: string;
  endTime?: string;
}

interface InsightEventLike {
  CloudTrailEvent?: string;
}

function parse(json: string | undefined) {
  if (!json) return undefined;
  try {
    const result = insightRecordSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** Pairs Start and End events, newest first by start time (the order LookupEvents returns them in). */
export function summarizeInsights(events: readonly InsightEventLike[]): InsightSummary[] {
  const byId = new Map<string, InsightSummary>();
  for (const event of events) {
    const record = parse(event.CloudTrailEvent);
    if (!record) continue;
    const id = record.sharedEventID ?? record.eventID;
    const details = record.insightDetails;
    const summary = byId.get(id) ?? {
      id,
      eventId: record.eventID,
      eventName: details.eventName,
      eventSource: details.eventSource,
      insightType: details.insightType,
      ...(details.errorCode ? { errorCode: details.errorCode } : {}),
    };
    if (details.state === 'Start') {
      summary.startTime = record.eventTime;
      summary.eventId = record.eventID;
    } else {
      summary.endTime = record.eventTime;
      // Start not among the events given (older page): the End event says how long the insight lasted.
      const minutes = details.insightContext?.statistics?.insightDuration;
      if (!summary.startTime && minutes !== undefined) {
        summary.startTime = new Date(Date.parse(record.eventTime) - minutes * 60_000).toISOString();
      }
    }
    byId.set(id, summary);
  }
  const time = (s: InsightSummary) => Date.parse(s.startTime ?? s.endTime ?? '') || 0;
  return [...byId.values()].sort((a, b) => time(b) - time(a));
}
