// The demo account in a new data dir: the same generator the browser demo uses (emulator/seed), written
// to the DuckDB store once, newest day first, so `npm start` opens on a realistic account.
import { createDemoAccount } from '@/emulator/seed/demo-account';
import { createAccountState, type AccountState } from '@/emulator/state';
import type { DuckDbEventStore } from './store/duckdb-event-store';

export interface SeededAccount {
  state: AccountState;
  homeRegion: string;
}

export async function seedDemoAccount(
  store: DuckDbEventStore,
  log: (line: string) => void,
): Promise<SeededAccount> {
  const account = createDemoAccount();
  log(`Seeding the demo account (${account.days} days of events)…`);
  await store.bulk('seed', async (writer) => {
    for (let day = 0; day < account.days; day++) await writer.append(account.generateDay(day));
  });
  log(`Seeded ${(await store.count()).toLocaleString('en-US')} events.`);
  return {
    state: createAccountState(account.accountId, account.trails, account.resources),
    homeRegion: account.homeRegion,
  };
}
