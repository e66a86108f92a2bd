// The date range picker's own words as the console writes them (docs/cloudtrail-facts.md#event-history-console):
// "Relative range", "Absolute range", "Clear and dismiss", for Event history and Insights alike.
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';

export const DATE_RANGE_STRINGS: DateRangePickerProps.I18nStrings = {
  relativeModeTitle: 'Relative range',
  absoluteModeTitle: 'Absolute range',
  clearButtonLabel: 'Clear and dismiss',
};
