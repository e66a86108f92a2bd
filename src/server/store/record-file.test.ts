// @vitest-environment node
import { mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK } from './event-columns';
import { RecordFile } from './record-file';

const dir = mkdtempSync(join(tmpdir(), 'trailview-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

describe('RecordFile', () => {
  it.each([
    ['reader threads', true],
    ['the event loop', false],
  ])(
    'reads back what it was given, by row, after reopening, across chunks and out of order (%s)',
    async (_, threads) => {
      const path = join(dir, `records-${++n}`);
      const file = RecordFile.open(path);
      const seqs = [0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7];
      file.append(seqs.map((seq) => [seq, `{"row":${seq}}`] as const));
      file.append([[5, new TextEncoder().encode('{"row":5,"bytes":true}')]]);
      await file.close();

      const again = RecordFile.open(path, { threads });
      const read = await again.read([3 * CHUNK + 7, 5, 0, CHUNK, 4, 9 * CHUNK]);
      expect(text(read.get(3 * CHUNK + 7))).toBe(`{"row":${3 * CHUNK + 7}}`);
      expect(text(read.get(5))).toBe('{"row":5,"bytes":true}');
      expect(text(read.get(0))).toBe('{"row":0}');
      expect(text(read.get(CHUNK))).toBe(`{"row":${CHUNK}}`);
      expect(read.has(4)).toBe(false);
      expect(read.has(9 * CHUNK)).toBe(false);
      expect(again.unplaced(CHUNK - 2, CHUNK + 2)).toEqual([CHUNK - 2]);
      expect(again.unplaced(0, 6)).toEqual([3, 4]);
      await again.close();
    },
  );

  it('drops the places of records a cut-short file no longer holds', async () => {
    const path = join(dir, `records-${++n}`);
    const file = RecordFile.open(path);
    file.append([
      [0, 'a'.repeat(100)],
      [1, 'b'.repeat(100)],
    ]);
    await file.close();
    truncateSync(path, 150);
    const again = RecordFile.open(path);
    expect(again.unplaced(0, 2)).toEqual([1]);
    // Appends start where the file ends now.
    again.append([[1, 'c'.repeat(10)]]);
    expect(text((await again.read([1])).get(1))).toBe('c'.repeat(10));
    await again.close();
  });

  it('forgets rows from a row number on, on disk too, and gives their space back', async () => {
    const path = join(dir, `records-${++n}`);
    const file = RecordFile.open(path);
    file.append(Array.from({ length: 10 }, (_, seq) => [seq, `r${seq}`] as const));
    file.forget(6);
    await file.close();
    // What the forgotten rows took is given back.
    expect(statSync(path).size).toBe(12);
    const again = RecordFile.open(path);
    expect([...(await again.read([4, 5, 6, 9])).keys()].sort()).toEqual([4, 5]);
    expect(again.unplaced(0, 12)).toEqual([6, 7, 8, 9, 10, 11]);
    // Rows numbered again get places of their own.
    again.append([[7, 'again']]);
    expect(text((await again.read([7])).get(7))).toBe('again');
    expect(again.unplaced(5, 9)).toEqual([6, 8]);
    await again.close();
  });
});
