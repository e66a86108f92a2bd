// The Trails table's preferences (gear icon): which columns show, in which order, and the widths the user
// dragged, kept in localStorage. By default the columns fit a 1280 px window with the navigation open;
// Organization trail, Log file prefix and CloudWatch Logs log group are a click away in the preferences.
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';
import * as z from 'zod/mini';
import { columnWidthsSchema, type ColumnWidths } from '@/components/column-widths';
import { useStoredPreferences } from '@/components/stored-preferences';
import { TRAIL_COLUMNS } from './columns';

export const TRAILS_PREFERENCES_STORAGE_KEY = 'trailview.trails.preferences';

const HIDDEN_BY_DEFAULT = new Set(['organization', 'logFilePrefix', 'logGroup']);

export interface TrailsPreferences {
  columnDisplay: TableProps.ColumnDisplayProperties[];
  columnWidths: ColumnWidths;
}

const DEFAULT_TRAILS_PREFERENCES: TrailsPreferences = {
  columnDisplay: TRAIL_COLUMNS.map(({ id = '' }) => ({ id, visible: !HIDDEN_BY_DEFAULT.has(id) })),
  columnWidths: {},
};

const IDS = TRAIL_COLUMNS.map(({ id = '' }) => id);

const schema = z.object({
  columnDisplay: z.catch(
    z
      .array(z.object({ id: z.enum(IDS as [string, ...string[]]), visible: z.boolean() }))
      // Every column once, or the defaults (a column added later would otherwise never show).
      .check(z.refine((display) => new Set(display.map((d) => d.id)).size === IDS.length)),
    DEFAULT_TRAILS_PREFERENCES.columnDisplay,
  ),
  columnWidths: columnWidthsSchema,
});

const parse = (value: unknown): TrailsPreferences => z.catch(schema, DEFAULT_TRAILS_PREFERENCES).parse(value);

export const useTrailsPreferences = () =>
  useStoredPreferences(TRAILS_PREFERENCES_STORAGE_KEY, parse, DEFAULT_TRAILS_PREFERENCES);

export function TrailsPreferencesButton({
  preferences,
  onChange,
}: {
  preferences: TrailsPreferences;
  onChange: (preferences: TrailsPreferences) => void;
}) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={{ contentDisplay: preferences.columnDisplay }}
      onConfirm={({ detail }) =>
        onChange({ ...preferences, columnDisplay: [...(detail.contentDisplay ?? preferences.columnDisplay)] })
      }
      contentDisplayPreference={{
        title: 'Column preferences',
        options: TRAIL_COLUMNS.map(({ id = '', header }) => ({
          id,
          label: String(header),
          alwaysVisible: id === 'name',
        })),
      }}
    />
  );
}
