// The console shell against the demo build: Event history rows, every side-navigation entry, the
// not-found page, the Region selector and dark mode. The fixture fails on any page or console error.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const sideNavigation = (page: Page) => page.getByRole('navigation', { name: 'Side navigation' });

test.beforeEach(async ({ page }) => {
  // Each test starts from the console's defaults (settings live in localStorage).
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('Event history lists events and opens one', async ({ page }) => {
  await page.goto('./#/events');
  await expect(page.getByRole('heading', { level: 1, name: /Event history/ })).toBeVisible();
  await expect(page.getByText('Read-only = false')).toBeVisible();

  // The Event name links (User name cells are pivot links to the identity page).
  const eventLinks = page.locator('tbody a[href^="#/events/"]');
  await expect(eventLinks.first()).toBeVisible();
  await expect(eventLinks.first()).toHaveAttribute('href', /^#\/events\/[\w-]+$/);
  expect(await eventLinks.count()).toBeLessThanOrEqual(50);

  const name = (await eventLinks.first().textContent()) ?? '';
  await eventLinks.first().click();
  await expect(page).toHaveURL(/#\/events\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Event record' })).toBeVisible();
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
});

test('every side-navigation entry opens its page', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const entries: Array<[link: string, hash: string, heading: RegExp]> = [
    ['Event history', '#/events', /^Event history/],
    ['Insights', '#/insights', /^Insights/],
    ['Trails', '#/trails', /^Trails/],
    ['Integrations', '#/lake/integrations', /^Integrations/],
    ['Settings', '#/settings', /^Settings/],
    ['Dashboard', '#/dashboard', /^Dashboard/],
  ];
  for (const [link, hash, heading] of entries) {
    await sideNavigation(page).getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(sideNavigation(page).getByRole('link', { name: link, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
  // The Dashboard's three containers.
  for (const name of ['Event history', 'Trails', 'Insights']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) })).toBeVisible();
  }
});

test('an unknown route shows the not-found page', async ({ page }) => {
  await page.goto('./#/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page
    .getByRole('group')
    .filter({ hasText: "This page doesn't exist" })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('the Region selector switches the Region and remembers it', async ({ page }) => {
  await page.goto('./#/events');
  await expect(page.getByText(/in US East \(N\. Virginia\)/)).toBeVisible();

  await page.getByRole('button', { name: 'Region: US East (N. Virginia) us-east-1' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Europe \(Ireland\)/ }).click();

  await expect(page.getByRole('button', { name: 'Region: Europe (Ireland) eu-west-1' })).toBeVisible();
  await expect(page.getByText(/in Europe \(Ireland\)/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Region: Europe (Ireland) eu-west-1' })).toBeVisible();
});

test('settings switch to dark mode and local time', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('body')).not.toHaveClass(/awsui-dark-mode/);

  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Local time zone' }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByText('Your settings have been saved.')).toBeVisible();
  await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);

  await page.reload();
  await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  await sideNavigation(page).getByRole('link', { name: 'Event history', exact: true }).click();
  await expect(
    page
      .getByRole('row')
      .getByText(/\(UTC[+-]\d{2}:\d{2}\)$/)
      .first(),
  ).toBeVisible();
});

test('the first Tab reaches "Skip to main content", which moves focus to the page heading', async ({
  page,
}) => {
  await page.goto('./#/trails');
  await expect(page.getByRole('heading', { level: 1, name: /^Trails/ })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Trails/ })).toBeFocused();
  await expect(page).toHaveURL(/#\/trails$/);
});
