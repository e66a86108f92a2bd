// Demo builds only (loaded by a dynamic import from main.tsx): the MSW service worker answers /aws
// with the in-browser emulator over the generated demo account.
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createDemoEmulator } from '@/emulator/demo';
import { AWS_ROUTE } from './aws-route';

export async function startDemoWorker(): Promise<void> {
  const emulator = createDemoEmulator();
  const worker = setupWorker(http.all(AWS_ROUTE, ({ request }) => emulator.handle(request)));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
