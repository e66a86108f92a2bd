// The console's own read calls are recorded like any call (self-audit), and Event history leaves them out
// unless the user turns the toggle off.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderConsole, demoServer } from '@/test/render-console';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });

const consoleCells = () => screen.queryAllByRole('cell', { name: 'console-admin' });

describe("The console's own read calls", () => {
  it('are hidden by default, and shown with the toggle off', async () => {
    renderConsole('/events?attr=EventName&value=LookupEvents');
    const toggle = await screen.findByRole('checkbox', { name: "Hide the console's own read calls" });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    // This page's own LookupEvents calls are recorded: a refresh finds them.
    await userEvent.click(await screen.findByRole('button', { name: 'Refresh events' }));
    await waitFor(() => expect(consoleCells().length).toBeGreaterThan(0), { timeout: 10_000 });
    expect(JSON.parse(localStorage.getItem('trailview.event-history.preferences')!)).toMatchObject({
      hideConsoleReads: false,
    });

    await userEvent.click(toggle);
    await waitFor(() => expect(consoleCells()).toEqual([]));
    expect(toggle).toBeChecked();
  });
});
