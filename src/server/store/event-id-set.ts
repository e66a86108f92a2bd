// Which event IDs are stored, and in which row, without a JavaScript string per event: an open-addressing
// hash table of row numbers (4 bytes a slot, at most half full), hashed and compared by the packed ID
// words the rows keep in EventColumns. IDs that are not lowercase UUIDs sit in a Map of their own.
import { type EventColumns, packId } from './event-columns';

const EMPTY = -1;
/** A slot whose row was removed: lookups probe past it, inserts may reuse it. */
const REMOVED = -2;

function hashWords(w: ArrayLike<number>): number {
  let h = Math.imul(w[0]! ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w[1]!, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ w[2]!, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w[3]!, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class EventIdSet {
  private slots: Int32Array;
  /** Slots holding a row (not EMPTY, not REMOVED). */
  private used = 0;
  /** Slots not EMPTY (rows and REMOVED marks): what probing walks through. */
  private filled = 0;
  private readonly others = new Map<string, number>();
  private readonly columns: EventColumns;

  constructor(columns: EventColumns, slots?: Int32Array, used = 0) {
    this.columns = columns;
    this.slots = slots ?? new Int32Array(1024).fill(EMPTY);
    this.used = used;
    this.filled = used;
    if (slots) for (const seq of slots) if (seq === REMOVED) this.filled++;
    for (const [seq, id] of columns.otherIds) this.others.set(id, seq);
  }

  /** The table as it is (index-file.ts writes it). */
  get table(): Int32Array {
    return this.slots;
  }

  get size(): number {
    return this.used + this.others.size;
  }

  /** The row that holds the ID, or undefined; `words` when packed already (packId). */
  get(id: string, words: Uint32Array | undefined = packId(id)): number | undefined {
    if (!words) return this.others.get(id);
    const mask = this.slots.length - 1;
    for (let i = hashWords(words) & mask; ; i = (i + 1) & mask) {
      const seq = this.slots[i]!;
      if (seq === EMPTY) return undefined;
      if (seq !== REMOVED && this.columns.hasWords(seq, words)) return seq;
    }
  }

  /** Adds the ID of a row (already set in the columns). */
  add(seq: number, id: string): void {
    const words = this.columns.words(seq);
    if (!words) {
      this.others.set(id, seq);
      return;
    }
    if ((this.filled + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const mask = this.slots.length - 1;
    let i = hashWords(words) & mask;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    if (this.slots[i] === EMPTY) this.filled++;
    this.slots[i] = seq;
    this.used++;
  }

  delete(id: string): number | undefined {
    const words = packId(id);
    if (!words) {
      const seq = this.others.get(id);
      this.others.delete(id);
      return seq;
    }
    const mask = this.slots.length - 1;
    for (let i = hashWords(words) & mask; ; i = (i + 1) & mask) {
      const seq = this.slots[i]!;
      if (seq === EMPTY) return undefined;
      if (seq !== REMOVED && this.columns.hasWords(seq, words)) {
        this.slots[i] = REMOVED;
        this.used--;
        return seq;
      }
    }
  }

  private rehash(capacity: number): void {
    // Grows only when rows (not REMOVED marks) need the room; otherwise rebuilds at the same size.
    while (this.used * 2 < capacity / 2 && capacity > 1024) capacity /= 2;
    const old = this.slots;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (const seq of old) {
      if (seq < 0) continue;
      let i = hashWords(this.columns.words(seq)!) & mask;
      while (this.slots[i] !== EMPTY) i = (i + 1) & mask;
      this.slots[i] = seq;
    }
    this.filled = this.used;
  }
}
