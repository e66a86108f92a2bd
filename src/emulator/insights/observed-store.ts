// An EventStore that shows the Insights engine every record appended through it, so the events the
// emulator records for its own calls (self-audit) and imports are counted like seeded ones.
import type { EventStore } from '../store/event-store';
import type { InsightsEngine } from './engine';

export function observedStore(store: EventStore, insights: InsightsEngine): EventStore {
  return {
    async append(records) {
      // The engine is shown each event once: a Lake import copies events the store may already hold.
      const seen = new Set<string>();
      const fresh = store.hasEvent
        ? records.filter((r) => {
            const isNew = !store.hasEvent!(r.eventID) && !seen.has(r.eventID);
            seen.add(r.eventID);
            return isNew;
          })
        : records;
      const result = await store.append(records);
      insights.observe(fresh);
      return result;
    },
    ...(store.hasEvent ? { hasEvent: (id: string) => store.hasEvent!(id) } : {}),
    lookup: (query) => store.lookup(query),
    count: () => store.count(),
    regions: () => store.regions(),
  };
}

/** Calls after which the trails' Insights coverage may have changed, so analysis runs again. */
export const INSIGHTS_TRIGGERS: ReadonlySet<string> = new Set([
  'CreateTrail',
  'UpdateTrail',
  'PutInsightSelectors',
  'PutEventSelectors',
  'StartLogging',
]);
