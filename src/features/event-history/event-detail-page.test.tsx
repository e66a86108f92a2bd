// An event's page, and untrusted event data kept inert everywhere Event history shows it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEmulator } from '@/test/emulator';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { renderConsole, emulatorServer } from '@/test/render-console';

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostile = makeRecord({
  time: T0,
  eventSource: 'iam.amazonaws.com',
  eventName: 'CreateUser',
  userAgent: HOSTILE,
  requestParameters: { userName: '<script>alert(2)</script>' },
  responseElements: {
    user: {
      userName: '<script>alert(2)</script>',
      userId: 'AIDAEXAMPLE00000001',
      arn: `arn:aws:iam::${TEST_ACCOUNT}:user/x`,
    },
  },
});
const formula = makeRecord({ time: T0 - 60_000, userAgent: '=HYPERLINK("http://evil.example","x")' });

const emulator = createTestEmulator({ clock: () => T0 + 60_000, audit: false });
beforeAll(() => emulator.store.append([hostile, formula]));
emulatorServer(emulator.handle, emulator.store);

const renderEventHistory = (path: string) => renderConsole(path).router;

function expectInert() {
  expect(document.querySelector('img, script')).toBeNull();
}

describe('Event detail', () => {
  it('shows the details, the resources referenced and the event record with Copy', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    renderEventHistory(`/events/${hostile.eventID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'CreateUser' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('iam.amazonaws.com')).toBeInTheDocument();
    expect(screen.getByText(HOSTILE, { selector: 'dd *, dd' })).toBeInTheDocument();

    const resources = screen
      .getAllByRole('table')
      .find((table) => within(table).queryByRole('columnheader', { name: 'AWS Config resource timeline' }))!;
    const rows = within(resources).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent?.trim()),
      ),
    ).toEqual([
      ['<script>alert(2)</script>', 'Link not available'],
      [`arn:aws:iam::${TEST_ACCOUNT}:user/x`, 'Link not available'],
      ['AIDAEXAMPLE00000001', 'Link not available'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('AWS::IAM::User');
    // The user's name is not an IAM name and its ID names no page: plain text. The ARN links to the user's
    // page in the AWS console, in a new tab, with the name encoded.
    expect(within(rows[0]!).queryByRole('link')).toBeNull();
    expect(within(rows[2]!).queryByRole('link')).toBeNull();
    const userPage = within(rows[1]!).getByRole('link', {
      name: `arn:aws:iam::${TEST_ACCOUNT}:user/x in the AWS console`,
    });
    expect(userPage).toHaveAttribute('href', 'https://console.aws.amazon.com/iam/home#/users/x');
    expect(userPage).toHaveAttribute('target', '_blank');
    expect(userPage).toHaveAttribute('rel', expect.stringContaining('noopener'));

    expect(screen.getByRole('heading', { name: 'Event record' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    const record = screen.getByLabelText('Event record JSON');
    expect(JSON.parse(record.textContent!)).toEqual(hostile);
    expectInert();
    expect(alert).not.toHaveBeenCalled();
  });

  it('explains an event ID that is not in Event history', async () => {
    renderEventHistory('/events/00000000-0000-4000-8000-00000000ffff');
    expect(
      await screen.findByText(/No event with ID 00000000-0000-4000-8000-00000000ffff/),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Event not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Event history' })).toHaveAttribute('href', '#/events');
  });

  it('says an ID that is not an event ID is not found, not the API error', async () => {
    renderEventHistory('/events/does-not-exist-123');
    expect(await screen.findByText(/does-not-exist-123 is not an event ID/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Event not found' })).toBeInTheDocument();
    expect(screen.queryByText('InvalidLookupAttributesException')).not.toBeInTheDocument();
  });

  it('shows a hostile user agent as text in the table, Compare and the CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:download'));
    URL.revokeObjectURL = vi.fn();
    renderEventHistory('/events?attr=none');
    const link = await screen.findByRole('link', { name: 'CreateUser' }, { timeout: 10_000 });
    await userEvent.click(within(link.closest('tr')!).getByRole('checkbox'));
    expect(await screen.findByText(HOSTILE)).toBeInTheDocument();
    expect(screen.getAllByText('<script>alert(2)</script>').length).toBeGreaterThan(0);
    expectInert();

    await userEvent.click(screen.getByRole('button', { name: 'Download events' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Download as CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csv = await blobs[0]!.text();
    expect(csv).toContain(`,${HOSTILE},`);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
  });
});
