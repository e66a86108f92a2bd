// Event history against the demo emulator through the MSW node server, with the real providers: the
// default view, paging, the lookup filter and the time range, all kept in the URL.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
demoServer({ now: NOW, days: 3 });

const renderEventHistory = (path: string) => renderConsole(path).router;

/**
 * The Event name links of the visible page (Cloudscape also renders a sticky copy of the header; the
 * console's navigation and breadcrumbs have links of their own).
 */
const eventLinks = () =>
  screen.findAllByRole(
    'link',
    { name: (_, link) => link.getAttribute('href')?.startsWith('#/events/') ?? false },
    { timeout: 10_000 },
  );

const rowTimes = () =>
  Array.from(document.querySelectorAll('tbody time')).map((time) =>
    Date.parse(time.getAttribute('datetime')!),
  );

describe('Event history', () => {
  it('shows the newest events with the default filter Read-only = false', async () => {
    renderEventHistory('/events');
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
    expect(columnHeaders).not.toContain('Error code');
    // Times show in UTC by default.
    const firstRow = links[0]!.closest('tr')!;
    expect(within(firstRow).getByText(/^\d{4}-\d{2}-\d{2}, \d{2}:\d{2}:\d{2} \(UTC\)$/)).toBeInTheDocument();
  });

  it('pages forward with the next LookupEvents page, and keeps the page in the URL', async () => {
    const router = renderEventHistory('/events');
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
    expect(router.state.location.search).toEqual({ page: 2 });

    router.history.back();
    await waitFor(async () => expect(await hrefsOf()).toEqual(firstPage), { timeout: 5_000 });
  });

  it("opens an event's page from its Event name link", async () => {
    const router = renderEventHistory('/events');
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

  it('restores the filter from a shared URL', async () => {
    renderEventHistory('/events?attr=EventName&value=ConsoleLogin');
    expect(await screen.findByText('Event name = ConsoleLogin')).toBeInTheDocument();
    const links = await eventLinks();
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map((link) => link.textContent))).toEqual(new Set(['ConsoleLogin']));
  });

  it('falls back to the defaults on a URL it cannot read', async () => {
    renderEventHistory('/events?attr=Nope&page=-3&range=yesterday&refine=%7B%22x%22%3A1%7D');
    expect(await screen.findByText('Read-only = false')).toBeInTheDocument();
    expect(await eventLinks()).toHaveLength(50);
    expect(screen.getByRole('button', { name: 'Page 1 of all pages' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.queryByText('No matches')).not.toBeInTheDocument();
  });

  it('filters on a lookup attribute chosen with the keyboard', async () => {
    const router = renderEventHistory('/events');
    await eventLinks();
    await userEvent.click(screen.getByRole('button', { name: /Lookup attributes/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Event name' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Lookup value' }), 'ConsoleLogin{Enter}');

    await waitFor(() =>
      expect(router.state.location.search).toEqual({ attr: 'EventName', value: 'ConsoleLogin' }),
    );
    expect(await screen.findByText('Event name = ConsoleLogin')).toBeInTheDocument();
    await waitFor(async () =>
      expect(new Set((await eventLinks()).map((link) => link.textContent))).toEqual(
        new Set(['ConsoleLogin']),
      ),
    );
  });

  it('explains a value LookupEvents would refuse before sending it', async () => {
    const router = renderEventHistory('/events?attr=EventId');
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Lookup value' }), 'not-a-uuid{Enter}');
    expect(await screen.findByText('EventId must be a valid UUID.')).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ attr: 'EventId' });
  });

  it('removes the default filter with its X, and Back brings it again', async () => {
    const router = renderEventHistory('/events');
    await eventLinks();
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter Read-only = false' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ attr: 'none' }));
    expect(screen.queryByText('Read-only = false')).not.toBeInTheDocument();
    router.history.back();
    expect(await screen.findByText('Read-only = false')).toBeInTheDocument();
  });

  it('shows only events inside an absolute time range from the URL', async () => {
    const start = Date.parse('2026-11-21T10:00:00Z');
    const end = Date.parse('2026-11-21T11:00:00Z');
    renderEventHistory('/events?range=2026-11-21T10:00:00Z/2026-11-21T11:00:00Z&attr=none');
    await eventLinks();
    await waitFor(() => expect(rowTimes().length).toBeGreaterThan(0));
    for (const time of rowTimes()) {
      expect(time).toBeGreaterThanOrEqual(start);
      expect(time).toBeLessThanOrEqual(end);
    }
  });

  it('shows an empty state when nothing matches', async () => {
    renderEventHistory('/events?attr=EventName&value=NoSuchCall');
    expect(await screen.findByText('No events', {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});
