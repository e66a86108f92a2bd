// The time range control (reference §1.4), loaded on demand: the date range picker and its date library
// are a large part of the page's JavaScript, and the page is usable while they arrive.
import DateRangePicker from '@cloudscape-design/components/date-range-picker';
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
  return (
    <DateRangePicker
      value={toPickerValue(range)}
      onChange={({ detail }) => onChange(fromPickerValue(detail.value))}
      relativeOptions={RELATIVE_OPTIONS}
      isValidRange={validateRange}
      placeholder="Filter by date and time"
      // Absolute dates are entered and shown in UTC or in local time, as Event time display says.
      getTimeOffset={timeDisplay === 'utc' ? () => 0 : undefined}
      absoluteFormat="long-localized"
      rangeSelectorMode="default"
      showClearButton
      expandToViewport
    />
  );
}
