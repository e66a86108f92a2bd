// Pure views of a detections report for the Detections pages: per-level counts, the rules with hits with
// their latest hit, one rule's hit events newest first, and the Event history link to a rule's hits.
import type { DetectionsReport, RuleSummary } from '@/domain/detections/report';
import type { HitEvent, RuleHits } from '@/domain/detections/rule-set';
import { LEVELS, type Level } from '@/domain/detections/sigma-rule';
import { isoSeconds } from '@/domain/iso-time';

export interface RuleRow extends RuleHits {
  description?: string;
  latest?: string;
}

export function levelCounts(report: DetectionsReport): Record<Level, number> {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const hit of report.hits) counts[hit.level] += hit.eventIds.length;
  return counts;
}

export function ruleRows(report: DetectionsReport): RuleRow[] {
  const events = eventsById(report);
  const catalog = new Map((report.catalog ?? []).map((rule) => [rule.id, rule]));
  return report.hits.map((hit) => {
    let latest: string | undefined;
    for (const id of hit.eventIds) {
      const time = events.get(id)?.eventTime;
      if (time && (!latest || time > latest)) latest = time;
    }
    return { ...hit, description: catalog.get(hit.ruleId)?.description, latest };
  });
}

export const eventsById = (report: DetectionsReport): Map<string, HitEvent> =>
  new Map((report.events ?? []).map((e) => [e.eventId, e]));

/** One rule's hit events, newest first. */
export function ruleHitEvents(report: DetectionsReport, ruleId: string): HitEvent[] {
  const events = eventsById(report);
  const hit = report.hits.find((h) => h.ruleId === ruleId);
  return (hit?.eventIds ?? [])
    .map((id) => events.get(id))
    .filter((e): e is HitEvent => !!e)
    .sort((a, b) => (a.eventTime < b.eventTime ? 1 : a.eventTime > b.eventTime ? -1 : 0));
}

export const ruleOf = (report: DetectionsReport, ruleId: string): RuleSummary | undefined =>
  report.catalog?.find((rule) => rule.id === ruleId);

/** Refine keeps at most this many tokens (features/event-history/search-params.ts). */
export const MAX_REFINE_TOKENS = 50;

/**
 * Event history over the span of the hits with Refine set to their event IDs (OR), in the Region most of
 * them are in: the console's Event history shows one Region at a time. At most the newest 50 hits.
 */
export function hitsInEventHistory(events: readonly HitEvent[]) {
  const newest = events.slice(0, MAX_REFINE_TOKENS);
  if (newest.length === 0) return undefined;
  const times = newest.map((e) => Date.parse(e.eventTime));
  const regions = new Map<string, number>();
  for (const e of newest) regions.set(e.awsRegion, (regions.get(e.awsRegion) ?? 0) + 1);
  const region = [...regions].sort((a, b) => b[1] - a[1])[0]![0];
  return {
    range: `${isoSeconds(Math.min(...times))}/${isoSeconds(Math.max(...times) + 1_000)}`,
    refine: {
      operation: 'or' as const,
      tokens: newest.map((e) => ({ propertyKey: 'eventId', operator: '=', value: e.eventId })),
    },
    region,
    regions: regions.size,
    truncated: events.length > newest.length,
  };
}
