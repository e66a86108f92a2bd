// Trails against the demo build: the Create trail wizard's inline validation, a trail created with a new
// bucket, a new KMS key and Insights, its calls in Event history, an edit of its management events, Stop
// logging and Delete. The demo emulator lives in the page, so the journey never reloads it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TRAIL = 'e2e-journey-trail';

const sideNavigation = (page: Page) => page.getByRole('navigation', { name: 'Side navigation' });

/** Same-document navigation: a reload would start a fresh demo account. */
async function goToHash(page: Page, hash: string) {
  await page.evaluate((next) => {
    window.location.hash = next;
  }, hash);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('create a trail, find its calls in Event history, edit, stop and delete it', async ({ page }) => {
  // One long journey through five pages, on a shared machine.
  test.setTimeout(180_000);
  await page.goto('./#/trails');
  await expect(page.getByRole('heading', { level: 1, name: /^Trails/ })).toBeVisible();
  await page.getByRole('link', { name: 'Create trail' }).first().click();
  await expect(page).toHaveURL(/#\/trails\/create$/);
  await expect(page.getByRole('heading', { name: 'Choose trail attributes', level: 1 })).toBeVisible();

  // The console's defaults: a new bucket named for the account, SSE-KMS and log file validation on.
  const bucket = page.getByLabel('Trail log bucket and folder');
  await expect(bucket).toHaveValue(/^aws-cloudtrail-logs-\d{12}-[0-9a-f]{8}$/);
  await expect(page.getByRole('checkbox', { name: 'Enabled' }).first()).toBeChecked();

  // Invalid names show the domain rule inline and keep the wizard on step 1.
  const name = page.getByLabel('Trail name');
  const next = page.getByRole('button', { name: 'Next' });
  await name.fill('ab');
  await next.click();
  await expect(page.getByText('Trail names must be between 3 and 128 characters.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose trail attributes', level: 1 })).toBeVisible();
  await name.fill('my--trail');
  await expect(
    page.getByText(/Trail names cannot have adjacent periods, underscores or dashes/),
  ).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Choose trail attributes', level: 1 })).toBeVisible();

  await name.fill(TRAIL);
  await page.getByLabel('AWS KMS alias').fill(`${TRAIL}-key`);
  await next.click();

  await expect(page.getByRole('heading', { name: 'Choose log events', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Management events/ })).toBeChecked();
  await page.getByRole('checkbox', { name: /^Insights events/ }).check();
  await page.getByRole('checkbox', { name: 'API call rate' }).check();
  await next.click();

  await expect(page.getByRole('heading', { name: 'Review and create', level: 1 })).toBeVisible();
  await expect(page.getByText(`alias/${TRAIL}-key (new)`)).toBeVisible();
  await page.getByRole('button', { name: 'Create trail' }).click();

  // It shows as logging in the list.
  await expect(page).toHaveURL(/#\/trails$/);
  await expect(page.getByText(`Trail ${TRAIL} successfully created.`)).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TRAIL, exact: true }) });
  await expect(row.getByText('Logging')).toBeVisible();
  await expect(row.getByText('Enabled')).toBeVisible(); // Insights

  // Its CreateTrail, CreateBucket and StartLogging calls are in Event history.
  for (const eventName of ['CreateTrail', 'CreateBucket', 'StartLogging']) {
    await goToHash(page, `#/events?attr=EventName&value=${eventName}`);
    await expect(page.getByText(`Event name = ${eventName}`)).toBeVisible();
    await expect(
      page.getByRole('row').getByRole('link', { name: eventName, exact: true }).first(),
    ).toBeVisible();
  }

  // Edit its management events: Write only.
  await sideNavigation(page).getByRole('link', { name: 'Trails', exact: true }).click();
  await page.getByRole('link', { name: TRAIL, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRAIL })).toBeVisible();
  await page.getByRole('link', { name: 'Edit Management events' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit management events' })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Read/ }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Trail ${TRAIL} successfully updated.`)).toBeVisible();
  // API activity: Write is the only value on the page that is exactly "Write".
  await expect(page.getByText('Write', { exact: true })).toBeVisible();

  // Stop logging, after the confirmation.
  await page.getByRole('button', { name: 'Stop logging' }).click();
  const stopDialog = page.getByRole('dialog', { name: 'Stop logging' });
  await stopDialog.getByRole('button', { name: 'Stop logging' }).click();
  await expect(stopDialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start logging' })).toBeVisible();
  await expect(page.getByText('Off', { exact: true })).toBeVisible();

  // Delete it, after the confirmation.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete trail' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/#\/trails$/);
  await expect(page.getByText(`Trail ${TRAIL} successfully deleted.`)).toBeVisible();
  await expect(page.getByRole('link', { name: TRAIL, exact: true })).toHaveCount(0);
});
