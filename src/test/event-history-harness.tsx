// Event history's routes with the real providers, for component tests: `#/events` (with its search-param
// validation) and `#/events/<id>`, plus the console's Flashbar so notifications can be read.
import Flashbar from '@cloudscape-design/components/flashbar';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { NotificationsProvider, useNotifications } from '@/components/notifications';
import { SettingsProvider } from '@/components/settings';
import { EventDetailPage } from '@/features/event-history/event-detail-page';
import { EventHistoryPage } from '@/features/event-history/event-history-page';
import { parseEventsSearch } from '@/features/event-history/search-params';

function Shell() {
  const { items } = useNotifications();
  return (
    <>
      <Flashbar items={items} />
      <Outlet />
    </>
  );
}

export function renderEventHistory(path: string, queryClient?: QueryClient) {
  const rootRoute = createRootRoute({ component: Shell });
  const eventsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'events',
    validateSearch: parseEventsSearch,
    component: EventHistoryPage,
  });
  const eventRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'events/$eventId',
    component: function EventRoute() {
      return <EventDetailPage eventId={eventRoute.useParams().eventId} />;
    },
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([eventsRoute, eventRoute]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const client = queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider locale="en" messages={[messages]}>
      <QueryClientProvider client={client}>
        <SettingsProvider>
          <NotificationsProvider>
            <RouterProvider router={router} />
          </NotificationsProvider>
        </SettingsProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return router;
}
