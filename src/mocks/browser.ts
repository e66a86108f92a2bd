// Demo builds only (loaded by a dynamic import from main.tsx): the MSW service worker answers /aws
// with the in-browser emulator over the generated demo account, Trailview's session, identity and
// detection routes over the same store (src/emulator/investigations), and what its SNS topics received.
import { http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { createDemoEmulator } from '@/emulator/demo';
import { DEFAULT_DELIVERY_INTERVAL_SECONDS } from '@/emulator/services/cloudtrail/delivery-timer';
import {
  createInvestigationRoutes,
  INVESTIGATION_ROUTE,
} from '@/emulator/investigations/investigation-routes';
import { memoryRecordSource } from '@/emulator/investigations/memory-record-source';
import { SNS_NOTIFICATIONS_ROUTE, snsNotificationsRoute } from '@/emulator/services/sns/notifications-route';
import { AWS_ROUTE } from './aws-route';

/**
 * `?delivery-interval=N` (seconds) before the hash sets how often the demo's logging trails deliver log
 * files, like the server's --delivery-interval; default CloudTrail's 300.
 */
function deliveryInterval(): number {
  const value = Number(new URLSearchParams(location.search).get('delivery-interval'));
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_DELIVERY_INTERVAL_SECONDS;
}

export async function startDemoWorker(): Promise<void> {
  const emulator = createDemoEmulator({ deliveryIntervalSeconds: deliveryInterval() });
  const investigations = createInvestigationRoutes(memoryRecordSource(emulator.store, emulator.ready), {
    detections: true,
  });
  const worker = setupWorker(
    http.all(AWS_ROUTE, ({ request }) => emulator.handle(request)),
    http.all(SNS_NOTIFICATIONS_ROUTE, async ({ request }) => {
      await emulator.delivered;
      return snsNotificationsRoute(() => emulator.state, request) ?? passthrough();
    }),
    http.all(INVESTIGATION_ROUTE, async ({ request }) => {
      // Sessions, identities and detections read every day, and say how far they got until then.
      emulator.hurry();
      return (await investigations.handle(request)) ?? passthrough();
    }),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
