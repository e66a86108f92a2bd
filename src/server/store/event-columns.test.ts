// @vitest-environment node
// packId reads an event ID digit by digit: the same words as parsing its hex groups, and undefined for
// anything that is not a lowercase UUID (those IDs are kept as strings).
import { describe, expect, it } from 'vitest';
import { packId } from './event-columns';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function byGroups(id: string): number[] | undefined {
  if (!UUID.test(id)) return undefined;
  const hex = id.replace(/-/g, '');
  return [0, 8, 16, 24].map((at) => parseInt(hex.slice(at, at + 8), 16));
}

describe('packId', () => {
  it('packs lowercase UUIDs as their hex groups read as four 32-bit words', () => {
    const ids = Array.from({ length: 2000 }, () => crypto.randomUUID());
    ids.push('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
    for (const id of ids) expect(Array.from(packId(id)!)).toEqual(byGroups(id));
  });

  it('refuses what is not a lowercase UUID', () => {
    const id = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
    const others = [
      '',
      'event-1',
      id.toUpperCase(),
      id.replace('-', '0'),
      `${id.slice(0, 35)}g`,
      `${id.slice(0, 35)}é`,
      `${id.slice(0, 35)}\u0130`,
      `${id}0`,
      id.replace(/-/g, '') + '----',
      ` ${id.slice(1)}`,
    ];
    for (const other of others) expect(packId(other)).toBeUndefined();
  });
});
