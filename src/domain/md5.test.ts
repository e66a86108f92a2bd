import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5';

describe('md5Hex', () => {
  it.each([0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000])('matches node:crypto for %i bytes', (n) => {
    const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
    expect(md5Hex(bytes)).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('gives the RFC 1321 test value', () => {
    expect(md5Hex(new TextEncoder().encode('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
  });
});
