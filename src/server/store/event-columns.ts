// What the lookup index knows of each stored event, by row number (seq), in typed arrays rather than
// JavaScript objects and strings: its time (8 bytes), its event ID (16 bytes: CloudTrail's event IDs are
// lowercase UUIDs, kept as four 32-bit words) and its partition (2 bytes). Columns grow in chunks of
// CHUNK rows, so growing never copies what is there, and a chunk can be a view into a loaded index file
// (index-file.ts). An ID that is not a lowercase UUID is kept as a string beside, flagged in its row.

export const CHUNK_BITS = 16;
export const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** `parts` value of a row with no partition yet (claimed, or deleted). */
export const NO_PARTITION = 0x7fff;
/** `parts` flag: the row's ID is in `otherIds`, not in the words. */
const OTHER_ID = 0x8000;

/** Hex digit values by character code (lowercase only), -1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x61 + c] = 10 + c;

/** The 32-bit word of 8 hex digits at `at` (a dash at `dash` skipped), or -1 when one is not a digit. */
function hexWord(id: string, at: number, dash: number): number {
  let word = 0;
  for (let i = at, end = dash < 0 ? at + 8 : at + 9; i < end; i++) {
    if (i === dash) continue;
    const code = id.charCodeAt(i);
    const digit = code < 0x80 ? HEX[code]! : -1;
    if (digit < 0) return -1;
    word = (word << 4) | digit;
  }
  return word >>> 0;
}

/**
 * A lowercase UUID as four words whose unsigned order is the string's order; undefined otherwise.
 * Read digit by digit rather than by a regular expression and parseInt: imports pack every event's ID.
 */
export function packId(id: string): Uint32Array | undefined {
  if (id.length !== 36) return undefined;
  if (id.charCodeAt(8) !== 0x2d || id.charCodeAt(13) !== 0x2d) return undefined;
  if (id.charCodeAt(18) !== 0x2d || id.charCodeAt(23) !== 0x2d) return undefined;
  const a = hexWord(id, 0, -1);
  const b = hexWord(id, 9, 13);
  const c = hexWord(id, 19, 23);
  const d = hexWord(id, 28, -1);
  if (a < 0 || b < 0 || c < 0 || d < 0) return undefined;
  return Uint32Array.of(a, b, c, d);
}

function unpackId(w: ArrayLike<number>): string {
  const hex = Array.from(w, (x) => x.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ColumnChunks {
  times: Float64Array[];
  ids: Uint32Array[];
  parts: Uint16Array[];
}

export class EventColumns {
  readonly times: Float64Array[] = [];
  readonly ids: Uint32Array[] = [];
  readonly parts: Uint16Array[] = [];
  /** IDs that are not lowercase UUIDs, by row. */
  readonly otherIds = new Map<number, string>();

  /** Columns over loaded chunks (index-file.ts). */
  static from(chunks: ColumnChunks, otherIds: Iterable<[number, string]>): EventColumns {
    const columns = new EventColumns();
    columns.times.push(...chunks.times);
    columns.ids.push(...chunks.ids);
    columns.parts.push(...chunks.parts);
    for (const [seq, id] of otherIds) columns.otherIds.set(seq, id);
    return columns;
  }

  /** Rows the columns have room for. */
  get capacity(): number {
    return this.times.length * CHUNK;
  }

  time(seq: number): number {
    return this.times[seq >>> CHUNK_BITS]![seq & MASK]!;
  }

  partition(seq: number): number {
    return seq < this.capacity ? this.parts[seq >>> CHUNK_BITS]![seq & MASK]! & NO_PARTITION : NO_PARTITION;
  }

  /** Records a row's ID (its time and partition come with `place`); `words` when packed already. */
  setId(seq: number, id: string, words: Uint32Array | undefined = packId(id)): void {
    this.reserve(seq);
    const chunk = seq >>> CHUNK_BITS;
    const at = seq & MASK;
    if (words) {
      this.ids[chunk]!.set(words, at * 4);
      this.parts[chunk]![at] = NO_PARTITION;
      this.otherIds.delete(seq);
    } else {
      this.parts[chunk]![at] = NO_PARTITION | OTHER_ID;
      this.otherIds.set(seq, id);
    }
  }

  place(seq: number, time: number, partition: number): void {
    const chunk = seq >>> CHUNK_BITS;
    const at = seq & MASK;
    this.times[chunk]![at] = time;
    const parts = this.parts[chunk]!;
    parts[at] = (parts[at]! & OTHER_ID) | partition;
  }

  /** Forgets a row (a claim given up, a row deleted). */
  clear(seq: number): void {
    if (seq >= this.capacity) return;
    this.parts[seq >>> CHUNK_BITS]![seq & MASK] = NO_PARTITION;
    this.otherIds.delete(seq);
  }

  /** The row's ID when it is packed: its words' offset in `ids[chunk]`; -1 when it is a string. */
  private wordsAt(seq: number): number {
    return this.parts[seq >>> CHUNK_BITS]![seq & MASK]! & OTHER_ID ? -1 : (seq & MASK) * 4;
  }

  id(seq: number): string {
    const at = this.wordsAt(seq);
    if (at < 0) return this.otherIds.get(seq)!;
    return unpackId(this.ids[seq >>> CHUNK_BITS]!.subarray(at, at + 4));
  }

  /** Whether the row's ID equals the packed ID. */
  hasWords(seq: number, words: Uint32Array): boolean {
    const at = this.wordsAt(seq);
    if (at < 0) return false;
    const ids = this.ids[seq >>> CHUNK_BITS]!;
    return (
      ids[at] === words[0] && ids[at + 1] === words[1] && ids[at + 2] === words[2] && ids[at + 3] === words[3]
    );
  }

  /** The words of a packed row ID, for hashing; undefined for a string ID. */
  words(seq: number): Uint32Array | undefined {
    const at = this.wordsAt(seq);
    return at < 0 ? undefined : this.ids[seq >>> CHUNK_BITS]!.subarray(at, at + 4);
  }

  /** Orders two rows' IDs as strings would be ordered. */
  compareIds(a: number, b: number): number {
    const wa = this.wordsAt(a);
    const wb = this.wordsAt(b);
    if (wa < 0 || wb < 0) return compareStrings(this.id(a), this.id(b));
    const ia = this.ids[a >>> CHUNK_BITS]!;
    const ib = this.ids[b >>> CHUNK_BITS]!;
    for (let k = 0; k < 4; k++) {
      const d = ia[wa + k]! - ib[wb + k]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  /** Orders a row's ID against an ID given as text (and its words when packed). */
  compareIdTo(seq: number, id: string, words: Uint32Array | undefined): number {
    const at = this.wordsAt(seq);
    if (at < 0 || !words) return compareStrings(this.id(seq), id);
    const ids = this.ids[seq >>> CHUNK_BITS]!;
    for (let k = 0; k < 4; k++) {
      const d = ids[at + k]! - words[k]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  private reserve(seq: number): void {
    while (seq >= this.capacity) {
      this.times.push(new Float64Array(CHUNK));
      this.ids.push(new Uint32Array(CHUNK * 4));
      this.parts.push(new Uint16Array(CHUNK).fill(NO_PARTITION));
    }
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
