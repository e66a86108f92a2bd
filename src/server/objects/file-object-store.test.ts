// @vitest-environment node
// Objects in the data dir survive a reopen; keys never become paths.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileObjectStore, OBJECTS_DIR } from './file-object-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const object = (key: string, text: string) => ({
  bucket: 'logs',
  key,
  body: new TextEncoder().encode(text),
  size: text.length,
  etag: '"x"',
  lastModified: 1,
  contentType: 'text/plain',
  metadata: { signature: 'ab' },
});

describe('FileObjectStore', () => {
  it('keeps objects across a reopen, lists them in key order and deletes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailview-objects-'));
    dirs.push(dir);
    const first = FileObjectStore.open(dir);
    await first.put(object('b/../../escape', 'two'));
    await first.put(object('a/one.json', 'one'));
    const second = FileObjectStore.open(dir);
    expect((await second.list('logs', '', '')).map((o) => o.key)).toEqual(['a/one.json', 'b/../../escape']);
    const got = await second.get('logs', 'a/one.json');
    expect(new TextDecoder().decode(got!.body)).toBe('one');
    expect(got!.metadata).toEqual({ signature: 'ab' });
    expect(readdirSync(join(dir, OBJECTS_DIR)).every((name) => /^[0-9a-f]{64}\.(bin|json)$/.test(name))).toBe(
      true,
    );
    await second.delete('logs', 'a/one.json');
    expect(await FileObjectStore.open(dir).head('logs', 'a/one.json')).toBeUndefined();
  });
});
