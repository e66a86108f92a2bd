// Event history's tools against the demo emulator: Refine, Compare, Download events, the preferences and
// the explanation of LookupEvents throttling.
import type { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/api/query-client';
import { setThrottleSimulation } from '@/api/throttle-simulation';
import { CSV_HEADER } from '@/domain/event-export';
import { AWS_ROUTE } from '@/mocks/aws-route';
import { createTestEmulator } from '@/test/emulator';
import { makeRecord, T0 } from '@/test/records';
import { renderConsole, demoServer } from '@/test/render-console';
import { PREFERENCES_STORAGE_KEY } from './preferences';

const NOW = new Date('2026-11-21T14:00:00Z');
const { server } = demoServer({ now: NOW, days: 3 });
afterEach(() => setThrottleSimulation(false));

const renderEventHistory = (path: string, queryClient?: QueryClient) =>
  renderConsole(path, { queryClient }).router;

const rows = async () => {
  // The table's links, not the console's navigation and breadcrumbs.
  await screen.findAllByRole(
    'link',
    { name: (name, link) => !!name && !!link.closest('tbody') },
    { timeout: 10_000 },
  );
  return screen.getAllByRole('row').filter((row) => within(row).queryAllByRole('link').length > 0);
};
const refineUrl = (query: object) => `/events?attr=none&refine=${encodeURIComponent(JSON.stringify(query))}`;
const showColumns = (...ids: string[]) =>
  localStorage.setItem(
    PREFERENCES_STORAGE_KEY,
    JSON.stringify({ visibleColumns: ['eventName', 'eventTime', 'userName', ...ids] }),
  );

describe('Event history tools', () => {
  it('refines by error code with OR, scanning further pages, with the count of scanned and matched', async () => {
    showColumns('errorCode');
    renderEventHistory(
      refineUrl({
        operation: 'or',
        tokens: [
          { propertyKey: 'errorCode', operator: '=', value: 'AccessDenied' },
          { propertyKey: 'errorCode', operator: '=', value: 'AccessDeniedException' },
        ],
      }),
    );
    expect(
      await screen.findByText(/^[\d,]+ scanned, [\d,]+ matched/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const found = await rows();
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row).toHaveTextContent(/AccessDenied(Exception)?/);
  });

  it('refines with AND: error code and Region together', async () => {
    showColumns('errorCode', 'awsRegion');
    renderEventHistory(
      refineUrl({
        operation: 'and',
        tokens: [
          { propertyKey: 'errorCode', operator: ':', value: 'denied' },
          { propertyKey: 'awsRegion', operator: '=', value: 'us-east-1' },
        ],
      }),
    );
    const found = await rows();
    for (const row of found) {
      expect(row).toHaveTextContent(/AccessDenied/);
      expect(row).toHaveTextContent('us-east-1');
    }
  });

  it('compares up to five selected events side by side', async () => {
    renderEventHistory('/events');
    const found = await rows();
    const names = found.slice(0, 2).map((row) => within(row).getAllByRole('link')[0]!.textContent);
    for (const row of found.slice(0, 2)) await userEvent.click(within(row).getByRole('checkbox'));
    const compare = await screen.findByRole('heading', { name: /Compare event details/ });
    expect(compare).toHaveTextContent('(2/5)');
    const table = screen
      .getAllByRole('table')
      .find((candidate) => within(candidate).queryByRole('columnheader', { name: 'Field' }))!;
    expect(within(table).getByRole('columnheader', { name: `${names[0]} (1)` })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: `${names[1]} (2)` })).toBeInTheDocument();
    for (const row of found.slice(2, 6)) await userEvent.click(within(row).getByRole('checkbox'));
    expect(within(found[6]!).getByRole('checkbox')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('heading', { name: /Compare event details/ })).not.toBeInTheDocument();
  });

  it.each([
    ['CSV', 'event_history.csv'],
    ['JSON', 'event_history.json'],
  ])('downloads the filtered events as %s', async (format, fileName) => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:download'));
    URL.revokeObjectURL = vi.fn();
    renderEventHistory('/events?attr=EventName&value=ConsoleLogin');
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Download events' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: `Download as ${format}` }));
    const done = await screen.findByText(
      new RegExp(`^Downloaded [\\d,]+ events to ${fileName}\\.$`),
      {},
      { timeout: 15_000 },
    );
    const count = Number(done.textContent!.match(/[\d,]+/)![0].replaceAll(',', ''));
    expect(count).toBeGreaterThan(0);
    const text = await blobs[0]!.text();
    if (format === 'CSV') {
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(CSV_HEADER.join(','));
      expect(lines).toHaveLength(count + 1);
      for (const line of lines.slice(1)) expect(line).toContain(',signin.amazonaws.com,ConsoleLogin,');
    } else {
      const records = (JSON.parse(text) as { Records: Array<{ eventName: string }> }).Records;
      expect(records).toHaveLength(count);
      expect(new Set(records.map((r) => r.eventName))).toEqual(new Set(['ConsoleLogin']));
    }
  });

  it('keeps the preferences: page size, and the columns to show', async () => {
    renderEventHistory('/events');
    expect(await rows()).toHaveLength(50);
    // The gear is disabled until the preferences code has loaded (it is not on the page's first load).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Preferences' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = await screen.findByRole('dialog', { name: 'Preferences' });
    await userEvent.click(within(dialog).getByRole('radio', { name: '10 events' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Error code' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(async () => expect(await rows()).toHaveLength(10));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Error code');
    expect(JSON.parse(localStorage.getItem(PREFERENCES_STORAGE_KEY)!)).toMatchObject({ pageSize: 10 });
  });

  it('asks for simulated throttling, and explains it while React Query retries', async () => {
    // An emulator whose clock stands still: after two LookupEvents calls in its "second", the third is
    // throttled until the clock moves on.
    let now = T0 + 60_000;
    const { store, handle } = createTestEmulator({ clock: () => now, audit: false });
    await store.append(Array.from({ length: 200 }, (_, i) => makeRecord({ time: T0 - i * 60_000 })));
    const headers: Array<string | null> = [];
    server.use(
      http.all(AWS_ROUTE, ({ request }) => {
        headers.push(request.headers.get('x-trailview-throttle'));
        return handle(request);
      }),
    );
    setThrottleSimulation(true);
    // The console's own retry policy: ThrottlingException only, with backoff.
    renderEventHistory(
      refineUrl({
        operation: 'and',
        tokens: [{ propertyKey: 'errorCode', operator: '=', value: 'NoSuchError' }],
      }),
      createQueryClient(),
    );
    const notice = await screen.findByText(
      /CloudTrail allows 2 LookupEvents requests per second; retrying…/,
      {},
      { timeout: 10_000 },
    );
    expect(notice).toBeInTheDocument();
    expect(new Set(headers)).toEqual(new Set(['on']));
    now += 1_000;
    expect(await screen.findByText(/^200 scanned, 0 matched/, {}, { timeout: 20_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/retrying…/)).not.toBeInTheDocument());
  }, 30_000);
  it('says the lookup found nothing, not that Refine hid it, when no event matches the lookup', async () => {
    renderEventHistory(
      `/events?attr=EventName&value=NoSuchEventXYZ&refine=${encodeURIComponent(
        JSON.stringify({
          operation: 'and',
          tokens: [{ propertyKey: 'errorCode', operator: ':', value: 'denied' }],
        }),
      )}`,
    );
    expect(await screen.findByText('No events', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('No matches')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear Refine filter' })).not.toBeInTheDocument();
  });
});
