// Insights events as the console lists them: one row per Insights event, i.e. per Start/End pair sharing
// a sharedEventID, at the Start event's time (docs/cloudtrail-facts.md#insights-console, docs/cloudtrail-facts.md#insights). The record is untrusted JSON, so
// only the fields that parse are used.
import type { InsightAttribution, InsightType } from '@/domain/record';
import { z } from 'zod';

const MINUTE_MS = 60_000;

const averageSchema = z.object({ average: z.number() });
const attributionValueSchema = z.object({ value: z.string(), average: z.number() });

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
      .object({
        statistics: z
          .object({
            baseline: averageSchema.optional(),
            insight: averageSchema.optional(),
            insightDuration: z.number().optional(),
            baselineDuration: z.number().optional(),
          })
          .optional(),
        attributions: z
          .array(
            z.object({
              attribute: z.enum(['userIdentityArn', 'userAgent', 'errorCode']),
              insight: z.array(attributionValueSchema).catch([]),
              baseline: z.array(attributionValueSchema).catch([]),
            }),
          )
          .optional()
          .catch(undefined),
      })
      .optional(),
  }),
});

export interface InsightSummary {
  /** The sharedEventID (or the event ID when a record has none). */
  id: string;
  /** The Start event's ID, or the End event's when the Start is not among the events given. */
  eventId: string;
  startEventId?: string;
  endEventId?: string;
  eventName: string;
  eventSource: string;
  insightType: InsightType;
  errorCode?: string;
  startTime?: string;
  endTime?: string;
  /** Minutes of unusual activity (the End event's insightDuration). */
  durationMinutes?: number;
  baselineAverage?: number;
  /** The End event's average over the whole duration; the Start event's (first minute) until it comes. */
  insightAverage?: number;
  attributions?: InsightAttribution[];
  /** The parsed records, Start before End, for the Insights event record and the JSON download. */
  records: unknown[];
}

interface InsightEventLike {
  CloudTrailEvent?: string;
}

function parse(json: string | undefined) {
  if (!json) return undefined;
  try {
    const raw: unknown = JSON.parse(json);
    const result = insightRecordSchema.safeParse(raw);
    return result.success ? { record: result.data, raw } : undefined;
  } catch {
    return undefined;
  }
}

/** Pairs Start and End events, newest first by start time (the order LookupEvents returns them in). */
export function summarizeInsights(events: readonly InsightEventLike[]): InsightSummary[] {
  const byId = new Map<string, InsightSummary>();
  for (const event of events) {
    const parsed = parse(event.CloudTrailEvent);
    if (!parsed) continue;
    const { record, raw } = parsed;
    const id = record.sharedEventID ?? record.eventID;
    const details = record.insightDetails;
    const summary: InsightSummary = byId.get(id) ?? {
      id,
      eventId: record.eventID,
      eventName: details.eventName,
      eventSource: details.eventSource,
      insightType: details.insightType,
      ...(details.errorCode ? { errorCode: details.errorCode } : {}),
      records: [],
    };
    if (summary.records.some((r) => (r as { eventID?: unknown }).eventID === record.eventID)) continue;
    const statistics = details.insightContext?.statistics;
    const attributions = details.insightContext?.attributions;
    if (statistics?.baseline && summary.baselineAverage === undefined) {
      summary.baselineAverage = statistics.baseline.average;
    }
    if (details.state === 'Start') {
      summary.startTime = record.eventTime;
      summary.eventId = record.eventID;
      summary.startEventId = record.eventID;
      summary.records.unshift(raw);
      // The End event's figures cover the whole duration; the Start's only stand in until it comes.
      if (!summary.endEventId) {
        if (statistics?.insight) summary.insightAverage = statistics.insight.average;
        if (attributions) summary.attributions = attributions;
      }
    } else {
      summary.endTime = record.eventTime;
      summary.endEventId = record.eventID;
      summary.records.push(raw);
      if (statistics?.insight) summary.insightAverage = statistics.insight.average;
      if (attributions) summary.attributions = attributions;
      const minutes = statistics?.insightDuration;
      if (minutes !== undefined) summary.durationMinutes = minutes;
      // Start not among the events given (older page): the End event says how long the insight lasted.
      if (!summary.startTime && minutes !== undefined) {
        summary.startTime = new Date(Date.parse(record.eventTime) - minutes * MINUTE_MS).toISOString();
      }
    }
    byId.set(id, summary);
  }
  const time = (s: InsightSummary) => Date.parse(s.startTime ?? s.endTime ?? '') || 0;
  return [...byId.values()].sort((a, b) => time(b) - time(a));
}
