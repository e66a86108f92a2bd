// Event history against the demo emulator through the MSW node server, with the real providers.
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
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotificationsProvider } from '@/components/notifications';
import { SettingsProvider } from '@/components/settings';
import { createDemoEmulator } from '@/emulator/demo';
import { createTestServer } from '@/mocks/node';
import { EventDetailPage } from './event-detail-page';
import { EventHistoryPage } from './event-history-page';

const NOW = new Date('2026-11-21T14:00:00Z');
const server = createTestServer(createDemoEmulator({ now: NOW, days: 3, background: false }).handle);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => localStorage.clear());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderConsole(path: string) {
  const rootRoute = createRootRoute({ component: Outlet });
  const eventsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: 'events',
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
  return router;
}

/** The Event name links of the visible page (Cloudscape also renders a sticky copy of the header). */
async function eventLinks() {
  const links = await screen.findAllByRole('link', {}, { timeout: 10_000 });
  return links.filter((link) => link.getAttribute('href')?.startsWith('#/events/'));
}

describe('Event history', () => {
  it('shows the newest events with the default filter Read-only = false', async () => {
    renderConsole('/events');
    expect(await screen.findByRole('heading', { level: 1, name: /Event history/ })).toBeInTheDocument();
    expect(screen.getByText('Read-only = false')).toBeInTheDocument();

    const links = await eventLinks();
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(50);
    for (const link of links)
      expect(link).toHaveAttribute('href', expect.stringMatching(/^#\/events\/[\w-]+$/));

    const columnHeaders = screen.getAllByRole('columnheader').map((header) => header.textContent);
    for (const name of [
      'Event name',
      'Event time',
      'User name',
      'Event source',
      'Resource type',
      'Resource name',
    ]) {
      expect(columnHeaders).toContain(name);
    }
    // Times show in UTC by default.
    const firstRow = links[0]!.closest('tr')!;
    expect(within(firstRow).getByText(/^\d{4}-\d{2}-\d{2}, \d{2}:\d{2}:\d{2} \(UTC\)$/)).toBeInTheDocument();
  });

  it('pages forward with the next LookupEvents page', async () => {
    renderConsole('/events');
    const hrefsOf = async () => (await eventLinks()).map((link) => link.getAttribute('href'));
    const firstPage = await hrefsOf();
    expect(firstPage).toHaveLength(50);
    expect(screen.getByRole('heading', { level: 1, name: /Event history/ })).toHaveTextContent('(50+)');

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(async () => expect((await hrefsOf())[0]).not.toBe(firstPage[0]));
    const secondPage = await hrefsOf();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
    expect(screen.getByRole('button', { name: 'Page 2 of all pages' })).toHaveAttribute(
      'aria-current',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(async () => expect(await hrefsOf()).toEqual(firstPage));
  });

  it("opens an event's page from its Event name link", async () => {
    const router = renderConsole('/events');
    const [link] = await eventLinks();
    const name = link!.textContent!;
    const eventId = decodeURIComponent(link!.getAttribute('href')!.slice('#/events/'.length));
    await userEvent.click(link!);

    expect(router.state.location.pathname).toBe(`/events/${eventId}`);
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
    expect(await screen.findByText(eventId, { selector: 'dd *, dd' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Event record' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`"eventID": "${eventId}"`))).toBeInTheDocument();
  });
});
