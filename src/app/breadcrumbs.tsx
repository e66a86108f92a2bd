import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useQuery } from '@tanstack/react-query';
import { useMatches } from '@tanstack/react-router';
import { useEffect } from 'react';
import { eventQueries } from '@/api/event-queries';
import { hrefs } from '@/components/hrefs';
import { usePageLabel } from '@/components/page-label';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';

/**
 * CloudTrail > page, on an event's page CloudTrail > Event history > event name (docs/cloudtrail-facts.md#event-history-console), on a
 * trail's pages CloudTrail > Trails > trail name [> Edit], on an Insights event's page CloudTrail > Insights >
 * event name, on an event data store's page CloudTrail > Event data stores > store name, on an integration's page
 * CloudTrail > Integrations > integration name. The browser tab's title names the same pages, the page first.
 */
export function ConsoleBreadcrumbs() {
  const follow = useFollow();
  const { settings } = useSettings();
  const match = useMatches({ select: (matches) => matches.at(-1) });
  const params: Record<string, string | undefined> = match?.params ?? {};
  const eventId = params.eventId;
  const trailName = params.trailName;
  // Shares the event page's query (same key), so this costs no request of its own.
  const event = useQuery({ ...eventQueries.detail(settings.region, eventId ?? ''), enabled: !!eventId });
  const insightId = params.insightId;
  const pageLabel = usePageLabel();

  const items: BreadcrumbGroupProps.Item[] = [{ text: 'CloudTrail', href: hrefs.dashboard }];
  const { title, href, pageCrumb } = match?.staticData ?? {};
  if (title && href) items.push({ text: title, href });
  if (eventId) items.push({ text: event.data?.EventName ?? eventId, href: hrefs.event(eventId) });
  if (insightId) items.push({ text: pageLabel ?? insightId, href: hrefs.insight(insightId) });
  if (trailName) items.push({ text: trailName, href: hrefs.trail(trailName) });
  // An event data store's page names the store once GetEventDataStore has answered (its ID until then).
  if (params.storeId) {
    items.push({ text: pageLabel ?? params.storeId, href: hrefs.eventDataStore(params.storeId) });
  }
  // An integration's page names the channel once GetChannel has answered (its ID until then).
  if (params.channelId) {
    items.push({ text: pageLabel ?? params.channelId, href: hrefs.integration(params.channelId) });
  }
  if (params.sessionId) items.push({ text: 'Session', href: hrefs.session(params.sessionId) });
  if (params.ruleId) items.push({ text: 'Rule', href: hrefs.detectionRule(params.ruleId) });
  if (params.identity) items.push({ text: params.identity, href: hrefs.identity(params.identity) });
  if (pageCrumb) items.push({ text: pageCrumb, href: '#' + (match?.pathname ?? '') });
  const documentTitle = items
    .slice(1)
    .map((item) => item.text)
    .reverse()
    .concat('Trailview')
    .join(' | ');
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return <BreadcrumbGroup items={items} ariaLabel="Breadcrumbs" onFollow={follow} />;
}
