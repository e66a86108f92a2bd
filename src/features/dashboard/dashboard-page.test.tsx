// The Dashboard against the demo account through the MSW node server: its three panels, each row
// linking to its page (reference §5.1).
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
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotificationsProvider } from '@/components/notifications';
import { SettingsProvider } from '@/components/settings';
import { createDemoEmulator } from '@/emulator/demo';
import { TRAIL_NAMES } from '@/emulator/seed/resources';
import { createTestServer } from '@/mocks/node';
import { DashboardPage } from './dashboard-page';

const NOW = new Date('2026-11-21T14:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 30, background: false });
const server = createTestServer(demo.handle);

beforeAll(async () => {
  await demo.ready;
  server.listen({ onUnhandledRequest: 'error' });
}, 60_000);
beforeEach(() => localStorage.clear());
afterAll(() => server.close());

function renderDashboard() {
  const rootRoute = createRootRoute({ component: Outlet });
  const dashboardRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'dashboard',
    component: DashboardPage,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([dashboardRoute]),
    history: createMemoryHistory({ initialEntries: ['/dashboard'] }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
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
}

/** The table under a panel's heading. */
const panel = async (name: RegExp) =>
  (await screen.findByRole('table', { name }, { timeout: 10_000 })) as HTMLElement;

describe('Dashboard', () => {
  it('shows the five latest events, each linking to its page', async () => {
    renderDashboard();
    const events = await panel(/^Event history/);
    await waitFor(() => expect(within(events).getAllByRole('link')).toHaveLength(5), { timeout: 10_000 });
    for (const link of within(events).getAllByRole('link')) {
      expect(link).toHaveAttribute('href', expect.stringMatching(/^#\/events\/[\w-]+$/));
    }
    expect(screen.getByRole('link', { name: 'View full Event history' })).toHaveAttribute('href', '#/events');
  });

  it('shows the trails with their status, and Create trail', async () => {
    renderDashboard();
    const trails = await panel(/^Trails/);
    const name = await within(trails).findByRole(
      'link',
      { name: TRAIL_NAMES.management },
      { timeout: 10_000 },
    );
    expect(name).toHaveAttribute('href', `#/trails/${TRAIL_NAMES.management}`);
    const row = name.closest('tr')!;
    expect(await within(row).findByText('Logging')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create trail' })).toHaveAttribute('href', '#/trails/create');
  });

  it('shows the latest Insights events, each linking to its page', async () => {
    renderDashboard();
    const insights = await panel(/^Insights/);
    const link = await within(insights).findByRole('link', { name: 'SendCommand' }, { timeout: 10_000 });
    expect(link).toHaveAttribute('href', expect.stringMatching(/^#\/insights\/[\w-]+$/));
    const rows = within(insights).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(within(insights).getAllByText('API error rate').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'View all Insights' })).toHaveAttribute('href', '#/insights');
  });
});
