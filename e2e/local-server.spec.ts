// The console served by `npm start` (the local backend on DuckDB, seeded with the demo account), not the
// demo build: it says which backend it talks to, shows that backend's events, and a trail created in the
// form is still there after the server restarts. The fixture fails on any page or console error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

const TRAIL = 'e2e-local-restart';

test('the console from the local server shows the Local backend and its events', async ({
  page,
  request,
}) => {
  const info = await request.get('trailview.json');
  expect(await info.json()).toEqual({ mode: 'local', defaultRegion: 'us-east-1', readOnly: false });

  await page.goto('./');
  await expect(page.getByRole('link', { name: 'Backend: Local' })).toBeVisible();

  await page.goto('./#/events');
  await expect(page.getByRole('heading', { level: 1, name: /Event history/ })).toBeVisible();
  const eventLinks = page.getByRole('row').getByRole('link');
  await expect(eventLinks.first()).toBeVisible();
  const name = (await eventLinks.first().textContent()) ?? '';
  await eventLinks.first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Event record' })).toBeVisible();
});

test('Settings names the Local backend', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Backend' })).toBeVisible();
  await expect(page.getByText('The Trailview server’s emulator, with events stored on disk.')).toBeVisible();
});

/** Restarts the server through scripts/e2e-local-server.mjs and waits for the new process to answer. */
async function restartServer(request: APIRequestContext, port: string) {
  const status = async () => (await (await request.get('trailview/status')).json()) as { pid: number };
  const before = (await status()).pid;
  const control = join(process.cwd(), '.cache', `e2e-local-server-${port}.json`);
  const { pid } = JSON.parse(readFileSync(control, 'utf8')) as { pid: number };
  process.kill(pid, 'SIGUSR2');
  await expect
    .poll(async () => (await status().catch(() => ({ pid: before }))).pid, { timeout: 60_000 })
    .not.toBe(before);
}

test('a trail created in the form is still there after the server restarts', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/trails/create');
  await expect(page.getByRole('heading', { name: 'Choose trail attributes', level: 1 })).toBeVisible();
  await page.getByLabel('Trail name').fill(TRAIL);
  await page.getByLabel('AWS KMS alias').fill(`${TRAIL}-key`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Choose log events', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Review and create', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Create trail' }).click();
  await expect(page.getByText(`Trail ${TRAIL} successfully created.`)).toBeVisible();

  // Leave the console while the server is down: its polling would log refused connections.
  await page.goto('about:blank');
  await restartServer(request, new URL(baseURL!).port);

  await page.goto('./#/trails');
  await page.reload();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TRAIL, exact: true }) });
  await expect(row.getByText('Logging')).toBeVisible();
  await page.goto('./#/events?attr=EventName&value=CreateTrail');
  await expect(page.getByText('Event name = CreateTrail')).toBeVisible();
  await expect(
    page.getByRole('row').getByRole('link', { name: 'CreateTrail', exact: true }).first(),
  ).toBeVisible();
});

/** A CloudTrail log file of `count` events in eu-west-3 (no demo events there) on 10–11 July 2023. */
function logFile2023(count: number) {
  const first = Date.parse('2023-07-10T06:00:00Z');
  const records = Array.from({ length: count }, (_, index) => ({
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', userName: 'e2e-importer', accountId: '123456789012' },
    eventTime: new Date(first + index * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion: 'eu-west-3',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'e2e',
    eventID: `e2e-2023-${String(index).padStart(4, '0')}`,
    eventType: 'AwsApiCall',
    readOnly: false,
    eventCategory: 'Management',
    recipientAccountId: '123456789012',
  }));
  return {
    name: '123456789012_CloudTrail_eu-west-3_20230710T0600Z_e2e.json.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(JSON.stringify({ Records: records })),
  };
}

test('imported 2023 logs are one click away, and Event history points at them when its range is empty', async ({
  page,
}) => {
  await page.goto('./#/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import logs' })).toBeVisible();
  await page.getByLabel('Choose files').setInputFiles(logFile2023(30));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import summary' })).toBeVisible();

  // The result's link: Event history over the imported range, in the imported Region.
  await page
    .getByRole('link', { name: '30 events imported: show them in Event history in eu-west-3' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Event history/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Region: Europe (Paris) eu-west-3' })).toBeVisible();
  await expect(page.getByRole('row').getByRole('link', { name: 'RunInstances' })).toHaveCount(30);

  // Not one write in that Region over the last day: Event history says where the events are (there, the
  // imported ones and the console's own reads since).
  await page.goto('./#/events?range=1d');
  await expect(page.getByText('No events match the filter in this Region and time range.')).toBeVisible();
  await page.getByRole('link', { name: /^Show the \d+ events from 2023-07-10 to .* in eu-west-3$/ }).click();
  await expect(page.getByRole('row').getByRole('link', { name: 'RunInstances' })).toHaveCount(30);
  // The demo account's Regions are offered too.
  await page.goto('./#/events?range=2020-01-01T00%3A00%3A00Z%2F2020-01-02T00%3A00%3A00Z');
  await expect(page.getByText('No events match the filter in this Region and time range.')).toBeVisible();
  const usEast = page.getByRole('link', { name: /^Show the [\d,]+ events from .* in us-east-1$/ });
  await usEast.click();
  await expect(page.getByRole('button', { name: 'Region: US East (N. Virginia) us-east-1' })).toBeVisible();
  await expect(page.getByRole('row').getByRole('link').first()).toBeVisible();
});
