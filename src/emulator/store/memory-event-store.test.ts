// @vitest-environment node
import { runEventStoreContract } from './event-store.contract';
import { MemoryEventStore } from './memory-event-store';

runEventStoreContract('memory', async () => new MemoryEventStore());
