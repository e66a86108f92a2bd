// Event history's state in the URL, so a link shows the same view and Back works:
// `#/events?attr=EventName&value=ConsoleLogin&range=1h&page=2&refine={…}&view=scroll`.
// Parsed with zod; a parameter that does not parse falls back to its default, never to an error.
// zod/mini (the same package's tree-shakable API): the router parses every URL with it, so it is on the
// path of the first page, where classic zod's chained API cost ~25 KB gzip (`npm run bench`).
import * as z from 'zod/mini';
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey } from '@/domain/lookup-attributes';
import { EMPTY_REFINE, REFINE_OPERATORS, type RefineQuery } from '@/domain/refine';
import { parseTimeRange, type TimeRange } from './time-range';

/** `attr=none`: the user removed the default filter. No `attr`: the console's default, Read-only = false. */
export const NO_ATTRIBUTE = 'none';

/** The console opens Event history with read-only events hidden (docs/cloudtrail-facts.md#event-history-console). */
export const DEFAULT_ATTRIBUTE = { key: 'ReadOnly', value: 'false' } as const satisfies {
  key: LookupAttributeKey;
  value: string;
};

// TanStack Router reads search values as JSON, so `value=false` arrives as a boolean and `value=12` as a
// number: both are the text the user typed.
const text = (max: number) =>
  z.pipe(
    z.pipe(z.union([z.string(), z.number(), z.boolean()]), z.transform(String)),
    z.string().check(z.maxLength(max)),
  );
/** A parameter that does not parse is left out. */
const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const refineSchema = z.object({
  operation: z.catch(z.enum(['and', 'or']), 'and'),
  tokens: z
    .array(
      z.object({
        propertyKey: z.optional(z.string().check(z.maxLength(64))),
        operator: z.enum(REFINE_OPERATORS),
        value: text(2000),
      }),
    )
    .check(z.maxLength(50)),
});

export const eventsSearchSchema = z.object({
  attr: optional(z.enum([...LOOKUP_ATTRIBUTE_KEYS, NO_ATTRIBUTE])),
  value: optional(text(2000)),
  range: optional(z.string().check(z.refine((range) => parseTimeRange(range) !== undefined))),
  page: optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
  refine: optional(refineSchema),
  view: optional(z.enum(['table', 'scroll'])),
});

export type EventsSearch = z.infer<typeof eventsSearchSchema>;

/** validateSearch for `#/events`: never throws; drops what it cannot read. */
export function parseEventsSearch(search: Record<string, unknown>): EventsSearch {
  const parsed = z.catch(eventsSearchSchema, {}).parse(search);
  // Leave out absent keys so links stay short.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as EventsSearch;
}

export interface EventsView {
  /** The attribute shown in the select (may have no value yet). */
  attributeKey: LookupAttributeKey | undefined;
  /** The attribute LookupEvents gets: only with a value. */
  attribute: { key: LookupAttributeKey; value: string } | undefined;
  range: TimeRange | undefined;
  page: number;
  refine: RefineQuery;
  view: 'table' | 'scroll';
}

export function toEventsView(search: EventsSearch): EventsView {
  let attributeKey: LookupAttributeKey | undefined;
  let attribute: EventsView['attribute'];
  if (search.attr === undefined) {
    attributeKey = DEFAULT_ATTRIBUTE.key;
    attribute = DEFAULT_ATTRIBUTE;
  } else if (search.attr !== NO_ATTRIBUTE) {
    attributeKey = search.attr;
    if (search.value) attribute = { key: search.attr, value: search.value };
  }
  return {
    attributeKey,
    attribute,
    range: parseTimeRange(search.range),
    page: search.page ?? 1,
    refine: search.refine ?? EMPTY_REFINE,
    view: search.view ?? 'table',
  };
}
