// The demo account in an emulator: the newest days are generated at once so the first page of Event
// history is quick; older days are filled in afterwards, newest to oldest, without blocking the page.
// When every day is in, the Insights engine analyses the trails that have Insights on.
import { createEmulator, type EmulatorHandler } from './handler';
import { MemoryObjectStore } from './objects/object-store';
import { startDeliveryTimer, type DeliveryTimer } from './services/cloudtrail/delivery-timer';
import { createInsightsEngine, type InsightsEngine } from './insights/engine';
import { createDemoAccount, type DemoAccountOptions } from './seed/demo-account';
import { createAccountState, type AccountState } from './state';
import { MemoryEventStore } from './store/memory-event-store';
import { memoryLakeEngine } from './services/cloudtrail/lake-memory-engine';
import { MemoryImportPersistence } from './services/cloudtrail/lake-imports';
import { MemoryChannelPersistence } from './services/cloudtrail/lake-channels';

export interface DemoEmulator {
  handle: EmulatorHandler;
  /** Log file delivery of the account's logging trails, when a delivery interval was given. */
  delivery?: DeliveryTimer;
  store: MemoryEventStore;
  state: AccountState;
  insights: InsightsEngine;
  /** Resolves when every day of the demo account is in the store and Insights have been analysed. */
  ready: Promise<void>;
  /** The emulator's time (fixed when `now` was given), in epoch milliseconds. */
  clock: () => number;
}

const DAYS_UP_FRONT = 2;

// Older days fill in when the page is idle: a day takes tens of milliseconds, and while the page loads,
// each one delayed the chunks and LookupEvents calls the service worker routes through this thread
// (`npm run bench`, ui.first_rows_ms). Node has no requestIdleCallback: a macrotask there.
const whenIdle: (step: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (step) => requestIdleCallback(step, { timeout: 1_000 })
    : (step) => setTimeout(step, 0);

export function createDemoEmulator(
  options: DemoAccountOptions & { background?: boolean; deliveryIntervalSeconds?: number } = {},
): DemoEmulator {
  const account = createDemoAccount(options);
  const now = options.now?.getTime();
  const clock = now === undefined ? Date.now : () => now;
  const store = new MemoryEventStore();
  const insights = createInsightsEngine({ store });
  const state = createAccountState(account.accountId, account.trails, account.resources);
  const addDay = (day: number) => {
    const records = account.generateDay(day);
    store.appendSync(records);
    insights.observe(records);
  };
  const upFront = options.background === false ? account.days : Math.min(DAYS_UP_FRONT, account.days);
  for (let day = 0; day < upFront; day++) addDay(day);
  const filled = new Promise<void>((resolve) => {
    let day = upFront;
    const step = () => {
      if (day >= account.days) return resolve();
      addDay(day++);
      whenIdle(step);
    };
    step();
  });
  const ready = filled.then(async () => {
    await insights.analyse(state.trails.values(), clock());
  });
  const objects = new MemoryObjectStore();
  // Copied trail events (StartImport) are members of their stores for the tab's life.
  const imports = new MemoryImportPersistence();
  // Channels and the events PutAuditEvents ingested, for the tab's life too.
  const channels = new MemoryChannelPersistence();
  const handle = createEmulator({
    store,
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
      }),
      builtInStoreRegion: account.homeRegion,
      clock,
      imports: { persistence: imports },
      channels,
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
  return { handle, delivery, store, state, insights, ready, clock };
}
