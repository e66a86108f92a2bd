// The Insights engine sees each event once, even when an import (a Lake StartImport of log files this
// server delivered) appends events the store already holds.
import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '@/domain/record';
import { makeRecord } from '@/test/records';
import { MemoryEventStore } from '../store/memory-event-store';
import type { InsightsEngine } from './engine';
import { observedStore } from './observed-store';

describe('observedStore', () => {
  it('shows the engine only the events an append inserts', async () => {
    const seen: string[] = [];
    const engine = {
      observe: (records: readonly AnyRecord[]) => seen.push(...records.map((r) => r.eventID)),
    };
    const store = observedStore(new MemoryEventStore(), engine as unknown as InsightsEngine);
    const a = makeRecord();
    const b = makeRecord();
    await store.append([a]);
    const result = await store.append([a, b, b]);
    expect(result).toEqual({ inserted: 1, duplicates: 2 });
    expect(seen).toEqual([a.eventID, b.eventID]);
  });
});
