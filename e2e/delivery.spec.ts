// Log file delivery against the demo build with `?delivery-interval=1`: a trail created in the wizard
// (new bucket, log file validation on by default) delivers its first log file, which the trail's Log files
// view lists and downloads as gzipped CloudTrail JSON; once a digest file has arrived (12 deliveries),
// Validate log files reports every file valid. The demo emulator lives in the page: no reloads.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const TRAIL = 'e2e-delivery-trail';

test('create a trail, see its first log file, validate it and download it', async ({ page }) => {
  // Waits for 12 one-second deliveries on a shared machine.
  test.setTimeout(180_000);
  await page.goto('./?delivery-interval=1#/trails/create');
  await expect(page.getByRole('heading', { name: 'Choose trail attributes', level: 1 })).toBeVisible();
  await page.getByLabel('Trail name').fill(TRAIL);
  await page.getByLabel('AWS KMS alias').fill(`${TRAIL}-key`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Choose log events', level: 1 })).toBeVisible();
  // With Insights on, the details page's GetInsightSelectors answers 200 (without, the browser logs the
  // InsightNotEnabledException's 400 as a console error, which the fixture counts).
  await page.getByRole('checkbox', { name: /^Insights events/ }).check();
  await page.getByRole('checkbox', { name: 'API call rate' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Review and create', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Create trail' }).click();

  await page.getByRole('link', { name: TRAIL, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRAIL })).toBeVisible();
  const logFiles = page.getByRole('table', { name: 'Log files' });
  const downloads = page.getByRole('button', { name: /^Download .*_CloudTrail_.*\.json\.gz$/ });

  // The first log file: the trail's own CreateTrail and StartLogging calls, delivered within a second.
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh log files' }).click();
    await expect(downloads.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(logFiles).toBeVisible();

  // Validation: once a digest has been delivered, every digest and log file in it is valid.
  await expect(async () => {
    await page.getByRole('button', { name: 'Validate log files' }).click();
    await expect(page.getByText(/^All \d+ files valid$/).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole('row').filter({ hasText: 'Digest file' }).first()).toContainText('valid');
  await expect(page.getByText(/INVALID/)).toHaveCount(0);

  // Download: the file as CloudTrail wrote it, gzipped {"Records":[…]}.
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.first().click()]);
  expect(download.suggestedFilename()).toMatch(
    /^\d{12}_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/,
  );
  const records = JSON.parse(gunzipSync(readFileSync((await download.path())!)).toString()) as {
    Records: Array<{ eventName: string }>;
  };
  expect(records.Records.length).toBeGreaterThan(0);
});
