import { defineConfig, devices } from '@playwright/test';

const DEMO_PORT = 4173;

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
    {
      name: 'demo',
      testIgnore: /local-server\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // Playwright already passes --no-sandbox, --headless and --disable-background-networking.
          args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
        },
      },
    },
  ],
  webServer: {
    // `npm run build:demo` runs first (npm test does it); this serves dist-demo/.
    command: `npx vite preview --outDir dist-demo --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
    url: `http://127.0.0.1:${DEMO_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
