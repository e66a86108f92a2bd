// The demo generator's only source of randomness. Never Math.random: the same seed must give
// byte-identical events (docs/conventions.md, Emulator). mulberry32 by Tommy Ettinger (public domain).

const codes = (alphabet: string) => Array.from(alphabet, (c) => c.charCodeAt(0));
const HEX = codes('0123456789abcdef');
/** The alphabet of AWS access key ids after the AKIA/ASIA prefix (RFC 4648 base32). */
const BASE32 = codes('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const ALNUM = codes('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const UPPER_ALNUM = codes('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/**
 * Strings are built from character codes in one step: appending character by character would leave
 * V8 "cons string" ropes of ~30 bytes per character in every retained record.
 */
const buffer: number[] = [];

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list.');
    return items[this.int(items.length)]!;
  }

  /** A version 4 UUID (RFC 9562 §5.4) built from this generator, lower-case like CloudTrail's eventID. */
  uuid(): string {
    buffer.length = 36;
    for (let i = 0; i < 36; i += 8) {
      let bits = this.u32();
      for (let j = 0; j < 8 && i + j < 36; j++, bits >>>= 4) buffer[i + j] = HEX[bits & 15]!;
    }
    buffer[8] = buffer[13] = buffer[18] = buffer[23] = DASH;
    buffer[14] = FOUR;
    buffer[19] = HEX[8 + (this.u32() & 3)]!;
    return String.fromCharCode(...buffer);
  }

  /** `length` lower-case hex digits. */
  hex(length: number): string {
    return this.fromAlphabet(HEX, length);
  }

  /** `length` characters of the access-key alphabet, e.g. the 16 after AKIA. */
  base32(length: number): string {
    return this.fromAlphabet(BASE32, length);
  }

  /** `length` characters of [A-Za-z0-9], e.g. the six after a Secrets Manager secret name. */
  alnum(length: number): string {
    return this.fromAlphabet(ALNUM, length);
  }

  /** `length` upper-case characters and digits, e.g. an S3 request id. */
  upperAlnum(length: number): string {
    return this.fromAlphabet(UPPER_ALNUM, length);
  }

  private fromAlphabet(alphabet: readonly number[], length: number): string {
    buffer.length = length;
    for (let i = 0; i < length; i++) buffer[i] = alphabet[this.int(alphabet.length)]!;
    return String.fromCharCode(...buffer);
  }
}

/** A 32-bit seed from any mix of numbers and strings (FNV-1a, then murmur3's finaliser to spread bits). */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? part.toString(36) : part;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator seeded from the given parts. */
export function prngFor(...parts: ReadonlyArray<string | number>): Prng {
  return new Prng(hashSeed(...parts));
}

/** Picks items in proportion to their weights; built once, picked from many times (binary search). */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const positive = entries.filter(([, weight]) => weight > 0);
    if (positive.length === 0) throw new Error('A weighted table needs at least one positive weight.');
    this.items = positive.map(([item]) => item);
    this.cumulative = new Float64Array(positive.length);
    let sum = 0;
    positive.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Prng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
