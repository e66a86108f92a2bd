// The Dashboard against the demo account through the MSW node server: its three panels, each row
// linking to its page (docs/cloudtrail-facts.md#dashboard).
import { screen, waitFor, within } from '@testing-library/react';
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
