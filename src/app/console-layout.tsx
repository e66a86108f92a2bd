// The console shell: top navigation above an AppLayout with the side navigation, breadcrumbs,
// notifications (with the running Tour's step first) and the routed page.
import { Mode, applyMode } from '@cloudscape-design/global-styles';
import AppLayout from '@cloudscape-design/components/app-layout';
import Flashbar from '@cloudscape-design/components/flashbar';
import { Outlet, useMatches } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useNotifications } from '@/components/notifications';
import { useSettings } from '@/components/settings';
import { useTourFlash } from '@/features/tour/tour-flash';
import { ConsoleBreadcrumbs } from './breadcrumbs';
import { ConsoleSideNavigation } from './side-navigation';
import { SkipLink } from './skip-link';
import { ConsoleTopNavigation } from './top-navigation';

export function ConsoleLayout() {
  const { settings } = useSettings();
  const { items: notices } = useNotifications();
  const tour = useTourFlash();
  const items = tour ? [tour, ...notices] : notices;
  const [navigationOpen, setNavigationOpen] = useState(true);
  const contentType = useMatches({ select: (matches) => matches.at(-1)?.staticData.contentType });

  useEffect(() => {
    applyMode(settings.theme === 'dark' ? Mode.Dark : Mode.Light);
  }, [settings.theme]);

  return (
    <>
      <SkipLink />
      <div id="top-navigation" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <ConsoleTopNavigation />
      </div>
      <AppLayout
        headerSelector="#top-navigation"
        navigation={<ConsoleSideNavigation />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        breadcrumbs={<ConsoleBreadcrumbs />}
        notifications={
          items.length > 0 ? <Flashbar items={items} stackItems={items.length > 3} /> : undefined
        }
        contentType={contentType ?? 'default'}
        toolsHide
        content={<Outlet />}
      />
    </>
  );
}
