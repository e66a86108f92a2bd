// The Trails list against the demo emulator: the columns, a name that links to the details, and Delete of
// the selected trail after the confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderConsole, demoServer } from '@/test/render-console';
import { TRAILS_PREFERENCES_STORAGE_KEY } from './trails-preferences';

const NOW = new Date('2026-11-21T14:00:00Z');
const emulator = demoServer({ now: NOW, days: 2 });

const renderTrails = (path: string) => renderConsole(path).router;

describe('Trails', () => {
  it('lists the trails with their status; the name opens the details', async () => {
    const router = renderTrails('/trails');
    const link = await screen.findByRole('link', { name: 'management-events' }, { timeout: 10_000 });
    const headers = () =>
      screen.getAllByRole('columnheader').map((header) => header.textContent?.trim() ?? '');
    // The defaults fit a 1280 px window; the other columns are in the preferences.
    expect(headers()).toEqual(
      expect.arrayContaining([
        'Name',
        'Home region',
        'Multi-region trail',
        'Insights',
        'S3 bucket',
        'Status',
      ]),
    );
    expect(headers()).not.toContain('Organization trail');
    const row = link.closest('tr')!;
    expect(await within(row).findByText('Logging')).toBeInTheDocument();
    await userEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe('/trails/management-events'));
  });

  it('shows the columns chosen in the preferences, and keeps them', async () => {
    renderTrails('/trails');
    await screen.findByRole('link', { name: 'management-events' }, { timeout: 10_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = await screen.findByRole('dialog', { name: 'Preferences' });
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Organization trail' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Log file prefix' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('columnheader', { name: /^Organization trail/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Log file prefix/ })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(TRAILS_PREFERENCES_STORAGE_KEY)!)).toMatchObject({
      columnDisplay: expect.arrayContaining([{ id: 'organization', visible: true }]),
    });
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
