// `npm run bench`'s browser figures, on the demo build in headless Chromium (scripts/bench.mjs runs
// this file with e2e/bench/playwright.config.ts and reads the JSON it writes to $BENCH_UI_OUT):
//   first_rows_ms       navigation to the first rows of #/events, a first visit (new browser context)
//   refine_100k_ms      a Refine property filter applied over ≥ 100,000 loaded events: from the Enter
//                       key to the matched count on screen
//   scroll_frame_p95_ms frame times while the "Scroll all" view scrolls through those events
// Timestamps are taken in the page (performance.now(), requestAnimationFrame), not across the CDP link.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const OUT = process.env.BENCH_UI_OUT;
const LOADED = Number(process.env.BENCH_UI_EVENTS ?? 100_000);
const FIRST_ROWS_RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const count = (text: string) => Number(text.replace(/,/g, ''));

/** In the page: when the first event link of the results shows, and when the initial files arrived. */
function watchFirstRows() {
  const marks = window as unknown as { __firstRows?: number };
  const observer = new MutationObserver(() => {
    if (document.querySelector('a[href^="#/events/"]')) {
      marks.__firstRows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function firstRows(page: Page) {
  await page.addInitScript(watchFirstRows);
  await page.goto('./#/events');
  await page.waitForFunction(() => (window as unknown as { __firstRows?: number }).__firstRows);
  return page.evaluate(() => {
    const firstRowsMs = (window as unknown as { __firstRows: number }).__firstRows;
    // The floor: the scripts and styles the page fetched before its first rows, over localhost.
    const files = performance
      .getEntriesByType('resource')
      .filter((e) => /\.(js|css)$/.test(new URL(e.name).pathname) && e.startTime < firstRowsMs)
      .map((e) => (e as PerformanceResourceTiming).responseEnd);
    return { firstRowsMs, filesLoadedMs: Math.max(0, ...files) };
  });
}

/** Scans with a Refine token that matches nothing, pressing "Scan more events" until `target` are loaded. */
async function loadEvents(page: Page, target: number): Promise<number> {
  const refine = {
    operation: 'and',
    tokens: [{ propertyKey: 'eventName', operator: '=', value: 'NoSuchEvent' }],
  };
  await page.goto(`./#/events?attr=none&refine=${encodeURIComponent(JSON.stringify(refine))}`);
  const status = page.getByText(/^[\d,]+ scanned, 0 matched/);
  const scanned = async () => count(((await status.textContent()) ?? '0').split(' ')[0]!);
  const more = page.getByRole('button', { name: 'Scan more events' });
  const end = page.getByText('(all events scanned)');
  await expect.poll(scanned).toBeGreaterThan(0);
  for (;;) {
    await expect(more.or(end)).toBeVisible({ timeout: 300_000 });
    const now = await scanned();
    if (now >= target || (await end.isVisible())) return now;
    await more.click();
    await expect.poll(scanned).toBeGreaterThan(now);
  }
}

/** In the page: Enter in the Refine field to the status line showing the new matched count. */
async function timeRefine(page: Page, text: string) {
  const input = page.getByRole('combobox', { name: 'Refine events' });
  await input.fill(text);
  const done = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let started = 0;
        const field = document.querySelector<HTMLInputElement>('input[aria-label="Refine events"]')!;
        field.addEventListener('keydown', (e) => e.key === 'Enter' && (started = performance.now()), {
          capture: true,
          once: true,
        });
        const observer = new MutationObserver(() => {
          if (started && /[\d,]+ scanned, [\d,]+ matched/.test(document.body.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
  );
  await input.press('Enter');
  return done;
}

/** In the page: requestAnimationFrame intervals, idle or while the grid scrolls `pxPerFrame` each frame. */
async function frameTimes(page: Page, pxPerFrame: number, frames: number) {
  return page.getByRole('grid').evaluate(
    (grid, { pxPerFrame, frames }) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const step = (time: number) => {
          times.push(time);
          if (pxPerFrame) grid.scrollTop += pxPerFrame;
          if (times.length <= frames) requestAnimationFrame(step);
          else resolve(times.slice(1).map((t, i) => t - times[i]!));
        };
        requestAnimationFrame(step);
      }),
    { pxPerFrame, frames },
  );
}

test('the browser figures', async ({ browser }) => {
  const figures: Record<string, unknown> = {};

  await test.step('first rows of #/events, first visits', async () => {
    const runs = [];
    for (let i = 0; i < FIRST_ROWS_RUNS; i++) {
      const context = await browser.newContext();
      runs.push(await firstRows(await context.newPage()));
      await context.close();
    }
    figures.first_rows_ms = median(runs.map((r) => r.firstRowsMs));
    figures.first_rows_files_loaded_ms = median(runs.map((r) => r.filesLoadedMs));
    figures.first_rows_runs_ms = runs.map((r) => Math.round(r.firstRowsMs));
  });

  const context = await browser.newContext();
  const page = await context.newPage();
  await test.step(`load ${LOADED.toLocaleString('en-US')} events with Refine's scan`, async () => {
    const started = Date.now();
    figures.refine_loaded_events = await loadEvents(page, LOADED);
    figures.refine_load_s = (Date.now() - started) / 1000;
  });

  await test.step('apply Refine property filters over the loaded events', async () => {
    const samples: Record<string, number> = {};
    for (const filter of ['Event source = s3.amazonaws.com', 'Error code : Denied', 'User name != root']) {
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByText(/scanned, [\d,]+ matched/)).toBeHidden();
      samples[filter] = await timeRefine(page, filter);
    }
    figures.refine_samples_ms = samples;
    figures.refine_100k_ms = median(Object.values(samples));
  });

  await test.step('scroll the virtualized view', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Scroll all' }).click();
    await expect(page.getByRole('grid', { name: /^Events, [\d,]+ loaded/ })).toBeVisible();
    await page.waitForTimeout(500);
    const idle = await frameTimes(page, 0, 60);
    // 200 px a frame: about 5 rows, a fast flick sustained for 3 seconds at 60 Hz.
    const scrolling = await frameTimes(page, 200, 180);
    figures.scroll_frame_p95_ms = percentile(scrolling, 0.95);
    figures.scroll_frame_max_ms = Math.max(...scrolling);
    figures.idle_frame_p95_ms = percentile(idle, 0.95);
  });
  await context.close();

  console.log(JSON.stringify(figures));
  if (OUT) writeFileSync(OUT, JSON.stringify(figures, null, 2));
});
