// Trail event selectors: the shapes (API_EventSelector.html, API_AdvancedEventSelector.html) and what they
// mean — "does this trail log this event". Evaluation semantics (docs/cloudtrail-facts.md#trails,
// filtering-data-events.html#filtering-data-events-conditions): within a field, Equals/StartsWith/EndsWith
// are OR'd and NotEquals/NotStartsWith/NotEndsWith are AND'd; fields of a selector are AND'd; an event is
// logged when any selector matches.
import type { CloudTrailRecord } from './record';

export type ReadWriteType = 'ReadOnly' | 'WriteOnly' | 'All';

export interface DataResource {
  Type?: string;
  Values?: string[];
}

export interface EventSelector {
  ReadWriteType?: ReadWriteType;
  IncludeManagementEvents?: boolean;
  DataResources?: DataResource[];
  ExcludeManagementEventSources?: string[];
}

export const SELECT_OPERATORS = ['Equals', 'StartsWith', 'EndsWith'] as const;
export const DESELECT_OPERATORS = ['NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
export const FIELD_OPERATORS = [...SELECT_OPERATORS, ...DESELECT_OPERATORS] as const;
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

export type AdvancedFieldSelector = { Field: string } & { [Op in FieldOperator]?: string[] };

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

export type InsightType = 'ApiCallRateInsight' | 'ApiErrorRateInsight';
export type InsightEventCategory = 'Management' | 'Data';

export interface InsightSelector {
  InsightType: InsightType;
  EventCategories?: InsightEventCategory[];
}

/** A trail's selectors as stored: at most one kind is set; neither means the API default. */
export interface TrailSelectors {
  eventSelectors?: EventSelector[];
  advancedEventSelectors?: AdvancedEventSelector[];
}

/**
 * "By default, trails created without specific event selectors will be configured to log all read and
 * write management events, and no data events" (API_EventSelector.html). GetEventSelectors returns it in
 * the basic form for trails created through the API (docs/cloudtrail-facts.md#trails; its exact form is not documented).
 */
export const DEFAULT_EVENT_SELECTORS: readonly EventSelector[] = [
  {
    ReadWriteType: 'All',
    IncludeManagementEvents: true,
    DataResources: [],
    ExcludeManagementEventSources: [],
  },
];

/** The advanced form the console writes for Read + Write management events (docs/cloudtrail-facts.md#create-trail-and-trail-details). */
export const MANAGEMENT_EVENTS_SELECTOR: AdvancedEventSelector = {
  Name: 'Management events selector',
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
};

export function recordCategory(record: CloudTrailRecord): string {
  return record.eventCategory ?? (record.managementEvent === false ? 'Data' : 'Management');
}

const OPERATOR_TESTS: Record<FieldOperator, (value: string, operand: string) => boolean> = {
  Equals: (v, o) => v === o,
  StartsWith: (v, o) => v.startsWith(o),
  EndsWith: (v, o) => v.endsWith(o),
  NotEquals: (v, o) => v === o,
  NotStartsWith: (v, o) => v.startsWith(o),
  NotEndsWith: (v, o) => v.endsWith(o),
};

/** Whether the values a record has for one field pass that field's conditions. */
export function fieldMatches(field: AdvancedFieldSelector, values: readonly string[]): boolean {
  const selects = SELECT_OPERATORS.filter((op) => field[op] && field[op].length > 0);
  if (selects.length > 0) {
    const selected = values.some((v) =>
      selects.some((op) => field[op]!.some((o) => OPERATOR_TESTS[op](v, o))),
    );
    if (!selected) return false;
  }
  return !DESELECT_OPERATORS.some((op) =>
    field[op]?.some((o) => values.some((v) => OPERATOR_TESTS[op](v, o))),
  );
}

function fieldValues(
  record: CloudTrailRecord,
  field: string,
  resourceTypes: readonly string[] | undefined,
): string[] {
  const one = (value: string | boolean | undefined) => (value === undefined ? [] : [String(value)]);
  const resources = (record.resources ?? []).filter(
    (r) => !resourceTypes || (r.type !== undefined && resourceTypes.includes(r.type)),
  );
  switch (field) {
    case 'eventCategory':
      return [recordCategory(record)];
    case 'readOnly':
      return one(record.readOnly);
    case 'eventSource':
    case 'eventName':
    case 'eventType':
    case 'errorCode':
    case 'vpcEndpointId':
    case 'sessionCredentialFromConsole':
      return one(record[field]);
    case 'userIdentity.arn':
      return one(record.userIdentity?.arn);
    case 'resources.type':
      return (record.resources ?? []).flatMap((r) => one(r.type));
    case 'resources.ARN':
      return resources.flatMap((r) => one(r.ARN));
    default:
      return [];
  }
}

export function advancedSelectorMatches(selector: AdvancedEventSelector, record: CloudTrailRecord): boolean {
  // resources.ARN conditions apply to the resources of the selected type (an S3 object, not its bucket).
  const typeField = selector.FieldSelectors.find((f) => f.Field === 'resources.type');
  const resourceTypes = typeField?.Equals;
  return selector.FieldSelectors.every((f) => fieldMatches(f, fieldValues(record, f.Field, resourceTypes)));
}

function readWriteMatches(type: ReadWriteType | undefined, readOnly: boolean | undefined): boolean {
  if (type === undefined || type === 'All') return true;
  return type === 'ReadOnly' ? readOnly === true : readOnly !== true;
}

/** `arn:aws:s3` and the like name every resource of the type; other values are ARN prefixes. */
function dataResourceMatches(value: string, arn: string, type: string): boolean {
  if (type === 'AWS::S3::Object') return arn.startsWith(value);
  if (/^arn:[^:]+:[^:]+:?$/.test(value)) return arn.startsWith(value);
  return arn === value || arn.startsWith(`${value}:`);
}

export function basicSelectorMatches(selector: EventSelector, record: CloudTrailRecord): boolean {
  if (!readWriteMatches(selector.ReadWriteType, record.readOnly)) return false;
  const category = recordCategory(record);
  if (category === 'Management') {
    if (selector.IncludeManagementEvents === false) return false;
    return !(selector.ExcludeManagementEventSources ?? []).includes(record.eventSource);
  }
  if (category !== 'Data') return false; // basic selectors cannot log network activity events
  return (selector.DataResources ?? []).some((resource) =>
    (record.resources ?? []).some(({ type, ARN: arn }) => {
      if (type === undefined || arn === undefined || type !== resource.Type) return false;
      return (resource.Values ?? []).some((v) => dataResourceMatches(v, arn, type));
    }),
  );
}

/** Does a trail with these selectors log this event? (Insights events are not selected this way.) */
export function trailLogsEvent(trail: TrailSelectors, record: CloudTrailRecord): boolean {
  if (trail.advancedEventSelectors && trail.advancedEventSelectors.length > 0) {
    return trail.advancedEventSelectors.some((s) => advancedSelectorMatches(s, record));
  }
  const basic =
    trail.eventSelectors && trail.eventSelectors.length > 0 ? trail.eventSelectors : DEFAULT_EVENT_SELECTORS;
  return basic.some((s) => basicSelectorMatches(s, record));
}

/**
 * Whether a trail logs at least some read (or write) events of a category — what the Insights types
 * require: "You must be logging Write management events to log Insights events for API call rate.
 * You must be logging Read or Write management events to log Insights events for API error rate."
 */
export function trailLogsCategory(
  trail: TrailSelectors,
  category: InsightEventCategory,
  access: 'read' | 'write',
): boolean {
  const readOnly = access === 'read' ? 'true' : 'false';
  if (trail.advancedEventSelectors && trail.advancedEventSelectors.length > 0) {
    return trail.advancedEventSelectors.some((s) => {
      const field = (name: string) => s.FieldSelectors.find((f) => f.Field === name);
      const categoryField = field('eventCategory');
      if (!categoryField || !fieldMatches(categoryField, [category])) return false;
      const readOnlyField = field('readOnly');
      return !readOnlyField || fieldMatches(readOnlyField, [readOnly]);
    });
  }
  const basic =
    trail.eventSelectors && trail.eventSelectors.length > 0 ? trail.eventSelectors : DEFAULT_EVENT_SELECTORS;
  return basic.some((s) => {
    if (!readWriteMatches(s.ReadWriteType, access === 'read')) return false;
    return category === 'Management'
      ? s.IncludeManagementEvents !== false
      : (s.DataResources ?? []).length > 0;
  });
}

/**
 * The Insights prerequisite a trail's selectors break for one Insights type and category, as a sentence,
 * or undefined (docs/cloudtrail-facts.md#create-trail-and-trail-details): call rate needs Write events logged, error rate Read or Write events.
 */
export function insightPrerequisiteError(
  trail: TrailSelectors,
  insightType: 'ApiCallRateInsight' | 'ApiErrorRateInsight',
  category: InsightEventCategory,
): string | undefined {
  const events = category === 'Management' ? 'management' : 'data';
  const write = trailLogsCategory(trail, category, 'write');
  if (insightType === 'ApiCallRateInsight') {
    return write
      ? undefined
      : `You must be logging Write ${events} events to log Insights events for API call rate.`;
  }
  return write || trailLogsCategory(trail, category, 'read')
    ? undefined
    : `You must be logging Read or Write ${events} events to log Insights events for API error rate.`;
}
