// A table's preferences kept in localStorage under one key and read through a parser that falls back to
// the defaults on anything it does not accept (docs/conventions.md: preferences persist in localStorage).
import { useCallback, useState } from 'react';

function readStored<T>(
  key: string,
  parse: (value: unknown) => T,
  fallback: T,
  storage: Storage | undefined = globalThis.localStorage,
): T {
  try {
    const raw = storage?.getItem(key);
    return parse(raw ? JSON.parse(raw) : {});
  } catch {
    return fallback;
  }
}

export function useStoredPreferences<T>(
  key: string,
  parse: (value: unknown) => T,
  fallback: T,
): [T, (next: T) => void] {
  const [preferences, setPreferences] = useState(() => readStored(key, parse, fallback));
  const save = useCallback(
    (next: T) => {
      setPreferences(next);
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the preferences still apply in this tab.
      }
    },
    [key],
  );
  return [preferences, save];
}
