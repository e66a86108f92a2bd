// @vitest-environment node
// The LookupEvents contract against the in-memory EventStore (the server runs it against DuckDB).
import { createEmulator } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';
import { TEST_ACCOUNT } from '@/test/records';
import { runLookupEventsContract } from './lookup-events.contract';

runLookupEventsContract('in-memory store', async ({ records, now }) => {
  const store = new MemoryEventStore();
  await store.append(records);
  return createEmulator({ store, state: createAccountState(TEST_ACCOUNT), clock: () => now, audit: false });
});
