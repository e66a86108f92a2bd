// Between the event selector editors and the API: form values → the advanced event selectors the console
// writes (docs/cloudtrail-facts.md#create-trail-and-trail-details), and a trail's selectors (basic or advanced) → form values.
// Template JSON is UNCONFIRMED (docs/cloudtrail-facts.md#trails-console): each template adds the one condition its name says.
import {
  FIELD_OPERATORS,
  MANAGEMENT_EVENTS_SELECTOR,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
  type InsightSelector,
} from '@/domain/event-selectors';
import { EXCLUDABLE_MANAGEMENT_SOURCES } from '@/domain/event-selector-rules';
import type { DataTemplate, NetworkTemplate } from './selector-options';
import type {
  ConditionValue,
  DataSelectorValue,
  NetworkSelectorValue,
  TrailFormValues,
} from './trail-form-values';

const [KMS_SOURCE, RDS_DATA_SOURCE] = EXCLUDABLE_MANAGEMENT_SOURCES;

const DATA_TEMPLATE_FIELDS: Record<Exclude<DataTemplate, 'custom'>, AdvancedFieldSelector[]> = {
  all: [],
  read: [{ Field: 'readOnly', Equals: ['true'] }],
  write: [{ Field: 'readOnly', Equals: ['false'] }],
  console: [{ Field: 'sessionCredentialFromConsole', Equals: ['true'] }],
  excludeService: [{ Field: 'eventType', NotEquals: ['AwsServiceEvent'] }],
};

const NETWORK_TEMPLATE_FIELDS: Record<Exclude<NetworkTemplate, 'custom'>, AdvancedFieldSelector[]> = {
  all: [],
  accessDenied: [{ Field: 'errorCode', Equals: ['VpceAccessDenied'] }],
};

/** Rows of (field, operator, value) → one field selector per field, its values grouped per operator. */
export function conditionsToFields(conditions: readonly ConditionValue[]): AdvancedFieldSelector[] {
  const fields = new Map<string, AdvancedFieldSelector>();
  for (const { field, operator, value } of conditions) {
    const selector = fields.get(field) ?? { Field: field };
    selector[operator] = [...(selector[operator] ?? []), value];
    fields.set(field, selector);
  }
  return [...fields.values()];
}

export function fieldsToConditions(fields: readonly AdvancedFieldSelector[]): ConditionValue[] {
  return fields.flatMap((field) =>
    FIELD_OPERATORS.flatMap((operator) =>
      (field[operator] ?? []).map((value) => ({ field: field.Field, operator, value })),
    ),
  );
}

const named = (name: string) => (name.trim() ? { Name: name.trim() } : {});

export function managementSelector(
  values: Pick<TrailFormValues, 'read' | 'write' | 'excludeKms' | 'excludeRdsData'>,
): AdvancedEventSelector {
  const fields: AdvancedFieldSelector[] = [...MANAGEMENT_EVENTS_SELECTOR.FieldSelectors];
  if (values.read !== values.write) fields.push({ Field: 'readOnly', Equals: [String(values.read)] });
  const excluded: string[] = [];
  if (values.excludeKms) excluded.push(KMS_SOURCE);
  if (values.excludeRdsData) excluded.push(RDS_DATA_SOURCE);
  if (excluded.length > 0) fields.push({ Field: 'eventSource', NotEquals: excluded });
  return { Name: MANAGEMENT_EVENTS_SELECTOR.Name, FieldSelectors: fields };
}

export function dataSelector(value: DataSelectorValue): AdvancedEventSelector {
  const extra =
    value.template === 'custom' ? conditionsToFields(value.conditions) : DATA_TEMPLATE_FIELDS[value.template];
  return {
    ...named(value.name),
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'resources.type', Equals: [value.resourceType] },
      ...extra,
    ],
  };
}

export function networkSelector(value: NetworkSelectorValue): AdvancedEventSelector {
  const extra =
    value.template === 'custom'
      ? conditionsToFields(value.conditions)
      : NETWORK_TEMPLATE_FIELDS[value.template];
  return {
    ...named(value.name),
    FieldSelectors: [
      { Field: 'eventCategory', Equals: ['NetworkActivity'] },
      { Field: 'eventSource', Equals: [value.eventSource] },
      ...extra,
    ],
  };
}

export type SelectorPart = 'management' | 'data' | 'network';

/** The selectors one part of the events form writes. */
export function partSelectors(values: TrailFormValues, part: SelectorPart): AdvancedEventSelector[] {
  if (part === 'management') return values.management ? [managementSelector(values)] : [];
  if (part === 'data') return values.data ? values.dataSelectors.map(dataSelector) : [];
  return values.network ? values.networkSelectors.map(networkSelector) : [];
}

export function formSelectors(values: TrailFormValues): AdvancedEventSelector[] {
  return [
    ...partSelectors(values, 'management'),
    ...partSelectors(values, 'data'),
    ...partSelectors(values, 'network'),
  ];
}

export function insightSelectors(values: TrailFormValues): InsightSelector[] {
  if (!values.insights) return [];
  const categories = values.insightCategories.length > 0 ? values.insightCategories : ['Management' as const];
  return [
    ...(values.apiCallRate
      ? [{ InsightType: 'ApiCallRateInsight' as const, EventCategories: categories }]
      : []),
    ...(values.apiErrorRate
      ? [{ InsightType: 'ApiErrorRateInsight' as const, EventCategories: categories }]
      : []),
  ];
}

// --- a trail's selectors → form values ---

const field = (selector: AdvancedEventSelector, name: string) =>
  selector.FieldSelectors.find((f) => f.Field === name);

export function selectorCategory(selector: AdvancedEventSelector): string | undefined {
  return field(selector, 'eventCategory')?.Equals?.[0];
}

/** Basic selectors as the advanced selectors that log the same events (API_EventSelector.html). */
export function basicToAdvanced(selectors: readonly EventSelector[]): AdvancedEventSelector[] {
  return selectors.flatMap((selector) => {
    const readOnly: AdvancedFieldSelector[] =
      selector.ReadWriteType === 'ReadOnly'
        ? [{ Field: 'readOnly', Equals: ['true'] }]
        : selector.ReadWriteType === 'WriteOnly'
          ? [{ Field: 'readOnly', Equals: ['false'] }]
          : [];
    const out: AdvancedEventSelector[] = [];
    if (selector.IncludeManagementEvents !== false) {
      const excluded = selector.ExcludeManagementEventSources ?? [];
      out.push({
        Name: MANAGEMENT_EVENTS_SELECTOR.Name,
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          ...readOnly,
          ...(excluded.length > 0 ? [{ Field: 'eventSource', NotEquals: excluded }] : []),
        ],
      });
    }
    for (const resource of selector.DataResources ?? []) {
      // `arn:aws:s3` and the like mean every resource of the type: no ARN condition.
      const values = (resource.Values ?? []).filter((v) => !/^arn:[^:]+:[^:]+(:::)?$/.test(v));
      out.push({
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: [resource.Type ?? ''] },
          ...readOnly,
          ...(values.length > 0 ? [{ Field: 'resources.ARN', StartsWith: values }] : []),
        ],
      });
    }
    return out;
  });
}

/** A trail's selectors in the advanced form: GetEventSelectors answers one kind or the other. */
export function trailAdvancedSelectors(output: {
  EventSelectors?: EventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}): AdvancedEventSelector[] {
  if (output.AdvancedEventSelectors && output.AdvancedEventSelectors.length > 0)
    return output.AdvancedEventSelectors;
  return basicToAdvanced(output.EventSelectors ?? []);
}

function sameFields(
  actual: readonly AdvancedFieldSelector[],
  expected: readonly AdvancedFieldSelector[],
): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function templateOf<T extends string>(
  rest: readonly AdvancedFieldSelector[],
  templates: Record<Exclude<T, 'custom'>, AdvancedFieldSelector[]>,
): T | 'custom' {
  const match = (Object.entries(templates) as Array<[T, AdvancedFieldSelector[]]>).find(([, fields]) =>
    sameFields(rest, fields),
  );
  return match ? match[0] : 'custom';
}

type EventsValues = Pick<
  TrailFormValues,
  | 'management'
  | 'data'
  | 'network'
  | 'read'
  | 'write'
  | 'excludeKms'
  | 'excludeRdsData'
  | 'dataSelectors'
  | 'networkSelectors'
>;

/** The events form as a trail's selectors fill it in; parts the trail does not log keep the defaults. */
export function selectorsToValues(
  selectors: readonly AdvancedEventSelector[],
  defaults: EventsValues,
): EventsValues {
  const values: EventsValues = { ...defaults, management: false, data: false, network: false };
  const management = selectors.filter((s) => selectorCategory(s) === 'Management');
  if (management.length > 0) {
    const readOnly = management.map((s) => field(s, 'readOnly')?.Equals?.[0]);
    const excluded = (source: string) =>
      management.every((s) => field(s, 'eventSource')?.NotEquals?.includes(source));
    Object.assign(values, {
      management: true,
      read: readOnly.some((r) => r !== 'false'),
      write: readOnly.some((r) => r !== 'true'),
      excludeKms: excluded(KMS_SOURCE),
      excludeRdsData: excluded(RDS_DATA_SOURCE),
    });
  }
  const data = selectors.filter((s) => selectorCategory(s) === 'Data');
  if (data.length > 0) {
    values.data = true;
    values.dataSelectors = data.map((s) => {
      const rest = s.FieldSelectors.filter(
        (f) => f.Field !== 'eventCategory' && f.Field !== 'resources.type',
      );
      const template = templateOf<DataTemplate>(rest, DATA_TEMPLATE_FIELDS);
      return {
        name: s.Name ?? '',
        resourceType: field(s, 'resources.type')?.Equals?.[0] ?? '',
        template,
        conditions: template === 'custom' ? fieldsToConditions(rest) : [],
      };
    });
  }
  const network = selectors.filter((s) => selectorCategory(s) === 'NetworkActivity');
  if (network.length > 0) {
    values.network = true;
    values.networkSelectors = network.map((s) => {
      const rest = s.FieldSelectors.filter((f) => f.Field !== 'eventCategory' && f.Field !== 'eventSource');
      const template = templateOf<NetworkTemplate>(rest, NETWORK_TEMPLATE_FIELDS);
      return {
        name: s.Name ?? '',
        eventSource: field(s, 'eventSource')?.Equals?.[0] ?? '',
        template,
        conditions: template === 'custom' ? fieldsToConditions(rest) : [],
      };
    });
  }
  return values;
}
