// Hash routes that mirror the console's (DESIGN.md): #/dashboard, #/events, #/events/<id>, #/insights,
// #/trails, #/settings. `#/` redirects to the Dashboard, as the console's landing page.
import type { AppLayoutProps } from '@cloudscape-design/components/app-layout';
import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { ConsoleLayout } from './console-layout';
import { NotFoundPage } from './not-found-page';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page's name in the breadcrumbs (after "CloudTrail"). */
    title?: string;
    /** Where that breadcrumb links to. */
    href?: string;
    contentType?: AppLayoutProps.ContentType;
  }
}

// One chunk per console area, loaded when its route is first visited.
const DashboardPage = lazyRouteComponent(
  () => import('@/features/dashboard/dashboard-page'),
  'DashboardPage',
);
const EventHistoryPage = lazyRouteComponent(
  () => import('@/features/event-history/event-history-page'),
  'EventHistoryPage',
);
const EventDetailPage = lazyRouteComponent(
  () => import('@/features/event-history/event-detail-page'),
  'EventDetailPage',
);
const InsightsPage = lazyRouteComponent(() => import('@/features/insights/insights-page'), 'InsightsPage');
const TrailsPage = lazyRouteComponent(() => import('@/features/trails/trails-page'), 'TrailsPage');
const SettingsPage = lazyRouteComponent(() => import('@/features/settings/settings-page'), 'SettingsPage');

const rootRoute = createRootRoute({ component: ConsoleLayout, notFoundComponent: NotFoundPage });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/dashboard', replace: true });
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'dashboard',
  component: DashboardPage,
  staticData: { title: 'Dashboard', href: '#/dashboard', contentType: 'default' },
});

const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'events',
  component: EventHistoryPage,
  staticData: { title: 'Event history', href: '#/events', contentType: 'table' },
});

export const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'events/$eventId',
  component: function EventRoute() {
    const { eventId } = eventRoute.useParams();
    return <EventDetailPage eventId={eventId} />;
  },
  staticData: { title: 'Event history', href: '#/events', contentType: 'default' },
});

const insightsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'insights',
  component: InsightsPage,
  staticData: { title: 'Insights', href: '#/insights', contentType: 'table' },
});

const trailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails',
  component: TrailsPage,
  staticData: { title: 'Trails', href: '#/trails', contentType: 'table' },
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'settings',
  component: SettingsPage,
  staticData: { title: 'Settings', href: '#/settings', contentType: 'form' },
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  dashboardRoute,
  eventsRoute,
  eventRoute,
  insightsRoute,
  trailsRoute,
  settingsRoute,
]);

export function createAppRouter(history: RouterHistory = createHashHistory()) {
  return createRouter({ routeTree, history, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
