// Runs delivery on a cadence: `--delivery-interval SECONDS` in the local server (default 300, CloudTrail's
// "about every 5 minutes"), `?delivery-interval=N` in the demo. One delivery at a time: a tick that comes
// while the last one still writes is skipped. Stopping runs a last delivery, so what was recorded before
// the server closed is in the bucket.
import type { EventStore } from '../../store/event-store';
import type { ObjectStore } from '../../objects/object-store';
import type { AccountState } from '../../state';
import { Delivery, type DeliveryResult } from './delivery';

/** CloudTrail "typically delivers logs within an average of about 5 minutes" (how-cloudtrail-works.html). */
export const DEFAULT_DELIVERY_INTERVAL_SECONDS = 300;

export interface DeliveryTimerOptions {
  store: EventStore;
  state: AccountState;
  objects: ObjectStore;
  intervalSeconds: number;
  clock?: () => number;
  /** After a delivery that changed the account state (a host that keeps it in memory): save it. */
  onStateChange?: () => void;
  /** Commits the account state, awaited before and after a delivery writes (delivery.ts). */
  persist?: () => Promise<void>;
}

export interface DeliveryTimer {
  /** Delivers now (tests, and the last delivery at stop). */
  deliverNow(settleMs?: number): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

export function startDeliveryTimer(options: DeliveryTimerOptions): DeliveryTimer {
  const clock = options.clock ?? Date.now;
  const intervalMs = options.intervalSeconds * 1000;
  const delivery = new Delivery({ ...options, intervalMs, startedAt: clock() });
  let running: Promise<DeliveryResult> | undefined;
  const deliverNow = async (settleMs?: number): Promise<DeliveryResult> => {
    while (running) await running.catch(() => undefined);
    running = delivery.deliver(clock(), settleMs);
    try {
      const result = await running;
      if (result.changed) options.onStateChange?.();
      return result;
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    deliverNow().catch((error: unknown) => console.error('delivery failed', error));
  }, intervalMs);
  return {
    deliverNow,
    async stop() {
      clearInterval(timer);
      await deliverNow(0).catch((error: unknown) => console.error('delivery failed', error));
    },
  };
}
