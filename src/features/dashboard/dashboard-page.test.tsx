// The Dashboard against the demo account through the MSW node server: its three panels, each row
// linking to its page (docs/cloudtrail-facts.md#dashboard).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TRAIL_NAMES } from '@/emulator/seed/resources';
import { renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
demoServer({ now: NOW, days: 30 });

const renderDashboard = () => renderConsole('/dashboard');

/** The table under a panel's heading. */
const panel = async (name: RegExp) =>
  (await screen.findByRole('table', { name }, { timeout: 10_000 })) as HTMLElement;

describe('Dashboard', () => {
  it('shows the five latest events, each linking to its page', async () => {
    renderDashboard();
    const events = await panel(/^Event history/);
    // The Event name links (the User name cells are pivot links to the identity page).
    const eventLinks = () =>
      within(events)
        .getAllByRole('link')
        .filter((link) => link.getAttribute('href')?.startsWith('#/events/'));
    await waitFor(() => expect(eventLinks()).toHaveLength(5), { timeout: 10_000 });
    for (const link of eventLinks()) {
      expect(link).toHaveAttribute('href', expect.stringMatching(/^#\/events\/[\w-]+$/));
    }
    expect(screen.getByRole('link', { name: 'View full Event history' })).toHaveAttribute('href', '#/events');
  });

  it('shows the newest high and critical detection hits, linking to the rule and the session', async () => {
    renderDashboard();
    const table = await screen.findByRole('table', { name: 'Latest high and critical detections' });
    const rules = await within(table).findAllByRole(
      'link',
      { name: (_, el) => /^#\/detections\//.test(el.getAttribute('href') ?? '') },
      { timeout: 20_000 },
    );
    expect(rules.length).toBeGreaterThan(0);
    expect(within(table).getAllByText(/^(High|Critical)$/).length).toBe(rules.length);
    expect(screen.getByRole('link', { name: 'View all detections' })).toHaveAttribute('href', '#/detections');
  });

  it('shows the trails with their status, Create trail and Copy events to Lake', async () => {
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
    // Copy events to Lake needs a trail: chosen in the table.
    expect(screen.getByRole('button', { name: 'Copy events to Lake' })).toBeDisabled();
    await userEvent.click(within(trails).getByRole('radio', { name: TRAIL_NAMES.management }));
    expect(screen.getByRole('link', { name: 'Copy events to Lake' })).toHaveAttribute(
      'href',
      `#/trails/${TRAIL_NAMES.management}/copy-to-lake`,
    );
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
