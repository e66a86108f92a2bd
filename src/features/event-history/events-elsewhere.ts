// Where the store's events are when the selected Region and time range show none (local backend): imported
// logs are often years old and from other Regions, and Event history opens on the last 90 days of one
// Region. The hints name the Regions that hold events, the selected Region first, then the largest.
import { formatEventTime, type TimeDisplay } from '@/components/format-time';
import type { RegionExtent } from '@/domain/event-stats';

/** At most this many Regions are offered; the rest are in the Region selector. */
export const ELSEWHERE_LIMIT = 3;

export function eventsElsewhere(extents: readonly RegionExtent[], region: string): RegionExtent[] {
  return extents
    .filter((extent) => extent.events > 0)
    .sort(
      (a, b) =>
        Number(b.region === region) - Number(a.region === region) ||
        b.events - a.events ||
        a.region.localeCompare(b.region),
    )
    .slice(0, ELSEWHERE_LIMIT);
}

/** "2,900 events from 2023-07-10 to 2023-07-11 in us-east-1", or "on 2023-07-10" within one day. */
export function describeExtent(extent: RegionExtent, timeDisplay: TimeDisplay): string {
  // formatEventTime starts with the day: `2023-07-10, 03:00:00 (UTC)`.
  const first = formatEventTime(extent.first, timeDisplay).slice(0, 10);
  const last = formatEventTime(extent.last, timeDisplay).slice(0, 10);
  const events = `${extent.events.toLocaleString('en-US')} ${extent.events === 1 ? 'event' : 'events'}`;
  const when = first === last ? `on ${first}` : `from ${first} to ${last}`;
  return `${events} ${when} in ${extent.region}`;
}
