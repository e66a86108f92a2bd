// Helpers for the Event history journeys: read the table as the user sees it, set preferences, pick a
// lookup attribute the way a user does.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const ALL_COLUMNS = [
  'eventName',
  'eventTime',
  'userName',
  'eventSource',
  'resourceType',
  'resourceName',
  'accessKeyId',
  'awsRegion',
  'errorCode',
  'eventId',
  'readOnly',
  'sourceIPAddress',
  'eventCategory',
];

/** The console's default columns (docs/cloudtrail-facts.md#event-history-console). */
export const DEFAULT_HEADERS = [
  'Event name',
  'Event time',
  'User name',
  'Event source',
  'Resource type',
  'Resource name',
];

export const eventsTable = (page: Page) => page.getByRole('table', { name: 'Event history' });

/** Starts from the console's defaults, with the given Event history preferences. */
export async function withPreferences(page: Page, preferences: Record<string, unknown>) {
  await page.goto('./');
  // MSW reloads a page its worker does not control yet: let the worker take this one before going on.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate((value) => {
    localStorage.clear();
    localStorage.setItem('trailview.event-history.preferences', value);
  }, JSON.stringify(preferences));
}

/** The rows of the table's current page, each as { column header: cell text }. */
export async function tableRows(page: Page): Promise<Array<Record<string, string>>> {
  const table = eventsTable(page);
  await expect(table.getByRole('link').first()).toBeVisible();
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const rows = await table
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
    .all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator('th, td').allInnerTexts();
      return Object.fromEntries(headers.map((header, i) => [header.trim(), (cells[i] ?? '').trim()]));
    }),
  );
}

/** The hrefs of the Event name links on the current page. */
export async function eventHrefs(page: Page): Promise<string[]> {
  const table = eventsTable(page);
  await expect(table.getByRole('link').first()).toBeVisible();
  return table
    .locator('a[href^="#/events/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The event times of the current page, epoch ms. */
export async function rowTimes(page: Page): Promise<number[]> {
  await expect(eventsTable(page).getByRole('link').first()).toBeVisible();
  return eventsTable(page)
    .locator('tbody time')
    .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));
}

/** Chooses a lookup attribute and applies a value, as a user does. */
export async function applyLookup(page: Page, label: string, value: string) {
  await page.getByRole('button', { name: /^Lookup attributes/ }).click();
  await page.getByRole('option', { name: label, exact: true }).click();
  if (label === 'Read-only') {
    await page.getByRole('button', { name: /^Lookup value/ }).click();
    await page.getByRole('option', { name: value, exact: true }).click();
  } else {
    const input =
      label === 'Event source'
        ? page.getByRole('combobox', { name: 'Lookup value' })
        : page.getByRole('searchbox', { name: 'Lookup value' });
    await input.fill(value);
    await input.press('Enter');
  }
  await expect(page.getByText(`${label} = ${value}`, { exact: true })).toBeVisible();
}

/** YYYY/MM/DD of a UTC day, as the date range picker takes it. */
export const pickerDate = (time: number) => new Date(time).toISOString().slice(0, 10).replaceAll('-', '/');

/** The console's CSV header (docs/cloudtrail-facts.md#event-history-console). */
export const CSV_HEADER =
  'User name,AWS access key,Event time,Event source,Event name,AWS region,Source IP address,User agent,Error code,Resources,Request ID,Event ID,Read-only,Event type,Recipient Account Id,Event category';

/** Drags the mouse across an element from one fraction of its width to another. */
export async function dragAcross(page: Page, target: Locator, from: number, to: number) {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

export const DAY = 86_400_000;

/** How many events the scroll view's grid says it holds. */
export async function loadedCount(grid: Locator): Promise<number> {
  const label = (await grid.getAttribute('aria-label')) ?? '';
  return Number(label.match(/(\d[\d,]*) loaded/)?.[1]?.replaceAll(',', '') ?? 0);
}
