// The in-memory store as a record source for the investigation routes (demo mode and tests).
import type { MemoryEventStore } from '../store/memory-event-store';
import type { RecordSource } from './investigation-routes';

export const memoryRecordSource = (store: MemoryEventStore, ready?: Promise<unknown>): RecordSource => ({
  ready,
  count: () => store.count(),
  records: () => store.records(),
  tail: (cursor) => store.appendedSince(cursor),
});
