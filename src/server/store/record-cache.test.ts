import { describe, expect, it } from 'vitest';
import type { IndexedEvent } from '@/domain/lookup-event';
import { RecordCache } from './record-cache';

/** An event whose JSON text is `bytes` long (the cache weighs events by their text). */
const event = (id: number, bytes = 25) =>
  ({ eventId: `e${id}`, json: 'x'.repeat(bytes) }) as unknown as IndexedEvent & { json: string };

describe('RecordCache', () => {
  it('keeps within its budget, first in first out when nothing is read again', () => {
    const cache = new RecordCache(400); // four events of 25 bytes (×4 per byte)
    for (let seq = 0; seq < 6; seq++) cache.set(seq, event(seq));
    expect(cache.size).toBe(4);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(5)?.eventId).toBe('e5');
  });

  it('gives a row read since it came a second chance', () => {
    const cache = new RecordCache(400);
    for (let seq = 0; seq < 4; seq++) cache.set(seq, event(seq));
    cache.get(0);
    cache.set(4, event(4));
    expect(cache.get(0)?.eventId).toBe('e0');
    expect(cache.get(1)).toBeUndefined();
  });

  it('replaces a row in place and drops an event larger than the whole budget', () => {
    const cache = new RecordCache(400);
    cache.set(1, event(1));
    cache.set(1, event(11));
    expect(cache.size).toBe(1);
    expect(cache.get(1)?.eventId).toBe('e11');
    cache.set(2, event(2, 1000));
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)?.eventId).toBe('e11');
  });

  it('stays bounded and serves what it holds over many rounds of churn', () => {
    const cache = new RecordCache(100 * 100);
    for (let seq = 0; seq < 50_000; seq++) {
      cache.set(seq, event(seq));
      if (seq % 3 === 0) cache.get(seq - 50);
    }
    expect(cache.size).toBeLessThanOrEqual(100);
    expect(cache.get(49_999)?.eventId).toBe('e49999');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
