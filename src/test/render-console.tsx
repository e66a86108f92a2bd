// Component tests of the console: its real routes (`createAppRouter`, with the shell, lazy pages and
// search-param validation) on a memory history, inside the providers `App` gives them, and an MSW node
// server that answers /aws with an emulator and trailview.json with a backend description.
//
//   const demo = demoServer({ now: NOW, days: 3 });
//   const { user, router } = renderConsole('#/events?attr=none');
import type { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { BackendInfo } from '@/api/backend';
import { createQueryClient } from '@/api/query-client';
import { ConsoleProviders } from '@/app/app';
import { createAppRouter } from '@/app/router';
import { createDemoEmulator } from '@/emulator/demo';
import type { EmulatorHandler } from '@/emulator/handler';
import {
  createInvestigationRoutes,
  INVESTIGATION_ROUTE,
} from '@/emulator/investigations/investigation-routes';
import { memoryRecordSource } from '@/emulator/investigations/memory-record-source';
import type { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { SNS_NOTIFICATIONS_ROUTE, snsNotificationsRoute } from '@/emulator/services/sns/notifications-route';
import type { AccountState } from '@/emulator/state';
import type { DemoAccountOptions } from '@/emulator/seed/demo-account';
import { createTestServer } from '@/mocks/node';

/**
 * The app's query client (so a mutation invalidates the queries it declares, as in the console) with
 * retries off, so a failing request fails the test at once.
 */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false },
    mutations: { ...defaults.mutations, retry: false },
  });
  return client;
}

export interface RenderConsoleOptions {
  /** Another client, e.g. `createQueryClient()` for the console's own throttling retries. */
  queryClient?: QueryClient;
}

// The pages are lazy route chunks; loading them once before the file's tests keeps each test's first
// render (and React's suspense on a chunk) out of its timeouts.
beforeAll(async () => {
  const router = createAppRouter(createMemoryHistory());
  await Promise.all(Object.values(router.routesById).map((route) => router.loadRouteChunk(route)));
}, 60_000);

/** Renders the console at `path` (`#/events` or `/events`) in the providers of `App`, on a memory history. */
export function renderConsole(path: string, options: RenderConsoleOptions = {}) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path.replace(/^#/, '')] }));
  const queryClient = options.queryClient ?? createTestQueryClient();
  const user = userEvent.setup();
  render(<ConsoleProviders queryClient={queryClient} router={router} />);
  return { user, router, queryClient };
}

/** What trailview.json says unless a test says otherwise. */
export const TEST_BACKEND: BackendInfo = { mode: 'demo', defaultRegion: 'us-east-1' };

/** The console's backend description, read per request so a test can change it. */
export const backendHandler = (backend: () => BackendInfo = () => TEST_BACKEND) =>
  http.get('*/trailview.json', () => HttpResponse.json(backend()));

/**
 * Starts `server` for this test file, listening before all tests, with its handlers reset and
 * localStorage (settings, preferences) cleared before each. Unhandled requests fail the test.
 */
export function serveDuringTests(server: SetupServer): SetupServer {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => localStorage.clear());
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/**
 * The server over an emulator: /aws answered by `handle`, trailview.json by TEST_BACKEND, and with a store,
 * Trailview's session, identity and detection routes over it, and with a state what its SNS topics received
 * (as the demo's service worker answers them).
 */
export function emulatorServer(
  handle: EmulatorHandler,
  store?: MemoryEventStore,
  now?: () => number,
  state?: AccountState,
): SetupServer {
  const handlers = [backendHandler()];
  if (state) {
    handlers.push(
      http.get(SNS_NOTIFICATIONS_ROUTE, ({ request }) => snsNotificationsRoute(() => state, request)),
    );
  }
  if (store) {
    const routes = createInvestigationRoutes(memoryRecordSource(store), { detections: true, now });
    handlers.push(http.get(INVESTIGATION_ROUTE, async ({ request }) => routes.handle(request)));
  }
  return serveDuringTests(createTestServer(handle, ...handlers));
}

/**
 * The demo account (every day generated up front, Insights analysed before the first test) behind the
 * test file's server; its state and store are there to check what the console changed.
 */
export function demoServer(options: Omit<DemoAccountOptions, 'background'>) {
  const demo = createDemoEmulator({ ...options, background: false });
  beforeAll(() => demo.ready, 60_000);
  const server = emulatorServer(demo.handle, demo.store, demo.clock, demo.state);
  return { ...demo, server };
}
