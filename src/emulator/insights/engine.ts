// The Insights engine: per-minute counts of the stored events (minute-counts.ts), a pure detector per
// API (detector.ts), and Start/End records (insight-records.ts) for every trail with management
// Insights on. Hosts call observe() with every record they store and analyse() when Insights is
// turned on and then periodically; results are appended to the EventStore, where LookupEvents with
// EventCategory=insight finds them. Analysis covers the past 28 days as CloudTrail does on enable
// (docs/cloudtrail-facts.md#insights-console); the IDs are derived from the incident, so re-analysis never adds duplicates.
import { INSIGHTS_DETECTION } from '@/domain/insights';
import type { AnyRecord, InsightRecord } from '@/domain/record';
import type { TrailState } from '../state';
import type { EventStore } from '../store/event-store';
import { detectUnusualPeriods, type DetectedPeriod } from './detector';
import { insightRecords } from './insight-records';
import {
  DAY_MINUTES,
  lowerBound,
  MinuteCounts,
  minuteCounts,
  toMinute,
  type CallFilter,
  type MinuteSeries,
} from './minute-counts';
import { managementCoverage, managementInsightTypes, trailRegions } from './trail-coverage';

export interface InsightsEngine {
  /** The counts ListInsightsMetricData reads. */
  readonly counts: MinuteCounts;
  /** Counts the management API calls among records as they are stored (any order; repeats skipped). */
  observe(records: Iterable<AnyRecord>): void;
  /** Resolves when the counts hold every event of the host (at once, unless it is still being filled). */
  complete(): Promise<void>;
  /** The Insights records the trails' settings give for the 28 days before `now` (epoch ms); no side effect. */
  detect(trails: Iterable<TrailState>, now: number): InsightRecord[];
  /** detect(), then appends the records not appended before to the store; returns those. */
  analyse(trails: Iterable<TrailState>, now: number): Promise<InsightRecord[]>;
}

export function createInsightsEngine({
  store,
  trackSeen,
  complete,
}: {
  store: EventStore;
  /** false: the caller shows each event once (see MinuteCounts). */
  trackSeen?: boolean;
  /**
   * Resolves when every event the host has is observed (the demo fills its older days in the
   * background): analyse() and ListInsightsMetricData wait for it rather than read part of the counts.
   */
  complete?: () => Promise<void>;
}): InsightsEngine {
  const counts = new MinuteCounts({ trackSeen });
  const appended = new Set<string>();
  const engine: InsightsEngine = {
    counts,
    observe: (records) => void counts.addEvents(records),
    complete: complete ?? (() => Promise.resolve()),
    detect: (trails, now) => detectInsights(counts, trails, now),
    async analyse(trails, now) {
      await engine.complete();
      const fresh = engine.detect(trails, now).filter((r) => !appended.has(r.eventID));
      if (fresh.length > 0) await store.append(fresh);
      for (const record of fresh) appended.add(record.eventID);
      return fresh;
    },
  };
  return engine;
}

/** Fewest calls a period can hold: START_MIN minutes above MIN_RATE. Series with fewer are skipped. */
const MIN_CALLS = INSIGHTS_DETECTION.START_MIN * (Math.floor(INSIGHTS_DETECTION.MIN_RATE) + 1);

export function detectInsights(
  counts: MinuteCounts,
  trails: Iterable<TrailState>,
  now: number,
): InsightRecord[] {
  const to = toMinute(now); // the minute in progress is not complete yet
  const from = to - INSIGHTS_DETECTION.ANALYSIS_DAYS * DAY_MINUTES;
  // The baseline of the first day analysed reaches back BASELINE_DAYS whole days.
  const since = (Math.floor(from / DAY_MINUTES) - INSIGHTS_DETECTION.BASELINE_DAYS) * DAY_MINUTES;
  const series = counts.all();
  const periodsBySeries = new Map<string, DetectedPeriod[]>();
  const out = new Map<string, InsightRecord>();

  for (const trail of trails) {
    const types = managementInsightTypes(trail);
    if (types.length === 0) continue;
    // arn:aws:cloudtrail:<region>:<account>:trail/<name>
    const accountId = trail.TrailARN.split(':')[4] ?? '';
    const regions = new Set(trailRegions(trail, counts.regions()));
    for (const s of series) {
      if (!types.includes(s.type) || !regions.has(s.region)) continue;
      const accept = callFilter(s, trail);
      if (accept === false) continue;
      if (lowerBound(s, to) - lowerBound(s, from) < MIN_CALLS) continue;
      const key = `${s.key}|${accept ? `${accept(true)}${accept(false)}` : 'all'}`;
      let periods = periodsBySeries.get(key);
      if (!periods) {
        periods = detectUnusualPeriods({
          counts: minuteCounts(s, since, to, accept),
          from,
          to,
          historyStart: counts.historyStart(s.region) ?? to,
        });
        periodsBySeries.set(key, periods);
      }
      for (const period of periods) {
        for (const record of insightRecords(counts, s, period, accountId, accept)) {
          if (!out.has(record.eventID)) out.set(record.eventID, record);
        }
      }
    }
  }
  return [...out.values()].sort(
    (a, b) => a.eventTime.localeCompare(b.eventTime) || a.eventID.localeCompare(b.eventID),
  );
}

/**
 * Which calls of a series the trail logs: call rate counts write calls, so the trail must log write
 * management events from the source; error rate counts the read and write calls the trail logs (§3.1).
 * false: none.
 */
function callFilter(series: MinuteSeries, trail: TrailState): CallFilter | false {
  const coverage = managementCoverage(trail, series.eventSource);
  if (series.type === 'ApiCallRateInsight') return coverage.write ? undefined : false;
  if (coverage.read && coverage.write) return undefined;
  if (!coverage.read && !coverage.write) return false;
  return (readOnly) => (readOnly ? coverage.read : coverage.write);
}
