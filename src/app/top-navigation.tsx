import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { backendQueries, type BackendMode } from '@/api/backend';
import { hrefs } from '@/components/hrefs';
import { AWS_REGION_GROUPS, regionName } from '@/components/regions';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';

export const BACKEND_LABELS: Record<BackendMode, string> = {
  demo: 'Demo',
  local: 'Local',
  aws: 'AWS',
  endpoint: 'Endpoint',
};

export function ConsoleTopNavigation() {
  const follow = useFollow();
  const navigate = useNavigate();
  const { settings, updateSettings } = useSettings();
  const backend = useQuery(backendQueries.info());

  const backendUtility: TopNavigationProps.Utility = {
    type: 'button',
    iconName: backend.isError ? 'status-warning' : 'status-info',
    text: backend.data ? BACKEND_LABELS[backend.data.mode] : backend.isError ? 'Backend unknown' : 'Backend',
    ariaLabel: backend.data ? `Backend: ${BACKEND_LABELS[backend.data.mode]}` : 'Backend',
    href: hrefs.settings,
    onFollow: follow,
  };

  const regionUtility: TopNavigationProps.Utility = {
    type: 'menu-dropdown',
    text: regionName(settings.region),
    ariaLabel: `Region: ${regionName(settings.region)} ${settings.region}`,
    title: 'Region',
    description: 'Event history, Insights and trails are shown for this Region.',
    items: AWS_REGION_GROUPS.map((group) => ({
      text: group.area,
      items: group.regions.map((region) => ({
        id: region.code,
        text: region.name,
        labelTag: region.code,
        itemType: 'checkbox' as const,
        checked: region.code === settings.region,
      })),
    })),
    onItemClick: ({ detail }) => updateSettings({ region: detail.id }),
  };

  return (
    <TopNavigation
      identity={{
        href: hrefs.dashboard,
        title: 'Trailview',
        // The identity's follow event carries no href: route to the Dashboard directly.
        onFollow: (event) => {
          event.preventDefault();
          void navigate({ to: '/dashboard' });
        },
      }}
      utilities={[
        backendUtility,
        regionUtility,
        {
          type: 'button',
          iconName: 'settings',
          ariaLabel: 'Settings',
          href: hrefs.settings,
          onFollow: follow,
        },
      ]}
    />
  );
}
