// The Insights list's filter and time range, kept in the URL (docs/conventions.md) so a filtered list can be shared:
// `#/insights?attribute=EventName&value=SendCommand&last=1-day` or `…&from=<ISO>&to=<ISO>`. Values that
// do not parse are dropped, falling back to the unfiltered list.
import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
// zod/mini: the router validates every URL with it, so it loads with the first page of any route.
import * as z from 'zod/mini';
import type { InsightListFilter, InsightLookupKey } from '@/api/insight-queries';
import { INSIGHT_LOOKUP_ATTRIBUTE_KEYS, LOOKUP_ATTRIBUTE_LABELS } from '@/domain/lookup-attributes';
const TIME_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
type TimeUnit = (typeof TIME_UNITS)[number];

const UNIT_MS: Record<TimeUnit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

const LAST = new RegExp(`^(\\d{1,6})-(${TIME_UNITS.join('|')})$`);

// The router JSON-parses search values, so `value=123` arrives as a number: take it as its text.
const text = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : value,
  ),
  z.string().check(z.minLength(1), z.maxLength(2000)),
);
const isoTime = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));
/** A parameter that does not parse is left out. */
const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const searchSchema = z.object({
  attribute: optional(z.enum(INSIGHT_LOOKUP_ATTRIBUTE_KEYS)),
  value: optional(text),
  last: optional(z.string().check(z.regex(LAST))),
  from: optional(isoTime),
  to: optional(isoTime),
});

export type InsightsSearch = z.infer<typeof searchSchema>;

/** validateSearch of the #/insights route. */
export function parseInsightsSearch(search: Record<string, unknown>): InsightsSearch {
  const parsed = searchSchema.parse(search);
  const out: InsightsSearch = {};
  if (parsed.attribute) out.attribute = parsed.attribute;
  if (parsed.value) out.value = parsed.value;
  if (parsed.last) out.last = parsed.last;
  else if (parsed.from && parsed.to && Date.parse(parsed.from) < Date.parse(parsed.to)) {
    out.from = parsed.from;
    out.to = parsed.to;
  }
  return out;
}

/** The picker's value for the URL's range (null = no time range). */
export function rangeFromSearch(search: InsightsSearch): DateRangePickerProps.Value | null {
  const match = search.last ? LAST.exec(search.last) : null;
  if (match) {
    const amount = Number(match[1]);
    const unit = match[2] as TimeUnit;
    const preset = RELATIVE_OPTIONS.find((option) => option.amount === amount && option.unit === unit);
    return { type: 'relative', amount, unit, ...(preset ? { key: preset.key } : {}) };
  }
  if (search.from && search.to) return { type: 'absolute', startDate: search.from, endDate: search.to };
  return null;
}

/** The URL's range for a picker value. */
export function searchFromRange(
  value: DateRangePickerProps.Value | null,
): Pick<InsightsSearch, 'last' | 'from' | 'to'> {
  if (!value) return {};
  if (value.type === 'relative') return { last: `${value.amount}-${value.unit}` };
  return { from: new Date(value.startDate).toISOString(), to: new Date(value.endDate).toISOString() };
}

/** LookupEvents' StartTime/EndTime for the URL's range; a relative range ends now (no EndTime). */
export function timeWindow(
  search: InsightsSearch,
  now: number,
): Pick<InsightListFilter, 'startTime' | 'endTime'> {
  const range = rangeFromSearch(search);
  if (!range) return {};
  if (range.type === 'relative') {
    return { startTime: new Date(now - range.amount * UNIT_MS[range.unit]).toISOString() };
  }
  return {
    startTime: new Date(range.startDate).toISOString(),
    endTime: new Date(range.endDate).toISOString(),
  };
}

/** "Relative range" presets of the Insights page (docs/cloudtrail-facts.md#insights-console). */
export const RELATIVE_OPTIONS: DateRangePickerProps.RelativeOption[] = [
  { key: 'previous-30-minutes', amount: 30, unit: 'minute', type: 'relative' },
  { key: 'previous-1-hour', amount: 1, unit: 'hour', type: 'relative' },
  { key: 'previous-12-hours', amount: 12, unit: 'hour', type: 'relative' },
  { key: 'previous-1-day', amount: 1, unit: 'day', type: 'relative' },
];

/** Insights events are kept 90 days, like Event history (docs/cloudtrail-facts.md#insights-console). */
export const isValidRange: DateRangePickerProps.ValidationFunction = (range) => {
  if (range?.type === 'absolute') {
    const start = Date.parse(range.startDate);
    const end = Date.parse(range.endDate);
    if (Number.isNaN(start) || Number.isNaN(end)) {
      return { valid: false, errorMessage: 'Enter a start and an end date and time.' };
    }
    if (start >= end) return { valid: false, errorMessage: 'The start date must be before the end date.' };
  }
  if (range?.type === 'relative' && !(range.amount > 0)) {
    return { valid: false, errorMessage: 'Enter a duration greater than 0.' };
  }
  return { valid: true };
};

/** The lookup attributes of the Insights filter: Event name, Event source, Event ID (docs/cloudtrail-facts.md#insights-console). */
export const LOOKUP_OPTIONS: Array<{ value: InsightLookupKey; label: string }> =
  INSIGHT_LOOKUP_ATTRIBUTE_KEYS.map((key) => ({ value: key, label: LOOKUP_ATTRIBUTE_LABELS[key] }));
