import { defineConfig, devices } from '@playwright/test';

// Overridable so that two checkouts on one machine can run their journeys side by side.
const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 4173);
// `npm start` itself, on a fresh data dir (scripts/e2e-local-server.mjs), for the journeys that need the
// local backend: e2e/local-server.spec.ts and e2e/lake.spec.ts.
const LOCAL_PORT = Number(process.env.E2E_LOCAL_PORT ?? 4010);
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright already passes --no-sandbox, --headless and --disable-background-networking.
    args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
  },
};

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}/`,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // e2e/bench/ is `npm run bench`'s (its own config), not a journey.
    // e2e/lake.spec.ts runs in both: the local server's DuckDB and the demo emulator's engine.
    { name: 'demo', testIgnore: [/local-server\.spec\.ts/, /[\\/]bench[\\/]/], use: browser },
    {
      name: 'local',
      testMatch: /(local-server|lake)\.spec\.ts/,
      use: { ...browser, baseURL: `http://127.0.0.1:${LOCAL_PORT}/` },
    },
  ],
  webServer: [
    {
      // `npm run build:demo` runs first (npm test does it); this serves dist-demo/.
      command: `npx vite preview --outDir dist-demo --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEMO_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // The seed and, when dist-server/ is missing or stale, the server build happen on first start.
      command: `node scripts/e2e-local-server.mjs --port ${LOCAL_PORT}`,
      url: `http://127.0.0.1:${LOCAL_PORT}/trailview.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      // SIGTERM lets the server close its database and the wrapper remove the data dir.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      stdout: 'pipe',
    },
  ],
});
