// The Detections page and a rule's page against the demo account, with the rule pack evaluated over the
// in-memory store by the MSW node server (as the demo's service worker does).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoServer, renderConsole } from '@/test/render-console';

const NOW = new Date('2026-11-21T15:30:27.500Z');
demoServer({ now: NOW, days: 18 });

describe('Detections', () => {
  it('lists the rules with hits, filtered by level', async () => {
    renderConsole('/detections');
    const rules = await screen.findByRole('table', { name: 'Rules with hits' }, { timeout: 30_000 });
    const stopped = await within(rules).findByRole('link', { name: 'CloudTrail logging stopped' });
    expect(stopped).toHaveAttribute('href', expect.stringMatching(/^#\/detections\/[\w-]+$/));
    await userEvent.click(screen.getByRole('button', { name: 'Medium' }));
    expect(within(rules).queryByRole('link', { name: 'CloudTrail logging stopped' })).not.toBeInTheDocument();
    for (const row of within(rules).getAllByRole('row').slice(1))
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Medium');
  });

  it("shows a rule's hits with their sessions, and links them to Event history", async () => {
    renderConsole('/detections');
    const rules = await screen.findByRole('table', { name: 'Rules with hits' }, { timeout: 30_000 });
    await userEvent.click(await within(rules).findByRole('link', { name: 'CloudTrail logging stopped' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'CloudTrail logging stopped' }),
    ).toBeInTheDocument();
    const hits = screen.getByRole('table', { name: 'Events this rule hit' });
    expect(within(hits).getByRole('link', { name: 'StopLogging' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/events\//),
    );
    const view = screen.getByRole('link', { name: 'View hits in Event history' });
    const url = new URL(view.getAttribute('href')!.slice(1), 'http://x');
    expect(url.searchParams.get('attr')).toBe('none');
    expect(JSON.parse(url.searchParams.get('refine')!)).toMatchObject({
      operation: 'or',
      tokens: [{ propertyKey: 'eventId', operator: '=' }],
    });
  });
});
