// Value matching of Sigma field conditions (Sigma specification, "Modifiers"): plain values compare
// case-insensitively with `*` and `?` wildcards (`\` escapes them); contains/startswith/endswith, re, cidr.
import type { JsonValue } from '../record';

export type Matcher = (value: string) => boolean;

export const SUPPORTED_MODIFIERS = new Set([
  'contains',
  'startswith',
  'endswith',
  're',
  'all',
  'cidr',
  'exists',
  'i',
  'm',
  's',
]);

/** The leaf values at a dotted path; arrays on the way are walked, so `a.b` finds `{a:[{b:1},{b:2}]}`. */
export function valuesAt(record: unknown, path: readonly string[]): JsonValue[] {
  let current: unknown[] = [record];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object') pushKey(next, item, key);
      } else if (value && typeof value === 'object') pushKey(next, value, key);
    }
    if (next.length === 0) return [];
    current = next;
  }
  const out: JsonValue[] = [];
  for (const value of current) {
    if (Array.isArray(value)) out.push(...(value as JsonValue[]));
    else out.push(value as JsonValue);
  }
  return out;
}

function pushKey(into: unknown[], value: object, key: string): void {
  if (Object.hasOwn(value, key)) into.push((value as Record<string, unknown>)[key]);
}

export const valueText = (value: JsonValue): string | undefined =>
  value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** A Sigma wildcard pattern (`*`, `?`, `\` escapes) as a case-insensitive matcher. */
export function wildcardMatcher(
  pattern: string,
  mode: 'equals' | 'contains' | 'startswith' | 'endswith',
): Matcher {
  let source = '';
  let literal = '';
  let wild = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length && '*?\\'.includes(pattern[i + 1]!)) {
      literal += pattern[++i]!;
      source += escape(pattern[i]!);
    } else if (c === '*' || c === '?') {
      wild = true;
      source += c === '*' ? '.*' : '.';
    } else {
      literal += c;
      source += escape(c);
    }
  }
  if (!wild) {
    const needle = literal.toLowerCase();
    switch (mode) {
      case 'equals':
        return (v) => v.length === needle.length && v.toLowerCase() === needle;
      case 'contains':
        return (v) => v.toLowerCase().includes(needle);
      case 'startswith':
        return (v) => v.toLowerCase().startsWith(needle);
      case 'endswith':
        return (v) => v.toLowerCase().endsWith(needle);
    }
  }
  const head = mode === 'equals' || mode === 'startswith' ? '^' : '';
  const tail = mode === 'equals' || mode === 'endswith' ? '$' : '';
  const re = new RegExp(`${head}${source}${tail}`, 'is');
  return (v) => re.test(v);
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `|cidr`: IPv4 or IPv6 network in CIDR notation. Throws on a bad network. */
export function cidrMatcher(cidr: string): Matcher {
  const [address, bitsText] = cidr.split('/');
  const network = parseIp(address ?? '');
  if (!network) throw new Error(`"${cidr}" is not an IP network`);
  const size = network.v6 ? 128 : 32;
  const bits = bitsText === undefined ? size : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > size)
    throw new Error(`"${cidr}" has a bad prefix length`);
  const shift = BigInt(size - bits);
  const prefix = network.value >> shift;
  return (v) => {
    const ip = parseIp(v);
    return !!ip && ip.v6 === network.v6 && ip.value >> shift === prefix;
  };
}

function parseIp(text: string): { v6: boolean; value: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { v6: false, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!text.includes(':') || !/^[0-9a-f:]+$/i.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { v6: true, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}
