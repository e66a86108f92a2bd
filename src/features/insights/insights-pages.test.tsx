// The Insights list and an Insights event's page against the demo account (30 days, so the call-rate
// spike of day 6 and the error-rate spike of day 13 have their 7-day baselines), through the MSW node
// server, with the real providers.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoStory, storyWindow } from '@/emulator/seed/stories';
import { renderConsole, demoServer } from '@/test/render-console';

const NOW = new Date('2026-11-21T14:00:00Z');
demoServer({ now: NOW, days: 30 });

const renderInsights = (path: string) => renderConsole(path).router;

const insightRow = async (name: string) =>
  (await screen.findByRole('link', { name }, { timeout: 10_000 })).closest('tr')!;

describe('Insights', () => {
  it('lists one row per Insights event with its averages and rate change', async () => {
    renderInsights('/insights');
    expect(await screen.findByRole('heading', { level: 1, name: /^Insights/ })).toBeInTheDocument();
    const columnHeaders = screen.getAllByRole('columnheader').map((header) => header.textContent);
    for (const name of [
      'Event name',
      'Event source',
      'Insight type',
      'Event start time',
      'Baseline average',
      'Insight average',
      'Rate change',
    ]) {
      expect(columnHeaders).toContain(name);
    }

    const callRate = await insightRow('SendCommand');
    expect(within(callRate).getByText('ssm.amazonaws.com')).toBeInTheDocument();
    expect(within(callRate).getByText('API call rate')).toBeInTheDocument();
    expect(within(callRate).getByText('2026-11-15, 15:20:00 (UTC)')).toBeInTheDocument();
    // 13.47 calls a minute against a baseline of 0.001786: up 754,199%.
    expect(within(callRate).getByText('754,199%')).toBeInTheDocument();
    expect(within(callRate).getByText('increase')).toBeInTheDocument();

    const errorRate = await insightRow('GetBucketPolicy');
    expect(within(errorRate).getByText('API error rate')).toBeInTheDocument();
    expect(within(errorRate).getByText('No baseline')).toBeInTheDocument();
    // One row per Start/End pair.
    expect(screen.getAllByRole('link', { name: 'SendCommand' })).toHaveLength(1);
    expect(screen.getAllByRole('link', { name: 'GetBucketPolicy' })).toHaveLength(1);
  });

  it('filters on a lookup attribute, kept in the URL', async () => {
    const router = renderInsights('/insights');
    await insightRow('SendCommand');
    await userEvent.click(screen.getByRole('button', { name: /Lookup attributes/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Event source' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Lookup value' }), 's3.amazonaws.com{Enter}');

    await waitFor(() => expect(screen.queryByRole('link', { name: 'SendCommand' })).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'GetBucketPolicy' })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ attribute: 'EventSource', value: 's3.amazonaws.com' });
  });
});

describe('an Insights event', () => {
  it('opens from the list with Additional information and the four tabs', async () => {
    const router = renderInsights('/insights');
    await userEvent.click(await screen.findByRole('link', { name: 'SendCommand' }, { timeout: 10_000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'SendCommand' })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/insights\/[\w-]+$/);
    // The breadcrumbs and the tab's title name the event, not its ID.
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).getAllByText('SendCommand').length).toBeGreaterThan(0);
    await waitFor(() => expect(document.title).toBe('SendCommand | Insights | Trailview'));

    expect(screen.getByRole('heading', { name: 'Additional information' })).toBeInTheDocument();
    expect(screen.getAllByText('API calls per minute').length).toBeGreaterThan(0);
    expect(screen.getByText('Baseline average')).toBeInTheDocument();
    expect(screen.getByText('0.001786')).toBeInTheDocument();
    expect(screen.getByText('13.47')).toBeInTheDocument();
    for (const tab of ['Insights graph', 'Attributions', 'CloudTrail events', 'Insights event record']) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    expect(
      await screen.findByRole('img', { name: /^Insights graph: API calls per minute of SendCommand/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Time span/ })).toHaveTextContent('3 hours');
    // The graph's text summary: ListInsightsMetricData's peak in the span, about 14 calls a minute.
    const peaks = screen.getByRole('table', { name: 'Peak of each line' });
    const calls = within(peaks).getByRole('rowheader', { name: 'API calls per minute' }).closest('tr')!;
    expect(Number(within(calls).getAllByRole('cell')[0]!.textContent)).toBeGreaterThan(10);
  });

  it('lists the identities, user agents and error codes in Attributions', async () => {
    renderInsights('/insights');
    await userEvent.click(await screen.findByRole('link', { name: 'SendCommand' }, { timeout: 10_000 }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Attributions' }));

    const identities = screen.getByRole('table', { name: 'Top user identity ARNs' });
    const row = within(identities)
      .getByRole('rowheader', { name: /OpsAutomationRole\/ops-runbook$/ })
      .closest('tr')!;
    expect(within(row).getByText('13.47 (100%)')).toBeInTheDocument();
    expect(within(row).getByText(/^0\.0009921 \(\d+(\.\d)?%\)$/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Top user agents' })).toBeInTheDocument();
    const errors = screen.getByRole('table', { name: 'Top error codes' });
    expect(within(errors).getByRole('rowheader', { name: 'None' })).toBeInTheDocument();
    expect(within(errors).getByRole('rowheader', { name: 'ThrottlingException' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Top baseline user identity ARNs' })).toBeInTheDocument();
  });

  it('lists the CloudTrail events of the span, one minute either side', async () => {
    const { start, end } = storyWindow(demoStory('error-rate-spike'), NOW);
    renderInsights('/insights');
    await userEvent.click(await screen.findByRole('link', { name: 'GetBucketPolicy' }, { timeout: 10_000 }));
    expect(await screen.findByText('AccessDenied')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Top error codes' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'CloudTrail events' }));

    const toggle = screen.getByRole('checkbox', { name: 'Only show events for selected Insights event' });
    expect(toggle).toBeChecked();
    const table = await screen.findByRole('table', { name: /CloudTrail events/ });
    const times = async () => {
      await waitFor(() => expect(within(table).getAllByRole('link').length).toBeGreaterThan(0), {
        timeout: 10_000,
      });
      return within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getByText(/\(UTC\)$/)
            .closest('time')!
            .getAttribute('dateTime')!,
        );
    };
    const selected = await times();
    expect(selected.length).toBeGreaterThan(0);
    for (const row of within(table).getAllByRole('row').slice(1)) {
      // The Event name link (the User name cell is a pivot link to the identity page).
      expect(within(row).getAllByRole('link')[0]).toHaveTextContent('GetBucketPolicy');
      expect(within(row).getByText('AccessDenied')).toBeInTheDocument();
    }
    for (const time of selected) {
      expect(Date.parse(time)).toBeGreaterThanOrEqual(start.getTime() - 60_000);
      expect(Date.parse(time)).toBeLessThanOrEqual(end.getTime() + 60_000);
    }

    await userEvent.click(toggle);
    const all = await times();
    for (const time of all) {
      expect(Date.parse(time)).toBeGreaterThanOrEqual(start.getTime() - 60_000);
      expect(Date.parse(time)).toBeLessThanOrEqual(end.getTime() + 60_000);
    }
  });

  it('shows the Start and End records', async () => {
    renderInsights('/insights');
    await userEvent.click(await screen.findByRole('link', { name: 'SendCommand' }, { timeout: 10_000 }));
    await userEvent.click(await screen.findByRole('tab', { name: 'Insights event record' }));
    const record = screen.getByLabelText('Insights event record', { selector: 'pre' });
    const records = JSON.parse(record.textContent ?? '') as Array<{ insightDetails: { state: string } }>;
    expect(records.map((r) => r.insightDetails.state)).toEqual(['Start', 'End']);
  });

  it('says so when no Insights event has the ID', async () => {
    renderInsights('/insights/00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('Insights event not found')).toBeInTheDocument();
  });
});
