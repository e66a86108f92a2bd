import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useQuery } from '@tanstack/react-query';
import { useMatches } from '@tanstack/react-router';
import { eventQueries } from '@/api/event-queries';
import { hrefs } from '@/components/hrefs';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';

/** CloudTrail > page, and on an event's page CloudTrail > Event history > event name (reference §1.1). */
export function ConsoleBreadcrumbs() {
  const follow = useFollow();
  const { settings } = useSettings();
  const match = useMatches({ select: (matches) => matches.at(-1) });
  const eventId = match?.params && 'eventId' in match.params ? match.params.eventId : undefined;
  // Shares the event page's query (same key), so this costs no request of its own.
  const event = useQuery({ ...eventQueries.detail(settings.region, eventId ?? ''), enabled: !!eventId });

  const items: BreadcrumbGroupProps.Item[] = [{ text: 'CloudTrail', href: hrefs.dashboard }];
  const { title, href } = match?.staticData ?? {};
  if (title && href) items.push({ text: title, href });
  if (eventId) items.push({ text: event.data?.EventName ?? eventId, href: hrefs.event(eventId) });
  return <BreadcrumbGroup items={items} ariaLabel="Breadcrumbs" onFollow={follow} />;
}
