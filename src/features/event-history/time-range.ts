// The time range ("Filter by date and time", docs/cloudtrail-facts.md#event-history-console) as the URL keeps it and as LookupEvents
// takes it. Relative ranges keep their amount and unit (`30m`, `1h`, `12h`, `1d`, `3w`) so a shared link
// means "the last hour" when it is opened; absolute ranges are an ISO 8601 interval of two UTC instants
// (`2026-11-20T08:00:00Z/2026-11-20T09:30:00Z`).
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import { EVENT_HISTORY_DAYS } from '@/domain/lookup-attributes';
import { isoSeconds } from '@/domain/iso-time';

export type RelativeUnit = 'minute' | 'hour' | 'day' | 'week';

export type TimeRange =
  { type: 'relative'; amount: number; unit: RelativeUnit } | { type: 'absolute'; start: string; end: string };

const UNIT_LETTERS: Record<RelativeUnit, string> = { minute: 'm', hour: 'h', day: 'd', week: 'w' };
const LETTER_UNITS: Record<string, RelativeUnit> = { m: 'minute', h: 'hour', d: 'day', w: 'week' };
const UNIT_MS: Record<RelativeUnit, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

const RELATIVE = /^([1-9]\d{0,5})([mhdw])$/;

/** The console's relative presets (docs/cloudtrail-facts.md#event-history-console: 30 minutes, 1 hour, 12 hours, 1 day, and Custom). */
export const RELATIVE_OPTIONS: DateRangePickerProps.RelativeOption[] = [
  { key: '30m', amount: 30, unit: 'minute', type: 'relative' },
  { key: '1h', amount: 1, unit: 'hour', type: 'relative' },
  { key: '12h', amount: 12, unit: 'hour', type: 'relative' },
  { key: '1d', amount: 1, unit: 'day', type: 'relative' },
];

export function parseTimeRange(text: string | undefined): TimeRange | undefined {
  if (!text) return undefined;
  const relative = RELATIVE.exec(text);
  if (relative) return { type: 'relative', amount: Number(relative[1]), unit: LETTER_UNITS[relative[2]!]! };
  const [start, end, ...rest] = text.split('/');
  if (!start || !end || rest.length) return undefined;
  const startTime = Date.parse(start);
  const endTime = Date.parse(end);
  if (Number.isNaN(startTime) || Number.isNaN(endTime) || startTime > endTime) return undefined;
  return { type: 'absolute', start: isoSeconds(startTime), end: isoSeconds(endTime) };
}

export function formatTimeRange(range: TimeRange): string {
  return range.type === 'relative'
    ? `${range.amount}${UNIT_LETTERS[range.unit]}`
    : `${range.start}/${range.end}`;
}

/** StartTime/EndTime for LookupEvents; a relative range counts back from `now`. */
export function timeRangeBounds(
  range: TimeRange | undefined,
  now: number,
): { startTime?: string; endTime?: string } {
  if (!range) return {};
  if (range.type === 'absolute') return { startTime: range.start, endTime: range.end };
  return { startTime: isoSeconds(now - range.amount * UNIT_MS[range.unit]) };
}

/** The picker's value. Absolute dates are shown in UTC or local time; the picker gets ISO instants. */
export function toPickerValue(range: TimeRange | undefined): DateRangePickerProps.Value | null {
  if (!range) return null;
  if (range.type === 'relative') {
    const preset = RELATIVE_OPTIONS.find((o) => o.amount === range.amount && o.unit === range.unit);
    return { type: 'relative', amount: range.amount, unit: range.unit, key: preset?.key };
  }
  return { type: 'absolute', startDate: range.start, endDate: range.end };
}

export function fromPickerValue(value: DateRangePickerProps.Value | null): TimeRange | undefined {
  if (!value) return undefined;
  if (value.type === 'relative') {
    if (!(value.unit in UNIT_LETTERS) || value.amount < 1) return undefined;
    return { type: 'relative', amount: Math.floor(value.amount), unit: value.unit as RelativeUnit };
  }
  return parseTimeRange(`${value.startDate}/${value.endDate}`);
}

/** Rules the picker checks before Apply, in the console's words. */
export function validateRange(
  value: DateRangePickerProps.Value | null,
): DateRangePickerProps.ValidationResult {
  if (value?.type === 'absolute') {
    if (!value.startDate || !value.endDate) {
      return { valid: false, errorMessage: 'Enter a start date and an end date.' };
    }
    if (Date.parse(value.startDate) > Date.parse(value.endDate)) {
      return { valid: false, errorMessage: 'The start date must be before the end date.' };
    }
  }
  if (value?.type === 'relative') {
    if (!(value.unit in UNIT_LETTERS)) {
      return { valid: false, errorMessage: 'Choose minutes, hours, days or weeks.' };
    }
    if (
      !(value.amount >= 1) ||
      value.amount * UNIT_MS[value.unit as RelativeUnit] > EVENT_HISTORY_DAYS * UNIT_MS.day
    ) {
      return { valid: false, errorMessage: `You can filter events for the last ${EVENT_HISTORY_DAYS} days.` };
    }
  }
  return { valid: true };
}
