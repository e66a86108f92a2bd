// The Detections page in aws mode, where the server has no store: the page loads events through LookupEvents
// (here answered by the emulator), evaluates the rule pack itself, says which events it evaluated, and loads
// older ones on request. No request goes to trailview/detections (unhandled requests fail the test).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { backendHandler, renderConsole, serveDuringTests } from '@/test/render-console';
import { createTestEmulator } from '@/test/emulator';
import { makeRecord, T0 } from '@/test/records';
import { createTestServer } from '@/mocks/node';

const emulator = createTestEmulator({ clock: () => T0 + 3_600_000 });
// The oldest call stops logging; 520 newer calls put it beyond the first batch of 500.
emulator.store.appendSync([
  makeRecord({ time: T0, eventName: 'StopLogging', eventSource: 'cloudtrail.amazonaws.com' }),
  ...Array.from({ length: 520 }, (_, i) =>
    makeRecord({
      time: T0 + (i + 1) * 1000,
      eventName: 'DescribeInstances',
      eventSource: 'ec2.amazonaws.com',
    }),
  ),
]);
serveDuringTests(
  createTestServer(
    emulator.handle,
    backendHandler(() => ({ mode: 'aws', defaultRegion: 'us-east-1' })),
  ),
);

describe('Detections over the events the page loaded (aws mode)', () => {
  it('says which events it evaluated, and finds more hits after loading older events', async () => {
    const { user } = renderConsole('/detections');
    const notice = await screen.findByText(/events in US East \(N\. Virginia\) \(us-east-1\)/, undefined, {
      timeout: 30_000,
    });
    expect(notice).toHaveTextContent(/^500 events/);
    expect(screen.getByText(/Older events are not evaluated until they are loaded/)).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Rules with hits' });
    expect(within(rules).queryByRole('link', { name: 'CloudTrail logging stopped' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(
      await within(rules).findByRole('link', { name: 'CloudTrail logging stopped' }, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/These are all the events LookupEvents returns/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load more events' })).toBeDisabled();
  });
});
