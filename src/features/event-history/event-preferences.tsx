// The gear icon (docs/cloudtrail-facts.md#event-history-console): page size 10/25/50, Wrap lines, Striped rows, Event time display and
// the visible columns. The column order is fixed, as in the console ("You cannot change the order of the
// columns"), so visible columns are toggles.
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import type { TimeDisplay } from '@/components/format-time';
import { useSettings } from '@/components/settings';
import {
  EVENT_COLUMN_IDS,
  EVENT_COLUMN_LABELS,
  PAGE_SIZES,
  type EventColumnId,
  type EventHistoryPreferences,
} from './columns';

export interface EventPreferencesProps {
  preferences: EventHistoryPreferences;
  onChange: (preferences: EventHistoryPreferences) => void;
}

export function EventPreferences({ preferences, onChange }: EventPreferencesProps) {
  const { settings, updateSettings } = useSettings();
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={{
        pageSize: preferences.pageSize,
        wrapLines: preferences.wrapLines,
        stripedRows: preferences.stripedRows,
        visibleContent: preferences.visibleColumns,
        custom: settings.timeDisplay,
      }}
      onConfirm={({ detail }) => {
        const visible = new Set(detail.visibleContent ?? preferences.visibleColumns);
        onChange({
          ...preferences,
          pageSize: PAGE_SIZES.find((size) => size === detail.pageSize) ?? preferences.pageSize,
          wrapLines: detail.wrapLines ?? preferences.wrapLines,
          stripedRows: detail.stripedRows ?? preferences.stripedRows,
          visibleColumns: EVENT_COLUMN_IDS.filter((id) => visible.has(id)),
        });
        const timeDisplay = detail.custom as TimeDisplay | undefined;
        if (timeDisplay && timeDisplay !== settings.timeDisplay) updateSettings({ timeDisplay });
      }}
      pageSizePreference={{
        title: 'Page size',
        options: PAGE_SIZES.map((size) => ({ value: size, label: `${size} events` })),
      }}
      wrapLinesPreference={{
        label: 'Wrap lines',
        description: 'Wrap text so you can see all text for each event.',
      }}
      stripedRowsPreference={{ label: 'Striped rows', description: 'Shade every other row in the table.' }}
      customPreference={(value: TimeDisplay, setValue: (value: TimeDisplay) => void) => (
        <FormField label="Event time display">
          <RadioGroup
            value={value}
            onChange={({ detail }) => setValue(detail.value as TimeDisplay)}
            items={[
              { value: 'utc', label: 'UTC' },
              { value: 'local', label: 'Local time zone' },
            ]}
          />
        </FormField>
      )}
      visibleContentPreference={{
        title: 'Select visible columns',
        options: [
          {
            label: 'Event properties',
            options: EVENT_COLUMN_IDS.map((id: EventColumnId) => ({
              id,
              label: EVENT_COLUMN_LABELS[id],
              editable: id !== 'eventName',
            })),
          },
        ],
      }}
    />
  );
}
