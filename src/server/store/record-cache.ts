// The events of recently served rows, parsed, by row number, up to a budget: the pages people look at
// most (the newest events, the filter a team is working on) are served without asking DuckDB (a 50-row
// fetch of scattered rows costs it 5–10 ms of CPU: each row reads a 256 KB block) or parsing the records
// again. A row's record never changes; the store clears the cache when rows are deleted (a failed bulk
// write), as row numbers may be reused. Like the in-memory store, it hands out the same objects to every
// caller: events are read-only.
//
// Eviction is CLOCK (second chance): rows leave in the order they came, except that a row read since its
// last turn goes round once more. A Map kept in LRU order (delete and set again on every hit, evict from
// the front) was the server's costliest function under 16 clients: a Map's iterator walks every slot its
// deletions left at the front until the table is rebuilt.
import type { IndexedEvent } from '@/domain/lookup-event';

/** What a parsed event takes in memory, roughly, per byte of its JSON text. */
const BYTES_PER_JSON_BYTE = 4;

type Cached = IndexedEvent & { json: string };

interface Entry {
  event: Cached;
  /** Read since the clock hand last passed it. */
  used: boolean;
}

export class RecordCache {
  private readonly entries = new Map<number, Entry>();
  /** Row numbers in the order the hand visits them; `hand` is the next. */
  private ring: number[] = [];
  private hand = 0;
  private bytes = 0;
  private readonly budget: number;

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(seq: number): Cached | undefined {
    const entry = this.entries.get(seq);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.event;
  }

  set(seq: number, event: Cached): void {
    const old = this.entries.get(seq);
    if (old !== undefined) {
      this.bytes += (event.json.length - old.event.json.length) * BYTES_PER_JSON_BYTE;
      old.event = event;
      old.used = true;
    } else {
      this.entries.set(seq, { event, used: false });
      this.ring.push(seq);
      this.bytes += event.json.length * BYTES_PER_JSON_BYTE;
    }
    while (this.bytes > this.budget && this.hand < this.ring.length) this.advance();
    if (this.hand > 4096 && this.hand * 2 > this.ring.length) {
      this.ring = this.ring.slice(this.hand);
      this.hand = 0;
    }
  }

  clear(): void {
    this.entries.clear();
    this.ring = [];
    this.hand = 0;
    this.bytes = 0;
  }

  /** The hand passes one row: a used one goes round again, unused, any other leaves. */
  private advance(): void {
    const seq = this.ring[this.hand++]!;
    const entry = this.entries.get(seq);
    if (entry === undefined) return;
    if (entry.used) {
      entry.used = false;
      this.ring.push(seq);
      return;
    }
    this.entries.delete(seq);
    this.bytes -= entry.event.json.length * BYTES_PER_JSON_BYTE;
  }
}
