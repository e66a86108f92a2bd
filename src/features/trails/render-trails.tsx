// Component tests of the Trails area: its pages on a memory router with the console's providers and a
// fresh query client (the app's, so mutations invalidate as they do in the console; retries off).
import { I18nProvider } from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createQueryClient } from '@/api/query-client';
import { NotificationsProvider, useNotifications } from '@/components/notifications';
import { SettingsProvider } from '@/components/settings';
import { CreateTrailPage } from './create/create-trail-page';
import { TrailDetailsPage } from './details/trail-details-page';
import { EditTrailPage } from './edit/edit-trail-page';
import { TrailsPage } from './trails-page';

/** The notifications the console shell would show in its Flashbar. */
function Notifications() {
  const { items } = useNotifications();
  return (
    <ul aria-label="Notifications">
      {items.map((item) => (
        <li key={item.id}>{item.content}</li>
      ))}
    </ul>
  );
}

export function renderTrails(path: string) {
  const rootRoute = createRootRoute({
    component: () => (
      <>
        <Notifications />
        <Outlet />
      </>
    ),
  });
  const trailRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'trails/$trailName',
    component: () => <TrailDetailsPage trailName={trailRoute.useParams().trailName} />,
  });
  const editRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'trails/$trailName/edit/$section',
    component: () => {
      const { trailName, section } = editRoute.useParams();
      return <EditTrailPage trailName={trailName} section={section} />;
    },
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([
      createRoute({ getParentRoute: () => rootRoute, path: 'trails', component: TrailsPage }),
      createRoute({ getParentRoute: () => rootRoute, path: 'trails/create', component: CreateTrailPage }),
      trailRoute,
      editRoute,
    ]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { retry: false, staleTime: 30_000 },
  });
  render(
    <I18nProvider locale="en" messages={[messages]}>
      <QueryClientProvider client={queryClient}>
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
