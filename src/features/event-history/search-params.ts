// Event history's state in the URL, so a link shows the same view and Back works:
// `#/events?attr=EventName&value=ConsoleLogin&range=1h&page=2&refine={…}&view=scroll`.
// Parsed with zod; a parameter that does not parse falls back to its default, never to an error.
import { z } from 'zod';
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey } from '@/domain/lookup-attributes';
import { EMPTY_REFINE, REFINE_OPERATORS, type RefineQuery } from '@/domain/refine';
import { parseTimeRange, type TimeRange } from './time-range';

/** `attr=none`: the user removed the default filter. No `attr`: the console's default, Read-only = false. */
export const NO_ATTRIBUTE = 'none';

/** The console opens Event history with read-only events hidden (reference §1.3). */
export const DEFAULT_ATTRIBUTE = { key: 'ReadOnly', value: 'false' } as const satisfies {
  key: LookupAttributeKey;
  value: string;
};

// TanStack Router reads search values as JSON, so `value=false` arrives as a boolean and `value=12` as a
// number: both are the text the user typed.
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const refineSchema = z.object({
  operation: z.enum(['and', 'or']).catch('and'),
  tokens: z
    .array(
      z.object({
        propertyKey: z.string().max(64).optional(),
        operator: z.enum(REFINE_OPERATORS),
        value: text.pipe(z.string().max(2000)),
      }),
    )
    .max(50),
});

export const eventsSearchSchema = z.object({
  attr: z
    .enum([...LOOKUP_ATTRIBUTE_KEYS, NO_ATTRIBUTE])
    .optional()
    .catch(undefined),
  value: text.pipe(z.string().max(2000)).optional().catch(undefined),
  range: z
    .string()
    .refine((range) => parseTimeRange(range) !== undefined)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  refine: refineSchema.optional().catch(undefined),
  view: z.enum(['table', 'scroll']).optional().catch(undefined),
});

export type EventsSearch = z.infer<typeof eventsSearchSchema>;

/** validateSearch for `#/events`: never throws; drops what it cannot read. */
export function parseEventsSearch(search: Record<string, unknown>): EventsSearch {
  const parsed = eventsSearchSchema.catch({}).parse(search);
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
