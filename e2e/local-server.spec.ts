// The console served by `npm start` (the local backend on DuckDB, seeded with the demo account), not the
// demo build: it says which backend it talks to, shows that backend's events, and a trail created in the
// form is still there after the server restarts. The fixture fails on any page or console error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
