// The demo account in an emulator: the newest days are generated at once so the first page of Event
// history is quick; older days are filled in afterwards, newest to oldest, without blocking the page
// (demo-fill.ts). Reads that need days not in yet wait for them (store/filling-store.ts, and Insights
// and Lake below), so no answer is made from part of the account. When every day is in, the Insights
// engine analyses the trails that have Insights on.
import { startDayFill } from './demo-fill';
import { createEmulator, type EmulatorHandler } from './handler';
import { MemoryObjectStore } from './objects/object-store';
import { startDeliveryTimer, type DeliveryTimer } from './services/cloudtrail/delivery-timer';
import { createInsightsEngine, type InsightsEngine } from './insights/engine';
import { createDemoAccount, type DemoAccountOptions } from './seed/demo-account';
import { createAccountState, type AccountState } from './state';
import { fillingStore } from './store/filling-store';
import { MemoryEventStore } from './store/memory-event-store';
import { memoryLakeEngine } from './services/cloudtrail/lake-memory-engine';
import { MemoryImportPersistence } from './services/cloudtrail/lake-imports';

export interface DemoEmulator {
  handle: EmulatorHandler;
  /** Log file delivery of the account's logging trails, when a delivery interval was given. */
  delivery?: DeliveryTimer;
  /** Every record, as it is filled in (the investigation routes read it with `ready`). */
  store: MemoryEventStore;
  state: AccountState;
  insights: InsightsEngine;
  /**
   * Resolves when every day of the demo account is in the store and Insights have been analysed.
   * Awaiting it does not hurry the fill; `hurry()` does.
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
    /** Starts the delivery timer at this cadence. */
    deliveryIntervalSeconds?: number;
  } = {},
): DemoEmulator {
  const account = createDemoAccount(options);
  const now = options.now?.getTime();
  const clock = now === undefined ? Date.now : () => now;
  const store = new MemoryEventStore();
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
  // Copied trail events (StartImport) are members of their stores for the tab's life.
  const imports = new MemoryImportPersistence();
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
        loaded: whenAnalysed,
      }),
      builtInStoreRegion: account.homeRegion,
      clock,
      imports: { persistence: imports },
    },
  });
  const delivery =
    options.deliveryIntervalSeconds === undefined
      ? undefined
      : startDeliveryTimer({
          store,
          state,
          objects,
          clock,
          intervalSeconds: options.deliveryIntervalSeconds,
        });
  return {
    handle,
    delivery,
    store,
    state,
    insights,
    ready: analysed,
    hurry: () => void complete(),
    clock,
  };
}
