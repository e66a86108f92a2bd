// Start/End Insights event records for a detected period, in the trail Insights record schema
// (docs/cloudtrail-facts.md#insights): eventVersion 1.07, eventType AwsCloudTrailInsight, eventCategory
// Insight, a shared sharedEventID, statistics and attributions under insightDetails.insightContext.
import { ATTRIBUTION_TOP, roundAverage } from '@/domain/insights';
import type { InsightAttribution, InsightAttributionValue, InsightRecord } from '@/domain/record';
import type { DetectedPeriod } from './detector';
import {
  MINUTE_MS,
  tally,
  type CallFilter,
  type Column,
  type MinuteCounts,
  type MinuteSeries,
} from './minute-counts';
import { stableUuid } from './stable-id';
import { isoSeconds } from '@/domain/iso-time';

/**
 * §3.2 Attributions: user identity ARNs, user agents and — for API call rate only — error codes.
 * Each side lists its own top five by average, as the record does (§4.4 "≤5"; §9.5's baseline list
 * omits a value that was absent from the baseline). The console's "Other" row is derived from the
 * statistics by attributionRows() in src/domain/insights.ts, so records stay as real AWS writes them.
 */
const ATTRIBUTES: Record<Column, InsightAttribution['attribute']> = {
  identity: 'userIdentityArn',
  agent: 'userAgent',
  error: 'errorCode',
};

/** The incident's IDs: a function of what it is and when it started, so re-analysis never duplicates. */
export function insightIds(series: MinuteSeries, accountId: string, start: number) {
  const shared = stableUuid(
    [
      'insight',
      accountId,
      series.region,
      series.type,
      series.eventSource,
      series.eventName,
      series.errorCode ?? '',
      start,
    ].join('|'),
  );
  return { shared, start: stableUuid(`${shared}|Start`), end: stableUuid(`${shared}|End`) };
}

export function insightRecords(
  counts: MinuteCounts,
  series: MinuteSeries,
  period: DetectedPeriod,
  accountId: string,
  accept: CallFilter,
): InsightRecord[] {
  const ids = insightIds(series, accountId, period.start);
  const columns: Column[] =
    series.type === 'ApiCallRateInsight' ? ['identity', 'agent', 'error'] : ['identity', 'agent'];
  const { baseline } = period;
  const baselineMinutes = baseline.end - baseline.start;
  const baselineTallies = columns.map((c) => tally(series, c, baseline.start, baseline.end, accept));

  const record = (state: 'Start' | 'End', to: number, average: number): InsightRecord => {
    const minutes = to - period.start;
    const attributions = columns.map((column, i): InsightAttribution => ({
      attribute: ATTRIBUTES[column],
      insight: top(counts, tally(series, column, period.start, to, accept), minutes),
      baseline: top(counts, baselineTallies[i]!, baselineMinutes),
    }));
    return {
      eventVersion: '1.07',
      eventTime: isoMinute(state === 'Start' ? period.start : to),
      awsRegion: series.region,
      eventID: state === 'Start' ? ids.start : ids.end,
      eventType: 'AwsCloudTrailInsight',
      recipientAccountId: accountId,
      sharedEventID: ids.shared,
      insightDetails: {
        state,
        eventSource: series.eventSource,
        eventName: series.eventName,
        insightType: series.type,
        ...(series.errorCode !== undefined ? { errorCode: series.errorCode } : {}),
        insightContext: {
          statistics: {
            baseline: { average: roundAverage(baseline.mean) },
            insight: { average: roundAverage(average) },
            // insightDuration is optional on Start (§3.3); leaving it out keeps a Start record the
            // same whether or not its period has ended when it is analysed.
            ...(state === 'End' ? { insightDuration: minutes } : {}),
            // "at minimum the seven days (10080 minutes) preceding an Insights event", ending at its start.
            baselineDuration: period.start - baseline.start,
          },
          attributions,
        },
      },
      eventCategory: 'Insight',
    };
  };

  // Start: the rate in the first minute; End: the average over the whole duration (§3.3).
  const out = [record('Start', period.start + 1, period.first)];
  if (period.end !== undefined)
    out.push(record('End', period.end, period.total / (period.end - period.start)));
  return out;
}

function top(counts: MinuteCounts, tallies: Map<number, number>, minutes: number): InsightAttributionValue[] {
  return [...tallies]
    .map(([id, n]) => ({ value: counts.text(id), average: n / minutes }))
    .sort((a, b) => b.average - a.average || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, ATTRIBUTION_TOP)
    .map((v) => ({ value: v.value, average: roundAverage(v.average) }));
}

function isoMinute(minute: number): string {
  return isoSeconds(minute * MINUTE_MS);
}
