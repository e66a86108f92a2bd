// Investigations in the demo build: from an event of the leaked-key story to its session (origin, chain,
// timeline) and to the detection rules that hit it; the Detections page and a rule's hits in Event history;
// and the Tour, step by step, offline in the demo build.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LEAKED_KEY = 'AKIA2XK7M3QZR5JH3E7W';

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
});

/** The demo fills older days in the background: refresh until the story's events are in. */
async function firstEventRow(page: Page) {
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Event name' }) });
  const link = table.locator('tbody a[href^="#/events/"]').first();
  await expect(async () => {
    if (!(await link.isVisible())) {
      await page.getByRole('button', { name: 'Refresh events' }).click();
      await expect(link).toBeVisible({ timeout: 3_000 });
    }
  }).toPass({ timeout: 45_000 });
  return link;
}

test('pivots from an event to its session and to the detections that hit it', async ({ page }) => {
  // The backdoor user the leaked key created (the leaked-key story, ten days ago).
  const refine = {
    operation: 'and',
    tokens: [{ propertyKey: 'eventName', operator: '=', value: 'CreateUser' }],
  };
  await page.goto(
    `./#/events?attr=AccessKeyId&value=${LEAKED_KEY}&range=3w&refine=${encodeURIComponent(JSON.stringify(refine))}`,
  );
  const row = await firstEventRow(page);
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: 'CreateUser' })).toBeVisible();
  const ruleLink = page.getByRole('link', { name: 'IAM user created' });
  await expect(ruleLink).toBeVisible({ timeout: 45_000 });

  // The session: the key's origin, chain, timeline with errors, and what it used.
  await page.getByRole('link', { name: LEAKED_KEY }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/sessions/${LEAKED_KEY}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Session ${LEAKED_KEY}` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Credential chain' })).toContainText('jenkins-legacy');
  await expect(page.getByRole('figure', { name: 'Calls of this session over time' })).toBeVisible();
  const timeline = page.getByRole('table', { name: 'Calls of this session' });
  await expect(timeline.locator('a[href^="#/events/"]').first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show only errors' }).click();
  await expect(timeline.locator('tbody tr').first().locator('td').last()).not.toHaveText('-');
  await expect(page.getByRole('table', { name: /Source IP addresses/ })).toContainText('203.0.113.250');

  // Back to the event, and on to the rule that hit it.
  await page.goBack();
  await page.getByRole('link', { name: 'IAM user created' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'IAM user created' })).toBeVisible();
  const hits = page.getByRole('table', { name: 'Events this rule hit' });
  await expect(hits.getByRole('link', { name: LEAKED_KEY }).first()).toBeVisible();

  // The rule's hits in Event history: Refine on their event IDs.
  await page.getByRole('link', { name: 'View hits in Event history' }).click();
  await expect(page).toHaveURL(/#\/events\?.*refine=/);
  await expect(page.locator('tbody a[href^="#/events/"]').first()).toBeVisible({ timeout: 30_000 });
});

test('the Detections page lists hits by level and rule', async ({ page }) => {
  await page.goto('./#/detections');
  await expect(page.getByRole('heading', { level: 1, name: 'Detections' })).toBeVisible();
  const rules = page.getByRole('table', { name: 'Rules with hits' });
  await expect(rules.locator('a[href^="#/detections/"]').first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'High', exact: true }).click();
  await expect(rules.getByRole('link', { name: 'CloudTrail logging stopped', exact: true })).toBeVisible();
  for (const level of await rules.locator('tbody tr td:first-child').allInnerTexts())
    expect(level).toBe('High');
});

test('the Tour walks through the demo stories, offline', async ({ page, baseURL }) => {
  // Offline: nothing but the static files of the demo build; any other request is refused and recorded.
  const elsewhere: string[] = [];
  await page.route(
    (url) => url.origin !== new URL(baseURL!).origin,
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    },
  );
  await page.goto('./#/tour');
  await expect(page.getByRole('heading', { level: 1, name: 'Tour' })).toBeVisible();
  await page.getByRole('button', { name: 'Start tour' }).click();
  await expect(page.getByText('Tour, step 1 of 8')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`attr=AccessKeyId&value=${LEAKED_KEY}`));
  await firstEventRow(page);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText('Tour, step 2 of 8')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Credential chain' })).toContainText('jenkins-legacy');

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByText('Tour, step 1 of 8')).toBeVisible();
  for (let step = 2; step <= 8; step++) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText(`Tour, step ${step} of 8`)).toBeVisible();
  }
  await expect(page).toHaveURL(/#\/insights\?/);
  await page.getByRole('button', { name: 'Finish tour' }).click();
  await expect(page.getByText(/Tour, step/)).toHaveCount(0);
  expect(elsewhere).toEqual([]);
});
