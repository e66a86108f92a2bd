import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useLocation } from '@tanstack/react-router';
import { hrefs } from '@/components/hrefs';
import { useFollow } from '@/components/use-follow';

const NAVIGATION_ITEMS: SideNavigationProps.Item[] = [
  { type: 'link', text: 'Dashboard', href: hrefs.dashboard },
  { type: 'link', text: 'Event history', href: hrefs.events },
  { type: 'link', text: 'Insights', href: hrefs.insights },
  { type: 'link', text: 'Trails', href: hrefs.trails },
  { type: 'divider' },
  { type: 'link', text: 'Settings', href: hrefs.settings },
];

export function ConsoleSideNavigation() {
  const follow = useFollow();
  // `#/events/<id>` highlights Event history: the first path segment picks the item.
  const section = useLocation({ select: (location) => location.pathname.split('/')[1] ?? '' });
  return (
    <SideNavigation
      header={{ text: 'CloudTrail', href: hrefs.dashboard }}
      activeHref={`#/${section}`}
      items={NAVIGATION_ITEMS}
      onFollow={follow}
    />
  );
}
