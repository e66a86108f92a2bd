// Event history's table preferences, kept in localStorage and parsed with zod: a stored value that does
// not parse falls back to the console's default (reference §1.6). Event time display is the console-wide
// setting (components/settings.tsx), shown in the same preferences modal.
import { useCallback, useState } from 'react';
// zod/mini: read on the first render of #/events (see search-params.ts).
import * as z from 'zod/mini';
import { DEFAULT_PREFERENCES, EVENT_COLUMN_IDS, PAGE_SIZES, type EventHistoryPreferences } from './columns';

export const PREFERENCES_STORAGE_KEY = 'trailview.event-history.preferences';

const preferencesSchema = z.catch(
  z.object({
    pageSize: z.catch(z.literal(PAGE_SIZES), DEFAULT_PREFERENCES.pageSize),
    wrapLines: z.catch(z.boolean(), DEFAULT_PREFERENCES.wrapLines),
    stripedRows: z.catch(z.boolean(), DEFAULT_PREFERENCES.stripedRows),
    visibleColumns: z.catch(
      z.array(z.enum(EVENT_COLUMN_IDS as [string, ...string[]])).check(z.minLength(1)),
      DEFAULT_PREFERENCES.visibleColumns,
    ),
    showChart: z.catch(z.boolean(), DEFAULT_PREFERENCES.showChart),
  }),
  DEFAULT_PREFERENCES,
);

export function readPreferences(
  storage: Storage | undefined = globalThis.localStorage,
): EventHistoryPreferences {
  try {
    const raw = storage?.getItem(PREFERENCES_STORAGE_KEY);
    return preferencesSchema.parse(raw ? JSON.parse(raw) : {}) as EventHistoryPreferences;
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function usePreferences(): [EventHistoryPreferences, (next: EventHistoryPreferences) => void] {
  const [preferences, setPreferences] = useState(() => readPreferences());
  const save = useCallback((next: EventHistoryPreferences) => {
    setPreferences(next);
    try {
      globalThis.localStorage?.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the preferences still apply in this tab.
    }
  }, []);
  return [preferences, save];
}
