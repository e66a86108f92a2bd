// The Event name cell of every events table (Event history, the Dashboard, an Insights event's
// CloudTrail events): it links to the event's details page. The name is rendered as text.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Link from '@cloudscape-design/components/link';
import { hrefs } from './hrefs';
import { useFollow } from './use-follow';

export function EventNameLink({ event }: { event: Event }) {
  const follow = useFollow();
  if (!event.EventId) return <>{event.EventName ?? '-'}</>;
  return (
    <Link href={hrefs.event(event.EventId)} onFollow={follow}>
      {event.EventName ?? event.EventId}
    </Link>
  );
}
