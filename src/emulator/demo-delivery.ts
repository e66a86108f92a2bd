// The deliveries CloudTrail made last before the demo tab opened, made now by the emulator's own
// delivery (services/cloudtrail/delivery.ts) at the times they were due: so what GetTrailStatus reports
// as the latest log file, SNS notification and CloudWatch Logs delivery is what the bucket, the topic and
// the log group really received, and the delivery timer goes on from there.
//
// Deliveries are due every interval, counted back from now. Each logging trail's last one is the first
// due after the newest event it selects (a trail that logs only writes may have had none for hours);
// the account's deliveries are made at those times, oldest first, and once more an interval ago. A
// delivery covers everything since the one before, so when those times are intervals apart it writes
// one file where CloudTrail wrote several: a few deliveries, not the day's hundreds, come before the first
// answer. Digest files come from the timer, a digest period after these started the chains; making one
// now would mean generating the RSA signing key of every Region first (about half a second each).
import { trailSelectsRecord } from '@/domain/trail-selection';
import { SETTLE_MS, Delivery } from './services/cloudtrail/delivery';
import type { ObjectStore } from './objects/object-store';
import type { AccountState, TrailState } from './state';
import type { EventStore } from './store/event-store';

export interface LastDeliveryOptions {
  /** Must hold every event since `since`. */
  store: EventStore;
  state: AccountState;
  objects: ObjectStore;
  intervalMs: number;
  now: number;
  /** How far back to look for a trail's newest event (the days the store holds from the start). */
  since: number;
}

export async function makeLastDeliveries(options: LastDeliveryOptions): Promise<void> {
  const { state, intervalMs, now, since } = options;
  const due = new Set<number>([now - intervalMs]);
  for (const trail of state.trails.values()) {
    if (!trail.isLogging) continue;
    const newest = await newestSelected(options.store, trail, since, now - intervalMs - SETTLE_MS);
    if (newest === undefined) continue;
    // The first due time whose delivery reads up to the event (reads stop SETTLE_MS before the time).
    due.add(now - Math.floor((now - newest - SETTLE_MS) / intervalMs) * intervalMs);
  }
  const times = [...due].sort((a, b) => a - b);
  const delivery = new Delivery({ ...options, startedAt: Math.max(since, times[0]! - intervalMs) });
  for (const at of times) await delivery.deliver(at);
}

/** The time of the newest event in [since, until] the trail delivers, if any. */
async function newestSelected(store: EventStore, trail: TrailState, since: number, until: number) {
  const regions = trail.IsMultiRegionTrail ? await store.regions() : [trail.HomeRegion];
  let newest: number | undefined;
  for (const region of regions) {
    let after: { time: number; id: string } | undefined;
    for (;;) {
      const startTime = Math.max(since, (newest ?? -Infinity) + 1);
      const page = await store.lookup({
        region,
        insight: false,
        startTime,
        endTime: until,
        limit: 1000,
        after,
      });
      const found = page.events.find((e) => trailSelectsRecord(trail, e.record));
      if (found) {
        newest = found.time;
        break;
      }
      const last = page.events.at(-1);
      if (!page.next || !last) break;
      after = { time: last.time, id: last.eventId };
    }
  }
  return newest;
}
