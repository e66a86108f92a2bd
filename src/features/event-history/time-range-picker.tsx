// The time range control (docs/cloudtrail-facts.md#event-history-console), loaded on demand: the date range picker and its date library
// are a large part of the page's JavaScript, and the page is usable while they arrive.
import DateRangePicker from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import { useState } from 'react';
import { DATE_RANGE_STRINGS } from '@/components/date-range-strings';
import type { TimeDisplay } from '@/components/format-time';
import {
  fromPickerValue,
  RELATIVE_OPTIONS,
  toPickerValue,
  validateRange,
  type TimeRange,
} from './time-range';

export interface TimeRangePickerProps {
  range: TimeRange | undefined;
  timeDisplay: TimeDisplay;
  onChange: (range: TimeRange | undefined) => void;
}

export function TimeRangePicker({ range, timeDisplay, onChange }: TimeRangePickerProps) {
  // The absolute range's own time zone choice, as in the console's picker; it starts from the console's
  // Event time display and does not change it.
  const [zone, setZone] = useState<TimeDisplay>(timeDisplay);
  return (
    <DateRangePicker
      value={toPickerValue(range)}
      onChange={({ detail }) => onChange(fromPickerValue(detail.value))}
      relativeOptions={RELATIVE_OPTIONS}
      i18nStrings={DATE_RANGE_STRINGS}
      isValidRange={validateRange}
      placeholder="Filter by date and time"
      // Absolute dates are entered and shown in UTC or in the browser's time zone.
      getTimeOffset={zone === 'utc' ? () => 0 : undefined}
      customAbsoluteRangeControl={() => (
        <FormField label="Time zone">
          <SegmentedControl
            label="Time zone"
            selectedId={zone}
            onChange={({ detail }) => setZone(detail.selectedId as TimeDisplay)}
            options={[
              { id: 'utc', text: 'UTC' },
              { id: 'local', text: 'Local time zone' },
            ]}
          />
        </FormField>
      )}
      absoluteFormat="long-localized"
      rangeSelectorMode="default"
      showClearButton
      expandToViewport
    />
  );
}
