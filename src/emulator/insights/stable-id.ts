// Insights event IDs derived from what the insight is, so analysing the same events again yields the
// same IDs and the store's eventID de-duplication keeps re-runs from adding copies.

/** 32-bit FNV-1a with a seed; four seeds give the 128 bits of a UUID. Not cryptographic, not needed. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that near-identical names spread over every hex digit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A UUID-shaped ID from a name: version 8 ("custom", RFC 9562), RFC variant bits. */
export function stableUuid(name: string): string {
  const hex = [0x1234567, 0x2345678, 0x3456789, 0x456789a]
    .map((seed) => fnv1a(name, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
