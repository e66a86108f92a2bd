// Hash routes that mirror the console's (docs/architecture.md): #/dashboard, #/events, #/events/<id>, #/insights,
// #/insights/<Start or End event ID>, #/trails, #/trails/create, #/trails/<name>[/edit/<part>], #/settings,
// #/lake/query[?store=<ID>], #/lake/event-data-stores[/create|/<ID>], #/lake/integrations[/create|/<channel ID>];
// Trailview's own: #/sessions/<id>, #/identities/<name or ARN>, #/detections[/<rule id>], #/tour.
// `#/` redirects to the Dashboard, as the console's landing page.
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
import { parseInsightsSearch } from '@/features/insights/insights-search';
import { parseEventsSearch } from '@/features/event-history/search-params';
import { ConsoleLayout } from './console-layout';
import { NotFoundPage } from './not-found-page';

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** The page's name in the breadcrumbs (after "CloudTrail"). */
    title?: string;
    /** Where that breadcrumb links to. */
    href?: string;
    contentType?: AppLayoutProps.ContentType;
    /** A last breadcrumb naming the page itself, after the item it belongs to (e.g. "Create trail"). */
    pageCrumb?: string;
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
const InsightEventPage = lazyRouteComponent(
  () => import('@/features/insights/insight-event-page'),
  'InsightEventPage',
);
const ImportPage = lazyRouteComponent(() => import('@/features/import/import-page'), 'ImportPage');
const TrailsPage = lazyRouteComponent(() => import('@/features/trails/trails-page'), 'TrailsPage');
const CreateTrailPage = lazyRouteComponent(
  () => import('@/features/trails/create/create-trail-page'),
  'CreateTrailPage',
);
const TrailDetailsPage = lazyRouteComponent(
  () => import('@/features/trails/details/trail-details-page'),
  'TrailDetailsPage',
);
const EditTrailPage = lazyRouteComponent(
  () => import('@/features/trails/edit/edit-trail-page'),
  'EditTrailPage',
);
const CopyTrailEventsPage = lazyRouteComponent(
  () => import('@/features/lake/copy-trail-events-page'),
  'CopyTrailEventsPage',
);
const LakeQueryPage = lazyRouteComponent(() => import('@/features/lake/lake-query-page'), 'LakeQueryPage');
const EventDataStoresPage = lazyRouteComponent(
  () => import('@/features/lake/event-data-stores-page'),
  'EventDataStoresPage',
);
const CreateEventDataStorePage = lazyRouteComponent(
  () => import('@/features/lake/create-event-data-store-page'),
  'CreateEventDataStorePage',
);
const EventDataStoreDetailsPage = lazyRouteComponent(
  () => import('@/features/lake/event-data-store-details-page'),
  'EventDataStoreDetailsPage',
);
// One chunk for the three Integrations pages (src/features/lake/integration-pages.ts).
const integrationPages = () => import('@/features/lake/integration-pages');
const IntegrationsPage = lazyRouteComponent(integrationPages, 'IntegrationsPage');
const CreateIntegrationPage = lazyRouteComponent(integrationPages, 'CreateIntegrationPage');
const IntegrationDetailsPage = lazyRouteComponent(integrationPages, 'IntegrationDetailsPage');
const LakeDashboardsPage = lazyRouteComponent(
  () => import('@/features/lake/lake-dashboards-page'),
  'LakeDashboardsPage',
);
const SessionPage = lazyRouteComponent(() => import('@/features/sessions/session-page'), 'SessionPage');
const IdentityPage = lazyRouteComponent(() => import('@/features/sessions/identity-page'), 'IdentityPage');
const DetectionsPage = lazyRouteComponent(
  () => import('@/features/detections/detections-page'),
  'DetectionsPage',
);
const DetectionRulePage = lazyRouteComponent(
  () => import('@/features/detections/detection-rule-page'),
  'DetectionRulePage',
);
const TourPage = lazyRouteComponent(() => import('@/features/tour/tour-page'), 'TourPage');
const SettingsPage = lazyRouteComponent(() => import('@/features/settings/settings-page'), 'SettingsPage');

/**
 * A route component that renders a lazy page with the route's params, and loads the page's chunk before
 * the route renders (as the router does for a lazy route component), so the page never suspends mid-render.
 */
function withPreload<T extends object>(page: { preload?: () => Promise<void> | undefined }, component: T) {
  return Object.assign(component, { preload: () => page.preload?.() });
}

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
  // Filter, time range, Refine, page and view, parsed with zod; bad values fall back to the defaults.
  validateSearch: parseEventsSearch,
  component: EventHistoryPage,
  staticData: { title: 'Event history', href: '#/events', contentType: 'table' },
});

export const eventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'events/$eventId',
  component: withPreload(EventDetailPage, function EventRoute() {
    const { eventId } = eventRoute.useParams();
    return <EventDetailPage eventId={eventId} />;
  }),
  staticData: { title: 'Event history', href: '#/events', contentType: 'default' },
});

const insightsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'insights',
  validateSearch: parseInsightsSearch,
  component: InsightsPage,
  staticData: { title: 'Insights', href: '#/insights', contentType: 'table' },
});

export const insightRoute = createRoute({
  getParentRoute: () => rootRoute,
  // Not $eventId: the breadcrumbs read that param as an Event history event.
  path: 'insights/$insightId',
  component: withPreload(InsightEventPage, function InsightRoute() {
    const { insightId } = insightRoute.useParams();
    return <InsightEventPage eventId={insightId} />;
  }),
  staticData: { title: 'Insights', href: '#/insights', contentType: 'default' },
});

const trailsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails',
  component: TrailsPage,
  staticData: { title: 'Trails', href: '#/trails', contentType: 'table' },
});

const createTrailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails/create',
  component: CreateTrailPage,
  staticData: { title: 'Trails', href: '#/trails', contentType: 'wizard', pageCrumb: 'Create trail' },
});

export const trailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails/$trailName',
  component: withPreload(TrailDetailsPage, function TrailRoute() {
    const { trailName } = trailRoute.useParams();
    return <TrailDetailsPage trailName={trailName} />;
  }),
  staticData: { title: 'Trails', href: '#/trails', contentType: 'default' },
});

/** One Edit flow of the details page; the page checks the section name. */
export const editTrailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails/$trailName/edit/$section',
  component: withPreload(EditTrailPage, function EditTrailRoute() {
    const { trailName, section } = editTrailRoute.useParams();
    return <EditTrailPage trailName={trailName} section={section} />;
  }),
  staticData: { title: 'Trails', href: '#/trails', contentType: 'form', pageCrumb: 'Edit' },
});

export const copyTrailEventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'trails/$trailName/copy-to-lake',
  component: withPreload(CopyTrailEventsPage, function CopyTrailEventsRoute() {
    const { trailName } = copyTrailEventsRoute.useParams();
    return <CopyTrailEventsPage trailName={trailName} />;
  }),
  staticData: { title: 'Trails', href: '#/trails', contentType: 'form', pageCrumb: 'Copy events to Lake' },
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'import',
  component: ImportPage,
  staticData: { title: 'Import logs', href: '#/import', contentType: 'default' },
});

const lakeQueryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/query',
  component: LakeQueryPage,
  staticData: { title: 'Query', href: '#/lake/query', contentType: 'default' },
});

const eventDataStoresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/event-data-stores',
  component: EventDataStoresPage,
  staticData: { title: 'Event data stores', href: '#/lake/event-data-stores', contentType: 'table' },
});

const createEventDataStoreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/event-data-stores/create',
  component: CreateEventDataStorePage,
  staticData: {
    title: 'Event data stores',
    href: '#/lake/event-data-stores',
    contentType: 'wizard',
    pageCrumb: 'Create event data store',
  },
});

export const eventDataStoreRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/event-data-stores/$storeId',
  component: withPreload(EventDataStoreDetailsPage, function EventDataStoreRoute() {
    const { storeId } = eventDataStoreRoute.useParams();
    return <EventDataStoreDetailsPage storeId={storeId} />;
  }),
  staticData: { title: 'Event data stores', href: '#/lake/event-data-stores', contentType: 'default' },
});

const integrationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/integrations',
  component: IntegrationsPage,
  staticData: { title: 'Integrations', href: '#/lake/integrations', contentType: 'table' },
});

const createIntegrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/integrations/create',
  component: CreateIntegrationPage,
  staticData: {
    title: 'Integrations',
    href: '#/lake/integrations',
    contentType: 'form',
    pageCrumb: 'Add integration',
  },
});

export const integrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/integrations/$channelId',
  component: withPreload(IntegrationDetailsPage, function IntegrationRoute() {
    const { channelId } = integrationRoute.useParams();
    return <IntegrationDetailsPage channelId={channelId} />;
  }),
  staticData: { title: 'Integrations', href: '#/lake/integrations', contentType: 'default' },
});

const lakeDashboardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'lake/dashboards',
  component: LakeDashboardsPage,
  staticData: { title: 'Dashboards', href: '#/lake/dashboards', contentType: 'default' },
});

export const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sessions/$sessionId',
  component: withPreload(SessionPage, function SessionRoute() {
    const { sessionId } = sessionRoute.useParams();
    return <SessionPage sessionId={sessionId} />;
  }),
  staticData: { title: 'Event history', href: '#/events', contentType: 'default' },
});

export const identityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'identities/$identity',
  component: withPreload(IdentityPage, function IdentityRoute() {
    const { identity } = identityRoute.useParams();
    return <IdentityPage identity={identity} />;
  }),
  staticData: { title: 'Event history', href: '#/events', contentType: 'table' },
});

const detectionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'detections',
  component: DetectionsPage,
  staticData: { title: 'Detections', href: '#/detections', contentType: 'table' },
});

export const detectionRuleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'detections/$ruleId',
  component: withPreload(DetectionRulePage, function DetectionRuleRoute() {
    const { ruleId } = detectionRuleRoute.useParams();
    return <DetectionRulePage ruleId={ruleId} />;
  }),
  staticData: { title: 'Detections', href: '#/detections', contentType: 'table' },
});

const tourRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'tour',
  component: TourPage,
  staticData: { title: 'Tour', href: '#/tour', contentType: 'table' },
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
  insightRoute,
  trailsRoute,
  createTrailRoute,
  trailRoute,
  editTrailRoute,
  copyTrailEventsRoute,
  importRoute,
  lakeQueryRoute,
  eventDataStoresRoute,
  createEventDataStoreRoute,
  eventDataStoreRoute,
  integrationsRoute,
  createIntegrationRoute,
  integrationRoute,
  lakeDashboardsRoute,
  sessionRoute,
  identityRoute,
  detectionsRoute,
  detectionRuleRoute,
  tourRoute,
  settingsRoute,
]);

export function createAppRouter(history: RouterHistory = createHashHistory()) {
  return createRouter({ routeTree, history, scrollRestoration: true });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

/** Fetches the code of the routes the current location matches, before the router renders them. */
export function loadCurrentRouteChunks(router: AppRouter): Promise<unknown> {
  const matches = router.matchRoutes(router.state.location);
  return Promise.all(
    matches.map((match) =>
      router.loadRouteChunk(router.routesById[match.routeId as keyof typeof router.routesById]),
    ),
  );
}

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
