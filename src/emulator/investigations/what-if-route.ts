// `GET …/trailview/what-if?region=<Region>&selection=<JSON>`: how many of the last WHAT_IF_DAYS days' stored
// events of one Region a trail selection would have delivered, and which event names it drops, decided by
// the same function as log file delivery (domain/trail-selection.ts). The selection is the trail's
// HomeRegion, IsMultiRegionTrail, IncludeGlobalServiceEvents and its selectors, as the trail forms hold them.
import {
  FIELD_OPERATORS,
  type AdvancedEventSelector,
  type EventSelector,
  type InsightSelector,
} from '@/domain/event-selectors';
import type { AnyRecord } from '@/domain/record';
import {
  groupsWhatIf,
  WHAT_IF_DAYS,
  WHAT_IF_TOP_NAMES,
  type RecordGroup,
  type SelectingTrail,
  type WhatIfReport,
} from '@/domain/trail-selection';
import { isRegionName } from '@/domain/aws-region';

const MAX_SELECTION_CHARS = 64 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);

function isAdvancedSelector(value: unknown): value is AdvancedEventSelector {
  if (!isObject(value) || !optional(value.Name, (n) => typeof n === 'string')) return false;
  const fields = value.FieldSelectors;
  return (
    Array.isArray(fields) &&
    fields.every(
      (f) =>
        isObject(f) &&
        typeof f.Field === 'string' &&
        FIELD_OPERATORS.every((op) => optional(f[op], isStrings)) &&
        Object.keys(f).every((k) => k === 'Field' || (FIELD_OPERATORS as readonly string[]).includes(k)),
    )
  );
}

function isBasicSelector(value: unknown): value is EventSelector {
  return (
    isObject(value) &&
    optional(value.ReadWriteType, (v) => v === 'ReadOnly' || v === 'WriteOnly' || v === 'All') &&
    optional(value.IncludeManagementEvents, (v) => typeof v === 'boolean') &&
    optional(value.ExcludeManagementEventSources, isStrings) &&
    optional(
      value.DataResources,
      (v) =>
        Array.isArray(v) &&
        v.every(
          (r) =>
            isObject(r) && optional(r.Type, (t) => typeof t === 'string') && optional(r.Values, isStrings),
        ),
    )
  );
}

function isInsightSelector(value: unknown): value is InsightSelector {
  return (
    isObject(value) &&
    (value.InsightType === 'ApiCallRateInsight' || value.InsightType === 'ApiErrorRateInsight') &&
    optional(
      value.EventCategories,
      (v) => Array.isArray(v) && v.every((c) => c === 'Management' || c === 'Data'),
    )
  );
}

/** The selection in the request, or why it is not one. */
export function parseSelection(raw: string | null): SelectingTrail | string {
  if (!raw) return 'Give the selection to evaluate.';
  if (raw.length > MAX_SELECTION_CHARS) return 'The selection is too long.';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'The selection is not JSON.';
  }
  if (!isObject(value)) return 'The selection is not an object.';
  if (typeof value.HomeRegion !== 'string' || !isRegionName(value.HomeRegion))
    return 'The selection has no valid HomeRegion.';
  if (typeof value.IsMultiRegionTrail !== 'boolean' || typeof value.IncludeGlobalServiceEvents !== 'boolean')
    return 'The selection needs IsMultiRegionTrail and IncludeGlobalServiceEvents.';
  const { eventSelectors, advancedEventSelectors, insightSelectors } = value;
  if (!optional(eventSelectors, (v) => Array.isArray(v) && v.every(isBasicSelector)))
    return 'The selection has invalid event selectors.';
  if (!optional(advancedEventSelectors, (v) => Array.isArray(v) && v.every(isAdvancedSelector)))
    return 'The selection has invalid advanced event selectors.';
  if (!optional(insightSelectors, (v) => Array.isArray(v) && v.every(isInsightSelector)))
    return 'The selection has invalid Insights selectors.';
  if (eventSelectors !== undefined && advancedEventSelectors !== undefined)
    return 'A selection has either event selectors or advanced event selectors, not both.';
  return {
    HomeRegion: value.HomeRegion,
    IsMultiRegionTrail: value.IsMultiRegionTrail,
    IncludeGlobalServiceEvents: value.IncludeGlobalServiceEvents,
    ...(eventSelectors !== undefined && { eventSelectors: eventSelectors as EventSelector[] }),
    ...(advancedEventSelectors !== undefined && {
      advancedEventSelectors: advancedEventSelectors as AdvancedEventSelector[],
    }),
    ...(insightSelectors !== undefined && { insightSelectors: insightSelectors as InsightSelector[] }),
  };
}

export const parseRegion = (raw: string | null): string | undefined =>
  raw && isRegionName(raw) ? raw : undefined;

/** The start of the what-if's window that ends at `now`. */
export const whatIfWindowStart = (now: number) => now - WHAT_IF_DAYS * 86_400_000;

/** The records of `region` from `from` to `to`, each a group of one (a store that cannot group them). */
export async function windowRecords(
  records: AsyncIterable<AnyRecord> | Iterable<AnyRecord>,
  region: string,
  from: number,
  to: number,
): Promise<RecordGroup[]> {
  const out: RecordGroup[] = [];
  for await (const record of records) {
    if (record.awsRegion !== region) continue;
    const time = Date.parse(record.eventTime);
    if (time >= from && time <= to) out.push({ record, count: 1 });
  }
  return out;
}

export function whatIfReport(
  selection: SelectingTrail,
  groups: readonly RecordGroup[],
  now: number,
): WhatIfReport {
  const result = groupsWhatIf(selection, groups);
  return {
    selected: result.delivered,
    total: result.delivered + result.dropped,
    dropped: result.droppedNames.slice(0, WHAT_IF_TOP_NAMES),
    droppedNames: result.droppedNames.length,
    from: new Date(whatIfWindowStart(now)).toISOString(),
    to: new Date(now).toISOString(),
  };
}
