// The Dashboard against the demo build (docs/cloudtrail-facts.md#dashboard): the five latest events, the trails with their
// status and Create trail, and the five latest Insights events (they appear once the demo's background
// fill has been analysed, a few seconds after load), each linking to its page.
import { expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the Dashboard shows Event history, Trails and Insights', async ({ page }) => {
  await page.goto('./#/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const events = page.getByRole('table', { name: /^Event history/ });
  // The Event name links (User name cells are pivot links to the identity page).
  const eventLinks = events.locator('a[href^="#/events/"]');
  await expect(eventLinks).toHaveCount(5);
  await expect(eventLinks.first()).toHaveAttribute('href', /^#\/events\/[\w-]+$/);
  await expect(page.getByRole('link', { name: 'View full Event history' })).toBeVisible();

  const trails = page.getByRole('table', { name: /^Trails/ });
  const trail = trails.getByRole('link', { name: 'management-events' });
  await expect(trail).toHaveAttribute('href', '#/trails/management-events');
  const trailRow = trails
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'management-events' }) });
  await expect(trailRow.getByText('Logging')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create trail' })).toHaveAttribute('href', '#/trails/create');

  const insights = page.getByRole('table', { name: /^Insights/ });
  const insight = insights.getByRole('link', { name: 'SendCommand' });
  await expect(insight).toHaveAttribute('href', /^#\/insights\/[\w-]+$/, { timeout: 30_000 });
  expect(await insights.getByRole('link').count()).toBeLessThanOrEqual(5);

  await insight.click();
  await expect(page.getByRole('heading', { level: 1, name: 'SendCommand' })).toBeVisible();
});
