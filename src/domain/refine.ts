// Refine: property filters over loaded LookupEvents results, on fields LookupEvents cannot filter (error
// code, source IP, Region, user agent, identity, event type and category, request parameters) and on the
// lookup attributes too, combined with AND or OR. Field values come from eventFields (CloudTrailEvent parsed
// once per event). For the page, a RefineIndex keeps one column per property (and a lower-cased one for
// "contains"), built on first use and extended as pages load, so a keystroke over 100,000 loaded events
// is one pass of string compares over arrays, with no JSON.parse and no per-event lookups.
import { eventFields, type EventFields, type LookupEventLike } from './event-fields';

/** = and != compare exactly (LookupEvents matches exactly, too); contains ignores case. */
export const REFINE_OPERATORS = ['=', '!=', ':', '!:'] as const;
export type RefineOperator = (typeof REFINE_OPERATORS)[number];

export interface RefineProperty {
  key: string;
  label: string;
  /** One value, or several for the multi-valued resource fields. */
  get: (fields: EventFields) => string | readonly string[];
}

type Value = string | readonly string[];

const one =
  (key: keyof Omit<EventFields, 'time' | 'record' | 'resourceTypes' | 'resourceNames'>) => (f: EventFields) =>
    f[key];

/** The fields Refine offers, labelled as the console labels its columns and CSV. */
export const REFINE_PROPERTIES: readonly RefineProperty[] = [
  { key: 'errorCode', label: 'Error code', get: one('errorCode') },
  { key: 'sourceIPAddress', label: 'Source IP address', get: one('sourceIPAddress') },
  { key: 'awsRegion', label: 'AWS region', get: one('awsRegion') },
  { key: 'userAgent', label: 'User agent', get: one('userAgent') },
  { key: 'userIdentityArn', label: 'User identity ARN', get: one('userIdentityArn') },
  { key: 'userIdentityType', label: 'User identity type', get: one('userIdentityType') },
  { key: 'eventType', label: 'Event type', get: one('eventType') },
  { key: 'eventCategory', label: 'Event category', get: one('eventCategory') },
  { key: 'requestParameters', label: 'Request parameters', get: one('requestParameters') },
  { key: 'errorMessage', label: 'Error message', get: one('errorMessage') },
  { key: 'eventName', label: 'Event name', get: one('eventName') },
  { key: 'eventSource', label: 'Event source', get: one('eventSource') },
  { key: 'username', label: 'User name', get: one('username') },
  { key: 'accessKeyId', label: 'AWS access key', get: one('accessKeyId') },
  { key: 'readOnly', label: 'Read-only', get: one('readOnly') },
  { key: 'resourceType', label: 'Resource type', get: (f) => f.resourceTypes },
  { key: 'resourceName', label: 'Resource name', get: (f) => f.resourceNames },
  { key: 'eventId', label: 'Event ID', get: one('eventId') },
];

const PROPERTY_BY_KEY = new Map(REFINE_PROPERTIES.map((p) => [p.key, p]));

/** Properties whose values are worth suggesting (few distinct values); the others are free text. */
export const SUGGESTED_PROPERTY_KEYS = [
  'errorCode',
  'awsRegion',
  'userIdentityType',
  'eventType',
  'eventCategory',
  'eventName',
  'eventSource',
  'username',
  'readOnly',
  'resourceType',
  'sourceIPAddress',
] as const;

/** The Cloudscape PropertyFilter query shape, kept structural so the domain needs no UI import. */
export interface RefineToken {
  /** Absent: free text, matched (contains, ignoring case) against every field. */
  propertyKey?: string;
  operator: string;
  value: string;
}

export interface RefineQuery {
  operation: 'and' | 'or';
  tokens: readonly RefineToken[];
}

export const EMPTY_REFINE: RefineQuery = { operation: 'and', tokens: [] };

export type EventPredicate = (event: LookupEventLike) => boolean;

type FieldsPredicate = (fields: EventFields) => boolean;

function valuesOf(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? (value ? [value] : []) : value;
}

function includesIgnoringCase(values: readonly string[], needle: string): boolean {
  for (const value of values) if (value.toLowerCase().includes(needle)) return true;
  return false;
}

const haystacks = new WeakMap<EventFields, string>();

/** Every field's values, lower-cased and joined by a separator no needle can span; built once per event. */
function haystack(fields: EventFields): string {
  let text = haystacks.get(fields);
  if (text === undefined) {
    text = REFINE_PROPERTIES.flatMap((p) => valuesOf(p.get(fields)))
      .join('\u0000')
      .toLowerCase();
    haystacks.set(fields, text);
  }
  return text;
}

function compileToken(token: RefineToken): FieldsPredicate {
  const operator = token.operator as RefineOperator;
  const needle = token.value.toLowerCase();
  if (!token.propertyKey) {
    // Free text: any field contains it (the record's request parameters included).
    const any = (f: EventFields) => haystack(f).includes(needle);
    return operator === '!:' || operator === '!=' ? (f) => !any(f) : any;
  }
  const property = PROPERTY_BY_KEY.get(token.propertyKey);
  if (!property) return () => false;
  const get = property.get;
  const exact = token.value;
  switch (operator) {
    case '=':
      return (f) => valuesOf(get(f)).includes(exact);
    case '!=':
      return (f) => !valuesOf(get(f)).includes(exact);
    case ':':
      return (f) => includesIgnoringCase(valuesOf(get(f)), needle);
    case '!:':
      return (f) => !includesIgnoringCase(valuesOf(get(f)), needle);
    default:
      return () => false;
  }
}

/** Compiles a query once; undefined when it has no tokens (everything matches). */
export function compileRefine(query: RefineQuery): EventPredicate | undefined {
  if (query.tokens.length === 0) return undefined;
  const predicates = query.tokens.map(compileToken);
  if (query.operation === 'or') {
    return (event) => {
      const fields = eventFields(event);
      for (const predicate of predicates) if (predicate(fields)) return true;
      return false;
    };
  }
  return (event) => {
    const fields = eventFields(event);
    for (const predicate of predicates) if (!predicate(fields)) return false;
    return true;
  };
}

/**
 * The loaded events of one lookup, with their refine columns. `append` adds pages as they arrive; a
 * column is built the first time a query uses its property and extended on later queries.
 */
export interface RefineIndex<T extends LookupEventLike> {
  readonly events: readonly T[];
  append(events: readonly T[]): void;
  filter(query: RefineQuery): T[];
}

const ANY_FIELD = '*';

export function createRefineIndex<T extends LookupEventLike>(initial: readonly T[] = []): RefineIndex<T> {
  const events: T[] = [];
  const fields: EventFields[] = [];
  const exact = new Map<string, Value[]>();
  const lower = new Map<string, Value[]>();

  function extend(columns: Map<string, Value[]>, key: string, read: (f: EventFields) => Value): Value[] {
    let column = columns.get(key);
    if (!column) columns.set(key, (column = []));
    for (let i = column.length; i < fields.length; i++) column.push(read(fields[i]!));
    return column;
  }
  const lowerValue = (value: Value): Value =>
    typeof value === 'string' ? value.toLowerCase() : value.map((v) => v.toLowerCase());

  function test(token: RefineToken): (i: number) => boolean {
    const operator = token.operator as RefineOperator;
    const negate = operator === '!=' || operator === '!:';
    if (!token.propertyKey) {
      const column = extend(lower, ANY_FIELD, haystack) as string[];
      const needle = token.value.toLowerCase();
      return negate ? (i) => !column[i]!.includes(needle) : (i) => column[i]!.includes(needle);
    }
    const property = PROPERTY_BY_KEY.get(token.propertyKey);
    if (!property || !(REFINE_OPERATORS as readonly string[]).includes(operator)) return () => false;
    const contains = operator === ':' || operator === '!:';
    const column = contains
      ? extend(lower, property.key, (f) => lowerValue(property.get(f)))
      : extend(exact, property.key, property.get);
    const value = contains ? token.value.toLowerCase() : token.value;
    const match = contains
      ? (v: Value) => (typeof v === 'string' ? v.includes(value) : v.some((x) => x.includes(value)))
      : (v: Value) => (typeof v === 'string' ? v === value : v.includes(value));
    return negate ? (i) => !match(column[i]!) : (i) => match(column[i]!);
  }

  const index: RefineIndex<T> = {
    events,
    append(more) {
      for (const event of more) {
        events.push(event);
        fields.push(eventFields(event));
      }
    },
    filter(query) {
      if (query.tokens.length === 0) return events.slice();
      const tests = query.tokens.map(test);
      const out: T[] = [];
      const any = query.operation === 'or';
      for (let i = 0; i < events.length; i++) {
        let keep = !any;
        for (const t of tests) {
          if (t(i) === any) {
            keep = any;
            break;
          }
        }
        if (keep) out.push(events[i]!);
      }
      return out;
    },
  };
  index.append(initial);
  return index;
}

export function refineEvents<T extends LookupEventLike>(events: readonly T[], query: RefineQuery): T[] {
  return createRefineIndex(events).filter(query);
}

/** Distinct values of the suggested properties among the loaded events, for the filter's suggestions. */
export function refineSuggestions(
  events: readonly LookupEventLike[],
  perProperty = 50,
): Array<{ propertyKey: string; value: string }> {
  const out: Array<{ propertyKey: string; value: string }> = [];
  for (const key of SUGGESTED_PROPERTY_KEYS) {
    const get = PROPERTY_BY_KEY.get(key)!.get;
    const seen = new Set<string>();
    for (const event of events) {
      for (const value of valuesOf(get(eventFields(event)))) {
        if (seen.size >= perProperty) break;
        seen.add(value);
      }
      if (seen.size >= perProperty) break;
    }
    for (const value of [...seen].sort()) out.push({ propertyKey: key, value });
  }
  return out;
}
