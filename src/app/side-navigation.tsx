import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { backendQueries } from '@/api/backend';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';

const CONSOLE_ITEMS: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Dashboard', href: hrefs.dashboard },
  { type: 'link', text: 'Event history', href: hrefs.events },
  { type: 'link', text: 'Insights', href: hrefs.insights },
  { type: 'link', text: 'Detections', href: hrefs.detections },
  { type: 'link', text: 'Trails', href: hrefs.trails },
  {
    type: 'section',
    text: 'Lake',
    items: [
      { type: 'link', text: 'Dashboards', href: hrefs.lakeDashboards },
      { type: 'link', text: 'Query', href: hrefs.lakeQuery },
      { type: 'link', text: 'Event data stores', href: hrefs.eventDataStores },
      { type: 'link', text: 'Integrations', href: hrefs.integrations },
    ],
  },
];
const SETTINGS_ITEMS: SideNavigationProps.Item[] = [
  { type: 'divider' },
  { type: 'link', text: 'Tour', href: hrefs.tour },
  { type: 'link', text: 'Settings', href: hrefs.settings },
];
/** Only the local server stores imported log files. */
const LOCAL_ITEMS: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Import logs', href: hrefs.importLogs },
];

export function ConsoleSideNavigation() {
  const follow = useFollow();
  // `#/events/<id>` highlights Event history: the first path segment picks the item.
  // Lake pages are two segments deep: `#/lake/query` highlights Query.
  const section = useLocation({
    select: (location) => {
      const parts = location.pathname.split('/');
      return parts[1] === 'lake' ? parts.slice(1, 3).join('/') : (parts[1] ?? '');
    },
  });
  const local = useQuery(backendQueries.info()).data?.mode === 'local';
  const items = [...CONSOLE_ITEMS, ...(local ? LOCAL_ITEMS : []), ...SETTINGS_ITEMS];
  return (
    <SideNavigation
      header={{ text: 'CloudTrail', href: hrefs.dashboard }}
      activeHref={`#/${section}`}
      items={items}
      onFollow={follow}
    />
  );
}
