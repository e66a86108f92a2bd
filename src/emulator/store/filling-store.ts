// An EventStore still being filled, older days last (the demo, demo-fill.ts), that never answers a
// lookup from part of its days. A page is complete when every event it could hold is in: a full page
// whose oldest event is at or after the first day in, or a short page whose start time is. Otherwise the
// lookup waits for one more day and runs again, until its events and NextToken are the ones the whole
// store gives: a filter that matches a few events a day waits for the days of one page, not for all 90.
// Insights events come from analysing every day: their lookups wait for that.
import type { DayFill } from '../demo-fill';
import type { EventStore, LookupPage, LookupQuery } from './event-store';

export function fillingStore(
  store: EventStore,
  fill: Pick<DayFill, 'loadedFrom' | 'through'>,
  /** Resolves when every day is in and its Insights are analysed. */
  analysed: () => Promise<unknown>,
): EventStore {
  return {
    append: (records) => store.append(records),
    ...(store.hasEvent ? { hasEvent: (id: string) => store.hasEvent!(id) } : {}),
    count: async () => {
      await fill.through(-Infinity);
      return store.count();
    },
    regions: async () => {
      await fill.through(-Infinity);
      return store.regions();
    },
    async lookup(query: LookupQuery): Promise<LookupPage> {
      if (query.insight) await analysed();
      for (;;) {
        const page = await store.lookup(query);
        const reached = page.next ? page.events.at(-1)!.time : (query.startTime ?? -Infinity);
        if (reached >= fill.loadedFrom()) return page;
        // One more day may already fill the page: look again after each.
        await fill.through(Math.max(reached, fill.loadedFrom() - 1));
      }
    },
  };
}
