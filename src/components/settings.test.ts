import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_STORAGE_KEY } from './settings';

function storageWith(value: string | null): Storage {
  const storage = new Map<string, string>();
  if (value !== null) storage.set(SETTINGS_STORAGE_KEY, value);
  return {
    length: storage.size,
    clear: () => storage.clear(),
    getItem: (key) => storage.get(key) ?? null,
    key: () => null,
    removeItem: (key) => void storage.delete(key),
    setItem: (key, item) => void storage.set(key, item),
  };
}

describe('readSettings', () => {
  it.each([
    ['nothing stored', null, DEFAULT_SETTINGS],
    ['not JSON', '{oops', DEFAULT_SETTINGS],
    ['not an object', '42', DEFAULT_SETTINGS],
    [
      'valid settings',
      '{"timeDisplay":"local","theme":"dark","region":"eu-west-1"}',
      { timeDisplay: 'local', theme: 'dark', region: 'eu-west-1' },
    ],
    [
      'one bad field',
      '{"timeDisplay":"local","theme":"purple","region":"eu-west-1"}',
      { timeDisplay: 'local', theme: 'light', region: 'eu-west-1' },
    ],
    ['an unknown Region', '{"region":"xx-nowhere-9"}', DEFAULT_SETTINGS],
  ])('with %s', (_, stored, expected) => {
    expect(readSettings(storageWith(stored))).toEqual(expected);
  });
});
