// Event history's table preferences, kept in localStorage and parsed with zod: a stored value that does
// not parse falls back to the console's default (docs/cloudtrail-facts.md#event-history-console). Event time display is the console-wide
// setting (components/settings.tsx), shown in the same preferences modal.
// zod/mini: read on the first render of #/events (see search-params.ts).
import * as z from 'zod/mini';
import { columnWidthsSchema } from '@/components/column-widths';
import { useStoredPreferences } from '@/components/stored-preferences';
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
    hideConsoleReads: z.catch(z.boolean(), DEFAULT_PREFERENCES.hideConsoleReads),
    columnWidths: columnWidthsSchema,
  }),
  DEFAULT_PREFERENCES,
);

const parsePreferences = (value: unknown) => preferencesSchema.parse(value) as EventHistoryPreferences;

export const usePreferences = () =>
  useStoredPreferences(PREFERENCES_STORAGE_KEY, parsePreferences, DEFAULT_PREFERENCES);
