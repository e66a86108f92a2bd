// The session and identity pages against the demo account (the leaked-key and escalation stories), through
// the MSW node server's investigation routes: found by role and label.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoServer, renderConsole } from '@/test/render-console';

const NOW = new Date('2026-11-21T15:30:27.500Z');
demoServer({ now: NOW, days: 18 });

const LEAKED_KEY = 'AKIA2XK7M3QZR5JH3E7W';

describe('Session page', () => {
  it('shows the origin, the chain, the calls over time and what the session used', async () => {
    renderConsole(`/sessions/${LEAKED_KEY}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: `Session ${LEAKED_KEY}` }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    // The first answer may be the session so far, while the store is read: wait until it is whole.
    await screen.findByRole('heading', { level: 2, name: 'Origin' }, { timeout: 20_000 });
    await waitFor(() => expect(screen.queryByText(/events read\./)).not.toBeInTheDocument(), {
      timeout: 20_000,
    });
    const chain = await screen.findByRole('list', { name: 'Credential chain' }, { timeout: 20_000 });
    expect(within(chain).getByRole('link', { name: 'jenkins-legacy' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/identities\/arn%3Aaws%3Aiam%3A%3A\d+%3Auser%2Fjenkins-legacy$/),
    );
    expect(screen.getByRole('figure', { name: 'Calls of this session over time' })).toBeInTheDocument();
    const ips = screen.getByRole('table', { name: /Source IP addresses/ });
    expect(within(ips).getByRole('link', { name: '203.0.113.250' })).toHaveAttribute(
      'href',
      expect.stringContaining('#/events?attr=none&refine='),
    );

    const timeline = screen.getByRole('table', { name: 'Calls of this session' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show only errors' }));
    const rows = within(timeline).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(within(row).getAllByRole('cell').at(-1)).not.toHaveTextContent(/^-$/);
  });

  it('says when a session is not in these logs', async () => {
    renderConsole('/sessions/ASIANOTINTHESTORE000');
    expect(
      await screen.findByText('No session ASIANOTINTHESTORE000 is in these logs.', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
  });
});

describe('Identity page', () => {
  it('lists the sessions of a person, including the role session they assumed', async () => {
    renderConsole('/identities/jordan.lee');
    const table = await screen.findByRole(
      'table',
      { name: 'Sessions of this identity' },
      { timeout: 20_000 },
    );
    expect(within(table).getAllByRole('link', { name: 'ops-break-glass' }).length).toBeGreaterThan(0);
  });
});
