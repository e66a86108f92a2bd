// An in-process emulator over an empty in-memory account, for tests outside src/emulator (the domain's
// table-driven rule tests run their cases through it without importing the emulator layer).
import { createEmulator, type EmulatorOptions } from '@/emulator/handler';
import { createAccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { TEST_ACCOUNT } from './records';

export function createTestEmulator(options: Partial<EmulatorOptions> = {}) {
  const store = new MemoryEventStore();
  const state = createAccountState(TEST_ACCOUNT);
  return { store, state, handle: createEmulator({ store, state, ...options }) };
}
