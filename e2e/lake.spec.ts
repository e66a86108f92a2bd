// CloudTrail Lake in the console, in both projects: served by `npm start` (DuckDB runs the SQL) and in the
// demo build (the emulator's engine in the page). The built-in event data store and its details, a sample
// query run from the Query page with its results and statistics downloaded as CSV, and one journey from a
// generated query, saved and found again, to a dashboard made of the ready-made widgets and that saved
// query, refreshed. With LAKE_SCREENSHOTS=<dir>, the last test writes the Lake pages at 1280 px in light
// and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BUILT_IN_STORE_NAME } from '../src/domain/lake';
import { expect, test } from './fixtures';

async function openQueryPage(page: Page) {
  await page.goto('./#/lake/query');
  await expect(page.getByRole('heading', { level: 1, name: 'Query' })).toBeVisible();
  // The store picker defaults to the first active store once the list is in.
  await expect(page.getByText(BUILT_IN_STORE_NAME).first()).toBeVisible();
}

async function runSample(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Sample queries' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Query results/ })).toBeVisible({ timeout: 30_000 });
}

test('the built-in event data store is listed and has a details page', async ({ page }) => {
  await page.goto('./#/lake/event-data-stores');
  await expect(page.getByRole('heading', { level: 1, name: /Event data stores/ })).toBeVisible();
  await page.getByRole('link', { name: BUILT_IN_STORE_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: BUILT_IN_STORE_NAME })).toBeVisible();
  await expect(page.getByText("Trailview's built-in event data store")).toBeVisible();
  // The Status of General details (Termination protection says Enabled too).
  await expect(page.locator('xpath=//dt[normalize-space()="Status"]/../dd')).toHaveText('Enabled');
  await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText(BUILT_IN_STORE_NAME);
  // Its Actions: ingestion can stop; the built-in store cannot be deleted.
  await page.getByRole('button', { name: 'Actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Stop ingestion' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /^Delete/ })).toHaveAttribute('aria-disabled', 'true');
});

test('a sample query runs, shows its results and statistics, and downloads as CSV', async ({ page }) => {
  await openQueryPage(page);
  await runSample(page, 'API calls by service and operation');
  const results = page.getByRole('table').last();
  await expect(results.getByRole('columnheader', { name: 'apiCount' })).toBeVisible();
  await expect(results.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText(/Events scanned: [1-9]/)).toBeVisible();

  await page.getByRole('button', { name: 'Download' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Download results as CSV' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('eventSource,eventName,apiCount');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines[1]).toMatch(/^[a-z0-9-]+\.amazonaws\.com,\w+,\d+$/);
});

async function createDashboard(page: Page) {
  await page.goto('./#/lake/dashboards');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
  await page.getByRole('button', { name: 'Create dashboard' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Top errors' })).toBeVisible();
}

test('a generated query is saved, found again and shown on a refreshed dashboard', async ({ page }) => {
  // Seven queries; in the demo build each reads all ~164,000 demo events in the page.
  test.slow();
  await openQueryPage(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('top 5 APIs in the last 3 days');
  await page.getByRole('button', { name: 'Generate query' }).click();
  await expect(page.getByLabel('Query editor')).toContainText('LIMIT 5');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Query results \([1-5]\)/ })).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('busiest-apis');
  await dialog.getByRole('button', { name: /Save/ }).click();
  await page.getByRole('tab', { name: 'Saved queries' }).click();
  await expect(page.getByRole('link', { name: 'busiest-apis' })).toBeVisible();
  await page.getByRole('tab', { name: 'Results history' }).click();
  await expect(page.getByRole('link', { name: /^SELECT eventName AS eventName, COUNT/ })).toBeVisible();

  // Same document (a hash change), so the demo's in-page emulator keeps its dashboards.
  await createDashboard(page);
  await page.getByRole('button', { name: 'Add saved queries' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'busiest-apis' })).toBeVisible();
  await expect(page.getByText('Choose Refresh to run the queries')).toBeVisible();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('img', { name: 'Activity over time chart' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Top users chart' })).toBeVisible({ timeout: 30_000 });
  const saved = page.getByRole('table', { name: 'busiest-apis' });
  await expect(saved.getByRole('columnheader', { name: 'eventCount' })).toBeVisible({ timeout: 30_000 });
  await expect(saved.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText('Running query…')).toHaveCount(0, { timeout: 60_000 });
});

test('screenshots of the Lake pages, light and dark', async ({ page }) => {
  const dir = process.env.LAKE_SCREENSHOTS;
  test.skip(!dir, 'set LAKE_SCREENSHOTS=<dir> to write them');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const theme of ['light', 'dark'] as const) {
    await page.goto('./#/lake/query');
    await page.evaluate((t) => {
      localStorage.setItem('trailview.settings', JSON.stringify({ theme: t }));
    }, theme);
    await openQueryPage(page);
    await page.reload();
    await runSample(page, 'API calls by service and operation');
    await page.screenshot({ path: join(dir!, `lake-query-${theme}.png`), fullPage: true });
    await page.goto('./#/lake/event-data-stores');
    await expect(page.getByRole('link', { name: BUILT_IN_STORE_NAME })).toBeVisible();
    await page.screenshot({ path: join(dir!, `lake-stores-${theme}.png`) });
    await page.getByRole('link', { name: BUILT_IN_STORE_NAME }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'General details' })).toBeVisible();
    await page.screenshot({ path: join(dir!, `lake-store-details-${theme}.png`), fullPage: true });
    // The local server keeps the journey's dashboard; the demo's in-page emulator starts without one.
    await page.goto('./#/lake/dashboards');
    const create = page.getByRole('button', { name: 'Create dashboard' });
    await expect(create.or(page.getByRole('button', { name: 'Refresh', exact: true }))).toBeVisible();
    if (await create.isVisible()) await create.click();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByRole('img', { name: 'Activity over time chart' })).toBeVisible({
      timeout: 30_000,
    });
    // Every widget's query has finished (leaving earlier would cancel the ones still running).
    await expect(page.getByText('Running query…')).toHaveCount(0, { timeout: 60_000 });
    await page.screenshot({ path: join(dir!, `lake-dashboards-${theme}.png`), fullPage: true });
  }
});
