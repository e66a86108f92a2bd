// Event history journeys on the demo build: the default filter, each lookup attribute, relative and
// absolute time ranges, an event's record, downloads, Refine with AND and OR, shared URLs, keyboard-only
// use, throttling and the scroll view. The fixture fails on any page or console error.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import {
  ALL_COLUMNS,
  applyLookup,
  CSV_HEADER,
  DAY,
  DEFAULT_HEADERS,
  dragAcross,
  eventHrefs,
  eventsTable,
  loadedCount,
  pickerDate,
  rowTimes,
  tableRows,
  withPreferences,
} from './event-history-helpers';

test.beforeEach(async ({ page }) => {
  await withPreferences(page, {});
});

test('opens with the default filter Read-only = false and the default columns', async ({ page }) => {
  await withPreferences(page, { visibleColumns: [...ALL_COLUMNS.slice(0, 6), 'readOnly'] });
  await page.goto('./#/events');
  await expect(page.getByRole('heading', { level: 1, name: /Event history/ })).toBeVisible();
  await expect(page.getByText('Read-only = false', { exact: true })).toBeVisible();
  const rows = await tableRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(50);
  expect(new Set(rows.map((row) => row['Read-only']))).toEqual(new Set(['false']));
  const headers = await eventsTable(page).getByRole('columnheader').allInnerTexts();
  expect(headers.map((h) => h.trim()).filter(Boolean)).toEqual([...DEFAULT_HEADERS, 'Read-only']);
});

test('filters on each lookup attribute', async ({ page }) => {
  await withPreferences(page, { visibleColumns: ALL_COLUMNS });
  await page.goto('./#/events');
  const rows = await tableRows(page);
  const withResource = rows.find((row) => row['Resource name'] !== '-')!;
  const withKey = rows.find((row) => row['AWS access key'] !== '-')!;
  const withUser = rows.find((row) => row['User name'] !== '-')!;
  // Each attribute's label is also its column's header.
  const cases: Array<[label: string, value: string]> = [
    ['Event name', rows[0]!['Event name']!],
    ['User name', withUser['User name']!],
    ['Event source', rows[0]!['Event source']!],
    ['Resource type', withResource['Resource type']!.split('\n')[0]!],
    ['Resource name', withResource['Resource name']!.split('\n')[0]!],
    ['AWS access key', withKey['AWS access key']!],
    ['Event ID', rows[1]!['Event ID']!],
    ['Read-only', 'true'],
  ];
  for (const [label, value] of cases) {
    await applyLookup(page, label, value);
    await expect(page).toHaveURL(/[?&]attr=/);
    await expect(async () => {
      const found = await tableRows(page);
      expect(found.length).toBeGreaterThan(0);
      for (const row of found) expect(row[label]!.split('\n')).toContain(value);
    }).toPass();
  }
});

test('applies a relative and an absolute time range', async ({ page }) => {
  await page.goto('./#/events?attr=none');
  await page.getByRole('button', { name: /^Time range/ }).click();
  await page.getByRole('radio', { name: 'Last 1 day' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/range=1d/);
  const since = Date.now() - DAY - 60_000;
  await expect(async () => {
    const times = await rowTimes(page);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toBeGreaterThanOrEqual(since);
  }).toPass();

  const day = Date.now() - DAY;
  const date = pickerDate(day);
  await page.getByRole('button', { name: /^Time range/ }).click();
  await page.getByRole('button', { name: 'Absolute range' }).click();
  await page.getByLabel('Start date').fill(date);
  await page.getByLabel('Start time').fill('06:00:00');
  await page.getByLabel('End date').fill(date);
  await page.getByLabel('End time').fill('09:30:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  const iso = date.replaceAll('/', '-');
  await expect(page).toHaveURL(new RegExp(`range=${iso}T06%3A00%3A00Z%2F${iso}T09%3A30%3A00Z`));
  await expect(async () => {
    const times = await rowTimes(page);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(Date.parse(`${iso}T06:00:00Z`));
      expect(time).toBeLessThanOrEqual(Date.parse(`${iso}T09:30:00Z`));
    }
  }).toPass();
});

test.describe('in a browser east of UTC', () => {
  test.use({ timezoneId: 'Asia/Kolkata' }); // UTC+05:30 all year

  test('enters an absolute range in UTC or in local time, chosen inside the picker', async ({ page }) => {
    await page.goto('./#/events?attr=none');
    const date = pickerDate(Date.now() - DAY);
    const iso = date.replaceAll('/', '-');
    const absolute = async (start: string, end: string, zone: 'UTC' | 'Local time zone') => {
      await page.getByRole('button', { name: /^Time range/ }).click();
      await page.getByRole('button', { name: 'Absolute range' }).click();
      await page.getByRole('button', { name: zone, exact: true }).click();
      await page.getByLabel('Start date').fill(date);
      await page.getByLabel('Start time').fill(start);
      await page.getByLabel('End date').fill(date);
      await page.getByLabel('End time').fill(end);
      await page.getByRole('button', { name: 'Apply' }).click();
    };
    await absolute('11:30:00', '15:00:00', 'Local time zone');
    await expect(page).toHaveURL(new RegExp(`range=${iso}T06%3A00%3A00Z%2F${iso}T09%3A30%3A00Z`));
    await absolute('06:00:00', '09:00:00', 'UTC');
    await expect(page).toHaveURL(new RegExp(`range=${iso}T06%3A00%3A00Z%2F${iso}T09%3A00%3A00Z`));
  });
});

test('opens an event and reads and copies its record', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/events');
  const link = eventsTable(page).getByRole('link').first();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(/#\/events\/[\w-]+$/);
  const eventId = decodeURIComponent(page.url().split('#/events/')[1]!);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Resources referenced/ })).toBeVisible();
  const record = page.getByLabel('Event record JSON');
  await expect(record).toContainText(`"eventID": "${eventId}"`);
  expect(JSON.parse((await record.textContent())!)).toMatchObject({ eventID: eventId, eventName: name });
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Event record copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toMatchObject({ eventID: eventId });
  await page.goBack();
  await expect(page.getByText('Read-only = false', { exact: true })).toBeVisible();
});

test('downloads the filtered events as CSV and as JSON', async ({ page }) => {
  await page.goto('./#/events?attr=EventName&value=ConsoleLogin');
  await expect(eventsTable(page).getByRole('link').first()).toHaveText('ConsoleLogin');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download events' }).click();
  await page.getByRole('menuitem', { name: 'Download as CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('event_history.csv');
  const lines = (await readFile((await csv.path())!, 'utf8')).split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toMatch(/,signin\.amazonaws\.com,ConsoleLogin,/);
  await expect(
    page.getByText(new RegExp(`Downloaded ${(lines.length - 1).toLocaleString('en-US')} events`)),
  ).toBeVisible();

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download events' }).click();
  await page.getByRole('menuitem', { name: 'Download as JSON' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('event_history.json');
  const { Records } = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
    Records: Array<{ eventName: string; eventID: string }>;
  };
  expect(Records.length).toBeGreaterThan(0);
  expect(new Set(Records.map((r) => r.eventName))).toEqual(new Set(['ConsoleLogin']));
  const csvIds = lines.slice(1).map((line) => line.split(',').at(-5));
  expect(Records.slice(0, 5).map((r) => r.eventID)).toEqual(csvIds.slice(0, 5));
});

test('refines by error code with AND, then with OR', async ({ page }) => {
  await withPreferences(page, { visibleColumns: ['eventName', 'eventTime', 'eventSource', 'errorCode'] });
  await page.goto('./#/events?attr=none');
  const refine = page.getByRole('combobox', { name: 'Refine events' });
  await refine.fill('Error code : Denied');
  await refine.press('Enter');
  await refine.fill('Event source = s3.amazonaws.com');
  await refine.press('Enter');
  await expect(page.getByText(/^[\d,]+ scanned, [\d,]+ matched/)).toBeVisible();
  await expect(async () => {
    const rows = await tableRows(page);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row['Error code']).toMatch(/Denied/);
      expect(row['Event source']).toBe('s3.amazonaws.com');
    }
  }).toPass();

  await page.getByRole('button', { name: 'and', exact: true }).click();
  await page.getByRole('option', { name: 'or', exact: true }).click();
  await expect(page).toHaveURL(/%22operation%22%3A%22or%22/);
  await expect(async () => {
    const rows = await tableRows(page);
    expect(rows.some((row) => row['Event source'] !== 's3.amazonaws.com')).toBe(true);
    for (const row of rows) {
      expect(/Denied/.test(row['Error code']!) || row['Event source'] === 's3.amazonaws.com').toBe(true);
    }
  }).toPass();
});

test('a shared URL shows the same view after a reload, in a new tab, and after Back', async ({
  page,
  context,
}) => {
  const day = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const refine = {
    operation: 'and',
    tokens: [{ propertyKey: 'awsRegion', operator: '=', value: 'us-east-1' }],
  };
  const url = `./#/events?attr=EventSource&value=ec2.amazonaws.com&range=${day}T00:00:00Z/${day}T23:59:59Z&page=2&refine=${encodeURIComponent(JSON.stringify(refine))}`;
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Page 2 of all pages' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const hrefs = await eventHrefs(page);
  expect(hrefs.length).toBeGreaterThan(0);

  await page.reload();
  await expect(async () => expect(await eventHrefs(page)).toEqual(hrefs)).toPass();
  const other = await context.newPage();
  await other.goto(url);
  await expect(async () => expect(await eventHrefs(other)).toEqual(hrefs)).toPass();
  await other.close();

  await eventsTable(page).getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/events\/[\w-]+$/);
  await page.goBack();
  await expect(page.getByText('Event source = ec2.amazonaws.com', { exact: true })).toBeVisible();
  await expect(async () => expect(await eventHrefs(page)).toEqual(hrefs)).toPass();
});

test('works with the keyboard alone: filter, table and scroll view', async ({ page }) => {
  await page.goto('./#/events');
  await expect(eventsTable(page).getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: /^Lookup attributes/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Lookup attributes/ })).toContainText('Event name');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ConsoleLogin');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Event name = ConsoleLogin', { exact: true })).toBeVisible();
  await expect(eventsTable(page).getByRole('link').first()).toHaveText('ConsoleLogin');

  // Tab on to the first event in the table and open it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    if (href.startsWith('#/events/')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'ConsoleLogin' })).toBeVisible();
  await page.goBack();

  // The scroll view: reach the grid's active row, move down two rows, open that event.
  await page.getByRole('button', { name: 'Scroll all' }).focus();
  await page.keyboard.press('Space');
  const grid = page.getByRole('grid', { name: /^Events, [\d,]+ loaded/ });
  await expect(grid).toBeVisible();
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // The Event name link (user names, keys and IPs link to their own pages).
  const third = await grid.getByRole('row').nth(3).locator('a[href^="#/events/"]').getAttribute('href');
  await expect(grid.getByRole('row').nth(3)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${third}$`));
});

test('explains throttling while it retries, with throttling simulated', async ({ page, pageErrors }) => {
  await page.evaluate(() => localStorage.setItem('trailview.simulate-throttling', 'on'));
  const refine = {
    operation: 'and',
    tokens: [{ propertyKey: 'errorCode', operator: '=', value: 'NoSuchError' }],
  };
  await page.goto(`./#/events?attr=none&refine=${encodeURIComponent(JSON.stringify(refine))}`);
  // The console reads the setting when it starts (the Settings page switches it at run time).
  await page.reload();
  await expect(
    page.getByText(/CloudTrail allows 2 LookupEvents requests per second; retrying…/),
  ).toBeVisible();
  await expect(page.getByText(/^[\d,]+ scanned, 0 matched/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Scan more events' })).toBeVisible();
  // Chromium logs each throttled call ("status of 400"): those are the point of this test, nothing else is.
  const throttled = /Failed to load resource: the server responded with a status of 400/;
  expect(pageErrors.filter((error) => throttled.test(error)).length).toBeGreaterThan(0);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((error) => !throttled.test(error)));
});

test('scrolls through every loaded event, loading more at the end', async ({ page }) => {
  await page.goto('./#/events?attr=none&view=scroll');
  const grid = page.getByRole('grid', { name: /^Events, [\d,]+ loaded/ });
  await expect(grid).toBeVisible();
  const loaded = () => loadedCount(grid);
  await expect.poll(loaded).toBeGreaterThanOrEqual(500);
  const before = await loaded();
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect.poll(loaded).toBeGreaterThan(before);
  // Only the rows in view are in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(100);
});

test('the histogram narrows the time range to a dragged span', async ({ page }) => {
  await page.goto('./#/events?attr=none');
  await page.getByRole('button', { name: 'Events over time' }).click();
  const chart = page.getByRole('figure', { name: 'Events over time' });
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await dragAcross(page, chart.locator('.recharts-surface'), 0.3, 0.6);
  await expect(page).toHaveURL(/range=\d{4}-\d{2}-\d{2}T[\d%A]+Z%2F/);
  const [start, end] = decodeURIComponent(page.url().match(/range=([^&]+)/)![1]!)
    .split('/')
    .map(Date.parse);
  await expect(async () => {
    for (const time of await rowTimes(page)) {
      expect(time).toBeGreaterThanOrEqual(start!);
      expect(time).toBeLessThanOrEqual(end!);
    }
  }).toPass();
});

test('opening Events over time keeps the focus on its toggle and the table tools above the columns', async ({
  page,
}) => {
  await page.goto('./#/events');
  await expect(eventsTable(page).getByRole('link').first()).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Events over time' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('figure', { name: 'Events over time' })).toBeVisible();
  // Opening the chart mounts a new table (the sticky header turns off): the toggle keeps the focus.
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // The pagination and the preferences are not under the column headers.
  const tools = (await page.getByRole('button', { name: 'Preferences' }).boundingBox())!;
  const headers = (await eventsTable(page).getByRole('columnheader').first().boundingBox())!;
  expect(tools.y + tools.height).toBeLessThanOrEqual(headers.y);
  await page.getByRole('button', { name: 'Preferences' }).click();
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible();
  await page.keyboard.press('Escape');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});
