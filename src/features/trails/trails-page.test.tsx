// The Trails list against the demo emulator: the columns, a name that links to the details, and Delete of
// the selected trail after the confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
const emulator = demoServer({ now: NOW, days: 2 });

const renderTrails = (path: string) => renderConsole(path).router;

describe('Trails', () => {
  it('lists the trails with their status; the name opens the details', async () => {
    const router = renderTrails('/trails');
    const link = await screen.findByRole('link', { name: 'management-events' }, { timeout: 10_000 });
    for (const column of [
      'Name',
      'Home region',
      'Multi-region trail',
      'Insights',
      'Organization trail',
      'S3 bucket',
      'Log file prefix',
      'CloudWatch Logs log group',
      'Status',
    ]) {
      expect(screen.getAllByRole('columnheader', { name: new RegExp(`^${column}`) }).length).toBeGreaterThan(
        0,
      );
    }
    const row = link.closest('tr')!;
    expect(await within(row).findByText('Logging')).toBeInTheDocument();
    await userEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/management-events'));
  });

  it('deletes the selected trail after the confirmation', async () => {
    renderTrails('/trails');
    const link = await screen.findByRole('link', { name: 'security-audit' }, { timeout: 10_000 });
    const remove = screen.getByRole('button', { name: 'Delete' });
    expect(remove).toBeDisabled();
    await userEvent.click(within(link.closest('tr')!).getByRole('radio'));
    await userEvent.click(remove);
    const dialog = await screen.findByRole('dialog', { name: 'Delete trail' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'security-audit' })).not.toBeInTheDocument(),
    );
    expect([...emulator.state.trails.values()].map((t) => t.Name)).not.toContain('security-audit');
    expect(screen.getByText('Trail security-audit successfully deleted.')).toBeInTheDocument();
  });
});
