// The demo account in an emulator: the newest days are generated at once so the first page of Event
// history is quick; older days are filled in afterwards, newest to oldest, without blocking the page.
import { createEmulator, type EmulatorHandler } from './handler';
import { createDemoAccount, type DemoAccountOptions } from './seed/demo-account';
import { createAccountState, type AccountState } from './state';
import { MemoryEventStore } from './store/memory-event-store';

export interface DemoEmulator {
  handle: EmulatorHandler;
  store: MemoryEventStore;
  state: AccountState;
  /** Resolves when every day of the demo account is in the store. */
  ready: Promise<void>;
}

const DAYS_UP_FRONT = 2;

export function createDemoEmulator(options: DemoAccountOptions & { background?: boolean } = {}): DemoEmulator {
  const account = createDemoAccount(options);
  const store = new MemoryEventStore();
  const state = createAccountState(account.accountId, account.trails);
  const upFront = options.background === false ? account.days : Math.min(DAYS_UP_FRONT, account.days);
  for (let day = 0; day < upFront; day++) store.appendSync(account.generateDay(day));
  const ready = new Promise<void>((resolve) => {
    let day = upFront;
    const step = () => {
      if (day >= account.days) return resolve();
      store.appendSync(account.generateDay(day++));
      setTimeout(step, 0);
    };
    step();
  });
  const handle = createEmulator({ store, state, defaultRegion: account.homeRegion });
  return { handle, store, state, ready };
}
