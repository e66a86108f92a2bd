// The record texts of recently served rows, by row number, up to a byte budget: the pages people look at
// most (the newest events, the filter a team is working on) are served without asking DuckDB, which
// costs about 2 ms of CPU per 50-row fetch. Least recently used first out. A row's record never changes;
// the store clears the cache when rows are deleted (a failed bulk write), as row numbers may be reused.
import type { RecordText } from './event-rows';

export class RecordCache {
  private readonly entries = new Map<number, RecordText>();
  private bytes = 0;
  private readonly budget: number;

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  get(seq: number): RecordText | undefined {
    const text = this.entries.get(seq);
    if (text !== undefined) {
      // Most recently used: to the end of the Map's order.
      this.entries.delete(seq);
      this.entries.set(seq, text);
    }
    return text;
  }

  set(seq: number, text: RecordText): void {
    const old = this.entries.get(seq);
    if (old !== undefined) this.bytes -= old.length;
    this.entries.delete(seq);
    this.entries.set(seq, text);
    this.bytes += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
