// Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser
// Playwright downloaded itself. Returns undefined when there is none.
import { existsSync } from 'node:fs';

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright not installed or no browser of its own: fall through.
  }
  return undefined;
}

export const INSTALL_HINT =
  'No Chromium found: install one with `sudo apt-get install --no-install-recommends chromium` (or set CHROMIUM_PATH, or run `npx playwright install chromium`).';
