// A growable list of row numbers in an Int32Array: 4 bytes an entry. A list loaded from an index file
// starts as a view into it, and is copied into its own buffer the first time it grows.
export class SeqList {
  data: Int32Array;
  length: number;

  constructor(data: Int32Array = new Int32Array(4), length = 0) {
    this.data = data;
    this.length = length;
  }

  static of(seqs: readonly number[]): SeqList {
    return new SeqList(Int32Array.from(seqs), seqs.length);
  }

  at(i: number): number {
    return this.data[i]!;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  push(seq: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = seq;
  }

  insert(position: number, seq: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data.copyWithin(position + 1, position, this.length);
    this.data[position] = seq;
    this.length++;
  }

  /** Replaces the contents (a merge's result). */
  replace(data: Int32Array, length: number): void {
    this.data = data;
    this.length = length;
  }

  private grow(least: number): void {
    const next = new Int32Array(Math.max(least, Math.ceil(this.data.length * 1.5) + 4));
    next.set(this.view());
    this.data = next;
  }
}
