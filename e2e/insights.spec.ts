// Insights against the demo build (docs/cloudtrail-facts.md#insights-console): the list, then one Insights event — the graph with its
// band and baseline line, Attributions, and the CloudTrail events inside the span.
import { expect, test } from './fixtures';

const MINUTE = 60_000;

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('an Insights event shows its graph, attributions and CloudTrail events', async ({ page }) => {
  await page.goto('./#/insights');
  await expect(page.getByRole('heading', { level: 1, name: /^Insights/ })).toBeVisible();
  // The demo's Insights appear when its background fill has been analysed.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'SendCommand' }) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('API call rate')).toBeVisible();
  await expect(row.getByText(/^[\d,]+%$/)).toBeVisible();

  await row.getByRole('link', { name: 'SendCommand' }).click();
  await expect(page).toHaveURL(/#\/insights\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'SendCommand' })).toBeVisible();
  await expect(page.getByText('API calls per minute').first()).toBeVisible();

  // The graph: a line, the baseline average as a reference line and the insight as a band.
  const graph = page.getByRole('img', { name: /^Insights graph: API calls per minute of SendCommand/ });
  await expect(graph.locator('.recharts-line-curve').first()).toBeVisible();
  await expect(graph.locator('.recharts-reference-area.insight-band path')).toHaveCount(1);
  await expect(graph.locator('.recharts-reference-line.insight-baseline line')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Time span/ })).toContainText('3 hours');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plot as a PNG' }).click();
  expect((await download).suggestedFilename()).toBe('SendCommand-insight.png');

  await page.getByRole('tab', { name: 'Attributions' }).click();
  const identities = page.getByRole('table', { name: 'Top user identity ARNs' });
  await expect(
    identities.getByRole('rowheader', { name: /assumed-role\/OpsAutomationRole\// }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Top user agents' })).toBeVisible();

  // CloudTrail events: only SendCommand calls, from one minute before the start to one minute after the end.
  const timeOf = async (label: string) =>
    Date.parse(
      (await page
        .getByText(label, { exact: true })
        .locator('xpath=ancestor::*[.//time][1]')
        .locator('time')
        .getAttribute('datetime')) ?? '',
    );
  const start = await timeOf('Event start time');
  const end = await timeOf('Event end time');
  expect(end).toBeGreaterThan(start);
  await page.getByRole('tab', { name: 'CloudTrail events' }).click();
  await expect(
    page.getByRole('checkbox', { name: 'Only show events for selected Insights event' }),
  ).toBeChecked();
  const events = page.getByRole('table', { name: /CloudTrail events/ });
  const eventNames = events.locator('a[href^="#/events/"]');
  await expect(eventNames.first()).toBeVisible();
  const names = await eventNames.allTextContents();
  expect(new Set(names)).toEqual(new Set(['SendCommand']));
  const times = await events
    .locator('time')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('datetime')));
  expect(times.length).toBe(names.length);
  for (const time of times) {
    expect(Date.parse(time ?? '')).toBeGreaterThanOrEqual(start - MINUTE);
    expect(Date.parse(time ?? '')).toBeLessThanOrEqual(end + MINUTE);
  }
});
