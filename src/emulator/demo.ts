// The demo account in an emulator: the newest days are generated at once so the first page of Event
// history is quick; older days are filled in afterwards, newest to oldest, without blocking the page
// (demo-fill.ts). Reads that need days not in yet wait for them (store/filling-store.ts, and Insights
// and Lake below), so no answer is made from part of the account. When every day is in, the Insights
// engine analyses the trails that have Insights on. The trails' last deliveries are made before the
// first request is answered (demo-delivery.ts).
import { makeLastDeliveries } from './demo-delivery';
import { startDayFill } from './demo-fill';
import { createEmulator, type EmulatorHandler } from './handler';
import { MemoryObjectStore } from './objects/object-store';
import { DEFAULT_DELIVERY_INTERVAL_SECONDS, startDeliveryTimer } from './services/cloudtrail/delivery-timer';
import { createInsightsEngine, type InsightsEngine } from './insights/engine';
import { createDemoAccount, type DemoAccountOptions } from './seed/demo-account';
import { createAccountState, type AccountState } from './state';
import { fillingStore } from './store/filling-store';
import { MemoryEventStore } from './store/memory-event-store';
import { memoryLakeEngine } from './services/cloudtrail/lake-memory-engine';
import { MemoryImportPersistence } from './services/cloudtrail/lake-imports';
import { MemoryChannelPersistence } from './services/cloudtrail/lake-channels';

export interface DemoEmulator {
  /** Answers once the trails' last deliveries are made. */
  handle: EmulatorHandler;
  /** Resolves when the trails' last deliveries before now are in their buckets, topics and log groups. */
  delivered: Promise<void>;
  /** Every record, as it is filled in (the investigation routes read it with `ready`). */
  store: MemoryEventStore;
  state: AccountState;
  insights: InsightsEngine;
  /**
   * Resolves when every day of the demo account is in the store, Insights have been analysed and the
   * last deliveries are made. Awaiting it does not hurry the fill; `hurry()` does.
   */
  ready: Promise<void>;
  /** Fills the remaining days now rather than when the page is idle (a reader waits for all of them). */
  hurry(): void;
  /** The emulator's time (fixed when `now` was given), in epoch milliseconds. */
  clock: () => number;
}

const DAYS_UP_FRONT = 2;

export function createDemoEmulator(
  options: DemoAccountOptions & {
    background?: boolean;
    /** Starts the delivery timer at this cadence; the last deliveries were made at it too (default 300 s). */
    deliveryIntervalSeconds?: number;
  } = {},
): DemoEmulator {
  const account = createDemoAccount(options);
  const now = options.now?.getTime();
  const clock = now === undefined ? Date.now : () => now;
  const store = new MemoryEventStore();
  const intervalMs = (options.deliveryIntervalSeconds ?? DEFAULT_DELIVERY_INTERVAL_SECONDS) * 1000;
  // The engine waits for the fill before it analyses or answers ListInsightsMetricData.
  const insights = createInsightsEngine({ store, complete: () => complete() });
  const fill = startDayFill({
    days: account.days,
    upFront: options.background === false ? account.days : DAYS_UP_FRONT,
    dayStart: account.dayStart,
    addDay: (day) => {
      const records = account.generateDay(day);
      store.appendSync(records);
      insights.observe(records);
    },
  });
  const complete = () => fill.through(-Infinity);
  const state = createAccountState(account.accountId, account.trails, account.resources);
  const analysed = fill.filled.then(async () => {
    await insights.analyse(state.trails.values(), clock());
  });
  const whenAnalysed = () => complete().then(() => analysed);
  const objects = new MemoryObjectStore();
  // They read the store directly, over the days that are in from the start.
  const delivered = makeLastDeliveries({
    store,
    state,
    objects,
    intervalMs,
    now: clock(),
    since: account.dayStart(Math.min(DAYS_UP_FRONT, account.days) - 1),
  });
  if (options.deliveryIntervalSeconds !== undefined) {
    const intervalSeconds = options.deliveryIntervalSeconds;
    void delivered.then(() => startDeliveryTimer({ store, state, objects, clock, intervalSeconds }));
  }
  // Copied trail events (StartImport) are members of their stores for the tab's life.
  const imports = new MemoryImportPersistence();
  // Channels and the events PutAuditEvents ingested, for the tab's life too.
  const channels = new MemoryChannelPersistence();
  const handle = createEmulator({
    store: fillingStore(store, fill, whenAnalysed),
    state,
    insights,
    objects,
    defaultRegion: account.homeRegion,
    clock,
    // Lake queries run over the same records in JavaScript (lake-memory-engine.ts), in every Region.
    lake: {
      engine: memoryLakeEngine(() => store.records(), {
        members: (id) => imports.membersOf(id),
        integrationEvents: (id) => channels.eventsOf(id),
        loaded: whenAnalysed,
      }),
      builtInStoreRegion: account.homeRegion,
      clock,
      imports: { persistence: imports },
      channels,
    },
  });
  return {
    handle: async (request, meta) => {
      await delivered;
      return handle(request, meta);
    },
    delivered,
    store,
    state,
    insights,
    ready: Promise.all([analysed, delivered]).then(() => undefined),
    hurry: () => void complete(),
    clock,
  };
}
