// The events of recently served rows, parsed, by row number, up to a budget: the pages people look at
// most (the newest events, the filter a team is working on) are served without asking DuckDB (about 2 ms
// of CPU per 50-row fetch) or parsing the records again. Least recently used first out. A row's record
// never changes; the store clears the cache when rows are deleted (a failed bulk write), as row numbers
// may be reused. Like the in-memory store, it hands out the same objects to every caller: events are
// read-only.
import type { IndexedEvent } from '@/domain/lookup-event';

/** What a parsed event takes in memory, roughly, per byte of its JSON text. */
const BYTES_PER_JSON_BYTE = 4;

type Cached = IndexedEvent & { json: string };

export class RecordCache {
  private readonly entries = new Map<number, Cached>();
  private bytes = 0;
  private readonly budget: number;

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  get(seq: number): Cached | undefined {
    const text = this.entries.get(seq);
    if (text !== undefined) {
      // Most recently used: to the end of the Map's order.
      this.entries.delete(seq);
      this.entries.set(seq, text);
    }
    return text;
  }

  set(seq: number, event: Cached): void {
    const old = this.entries.get(seq);
    if (old !== undefined) this.bytes -= old.json.length * BYTES_PER_JSON_BYTE;
    this.entries.delete(seq);
    this.entries.set(seq, event);
    this.bytes += event.json.length * BYTES_PER_JSON_BYTE;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= value.json.length * BYTES_PER_JSON_BYTE;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
