// What PutEventSelectors accepts for a trail (and Create/UpdateEventDataStore for a store), shared by the
// selector editors and the emulator's InvalidEventSelectorsException. Limits: WhatIsCloudTrail-Limits.html (5 selectors per trail, 500 values
// across all advanced selectors, 250 data resources); field/operator matrix: API_AdvancedFieldSelector.html
// (docs/cloudtrail-facts.md#trails). Each function returns the first problem as a sentence, or undefined.
import {
  FIELD_OPERATORS,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
} from './event-selectors';

export const MAX_EVENT_SELECTORS = 5;
export const MAX_ADVANCED_VALUES = 500;
export const MAX_DATA_RESOURCES = 250;
export const SELECTOR_NAME_MAX = 1000;
export const FIELD_VALUE_MAX = 2048;

export const READ_WRITE_TYPES = ['ReadOnly', 'WriteOnly', 'All'] as const;
export const DATA_RESOURCE_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::Lambda::Function',
  'AWS::S3::Object',
] as const;
export const EXCLUDABLE_MANAGEMENT_SOURCES = ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] as const;
export const TRAIL_EVENT_CATEGORIES = ['Management', 'Data', 'NetworkActivity'] as const;
/** Categories only an event data store's selectors may name; such a selector has eventCategory alone. */
export const EDS_ONLY_EVENT_CATEGORIES = [
  'Insight',
  'ConfigurationItem',
  'Evidence',
  'ActivityAuditLog',
] as const;

/** Whose selectors are checked: a trail's (PutEventSelectors) or an event data store's. */
export type SelectorOwner = 'trail' | 'event data store';
const OWNER_PHRASE: Record<SelectorOwner, string> = {
  trail: 'a trail',
  'event data store': 'an event data store',
};
const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

const SELECTOR_FIELD = /^[\w|.]+$/; // SelectorField pattern `[\w|\d|\.|_]+`

/** Per event category: the fields a trail selector may use and the operators each allows (§4.8 matrix). */
const ANY = FIELD_OPERATORS;
const TRAIL_FIELD_RULES: Record<string, Record<string, readonly string[]>> = {
  Management: { eventCategory: ['Equals'], readOnly: ['Equals'], eventSource: ['NotEquals'] },
  Data: {
    eventCategory: ['Equals'],
    'resources.type': ['Equals'],
    readOnly: ['Equals'],
    eventSource: ANY,
    eventName: ANY,
    'resources.ARN': ANY,
    eventType: ANY,
    sessionCredentialFromConsole: ['Equals', 'NotEquals'],
    'userIdentity.arn': ANY,
  },
  NetworkActivity: {
    eventCategory: ['Equals'],
    eventSource: ['Equals'],
    eventName: ANY,
    errorCode: ['Equals'],
    vpcEndpointId: ANY,
    'userIdentity.arn': ANY,
  },
};

/** An event data store's: management events also by name, type, console session and caller ARN, from any source. */
const EDS_FIELD_RULES: Record<string, Record<string, readonly string[]>> = {
  ...TRAIL_FIELD_RULES,
  Management: {
    eventCategory: ['Equals'],
    readOnly: ['Equals'],
    eventSource: ANY,
    eventName: ANY,
    eventType: ANY,
    sessionCredentialFromConsole: ['Equals', 'NotEquals'],
    'userIdentity.arn': ANY,
  },
  ...Object.fromEntries(
    EDS_ONLY_EVENT_CATEGORIES.map((category) => [category, { eventCategory: ['Equals'] }]),
  ),
};

// "Observed" S3/Lambda/DynamoDB value forms (API_DataResource.html): the all-resources prefix or an ARN.
const DATA_VALUE_PATTERNS: Record<string, RegExp> = {
  'AWS::S3::Object': /^arn:aws[a-z-]*:s3(:::)?$|^arn:aws[a-z-]*:s3:::[a-zA-Z0-9._-]{3,63}\/[^*]*$/,
  'AWS::Lambda::Function':
    /^arn:aws[a-z-]*:lambda$|^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/,
  'AWS::DynamoDB::Table':
    /^arn:aws[a-z-]*:dynamodb$|^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[\w.-]+$/,
};
const ALL_RESOURCES = /^arn:aws[a-z-]*:[a-z0-9]+(:::)?$/;

function countError(count: number, owner: SelectorOwner = 'trail'): string | undefined {
  if (count < 1 || count > MAX_EVENT_SELECTORS) {
    return `${capitalised(OWNER_PHRASE[owner])} can have 1 to ${MAX_EVENT_SELECTORS} event selectors; ${count} were specified.`;
  }
  return undefined;
}

export function eventSelectorsError(selectors: readonly EventSelector[]): string | undefined {
  const count = countError(selectors.length);
  if (count) return count;
  let dataResources = 0;
  for (const selector of selectors) {
    const type = selector.ReadWriteType;
    if (type !== undefined && !(READ_WRITE_TYPES as readonly string[]).includes(type)) {
      return `Value ${type} for ReadWriteType is invalid. Valid values are: ${READ_WRITE_TYPES.join(', ')}`;
    }
    for (const source of selector.ExcludeManagementEventSources ?? []) {
      if (!(EXCLUDABLE_MANAGEMENT_SOURCES as readonly string[]).includes(source)) {
        return `Value ${source} for ExcludeManagementEventSources is invalid. Valid values are: ${EXCLUDABLE_MANAGEMENT_SOURCES.join(', ')}`;
      }
    }
    for (const resource of selector.DataResources ?? []) {
      // Real message (docs/cloudtrail-facts.md#trails): "Value AWS::S3::Bucket for DataResources.Type is invalid. Valid values are: …"
      if (!resource.Type || !(DATA_RESOURCE_TYPES as readonly string[]).includes(resource.Type)) {
        return `Value ${resource.Type ?? ''} for DataResources.Type is invalid. Valid values are: ${DATA_RESOURCE_TYPES.join(', ')}`;
      }
      const values = resource.Values ?? [];
      if (values.length === 0) return `DataResources of type ${resource.Type} must list at least one value.`;
      for (const value of values) {
        // Real message (docs/cloudtrail-facts.md#trails): "Value arn:aws:s3:::*/* for DataResources.Values is invalid."
        if (!DATA_VALUE_PATTERNS[resource.Type]!.test(value))
          return `Value ${value} for DataResources.Values is invalid.`;
        if (!ALL_RESOURCES.test(value)) dataResources++;
      }
    }
  }
  if (dataResources > MAX_DATA_RESOURCES) {
    return `A trail is limited to ${MAX_DATA_RESOURCES} data resources across all event selectors; ${dataResources} were specified.`;
  }
  return undefined;
}

function fieldShapeError(field: AdvancedFieldSelector): string | undefined {
  if (!field.Field || field.Field.length > 1000 || !SELECTOR_FIELD.test(field.Field)) {
    return `Field ${field.Field} is not a valid field name.`;
  }
  const operators = FIELD_OPERATORS.filter((op) => field[op] !== undefined);
  if (operators.length === 0) return `Field ${field.Field} must have at least one operator, such as Equals.`;
  for (const op of operators) {
    const values = field[op]!;
    if (values.length === 0)
      return `The ${op} operator of field ${field.Field} must have at least one value.`;
    if (values.some((v) => v.length < 1 || v.length > FIELD_VALUE_MAX)) {
      return `Values of field ${field.Field} must be between 1 and ${FIELD_VALUE_MAX} characters.`;
    }
  }
  return undefined;
}

function selectorError(selector: AdvancedEventSelector, owner: SelectorOwner): string | undefined {
  const label = selector.Name ? `Advanced event selector ${selector.Name}` : 'An advanced event selector';
  if ((selector.Name ?? '').length > SELECTOR_NAME_MAX) {
    return `Selector names must be ${SELECTOR_NAME_MAX} characters or fewer.`;
  }
  if (selector.FieldSelectors.length === 0) return `${label} must have at least one field selector.`;
  const seen = new Set<string>();
  for (const field of selector.FieldSelectors) {
    const shape = fieldShapeError(field);
    if (shape) return shape;
    if (seen.has(field.Field)) return `${label} uses the field ${field.Field} more than once.`;
    seen.add(field.Field);
  }
  const field = (name: string) => selector.FieldSelectors.find((f) => f.Field === name);
  const categories =
    owner === 'trail' ? TRAIL_EVENT_CATEGORIES : [...TRAIL_EVENT_CATEGORIES, ...EDS_ONLY_EVENT_CATEGORIES];
  const category = field('eventCategory');
  if (!category?.Equals || category.Equals.length !== 1) {
    return `${label} must have an eventCategory field with Equals and exactly one of ${categories.join(', ')}.`;
  }
  const categoryValue = category.Equals[0]!;
  const allRules = owner === 'trail' ? TRAIL_FIELD_RULES : EDS_FIELD_RULES;
  const rules = Object.hasOwn(allRules, categoryValue) ? allRules[categoryValue] : undefined;
  if (!rules) {
    return `Value ${categoryValue} for eventCategory is invalid on ${OWNER_PHRASE[owner]}. Valid values are: ${categories.join(', ')}`;
  }
  for (const f of selector.FieldSelectors) {
    const allowed = Object.hasOwn(rules, f.Field) ? rules[f.Field] : undefined;
    if (!allowed)
      return `Field ${f.Field} is not supported for ${categoryValue} events on ${OWNER_PHRASE[owner]}.`;
    const bad = FIELD_OPERATORS.find((op) => f[op] !== undefined && !allowed.includes(op));
    if (bad) return `Operator ${bad} is not supported for field ${f.Field} of ${categoryValue} events.`;
  }
  return categoryValueError(categoryValue, field, label, owner);
}

function categoryValueError(
  category: string,
  field: (name: string) => AdvancedFieldSelector | undefined,
  label: string,
  owner: SelectorOwner,
): string | undefined {
  const readOnly = field('readOnly');
  if (
    readOnly?.Equals &&
    (readOnly.Equals.length !== 1 || !['true', 'false'].includes(readOnly.Equals[0]!))
  ) {
    return 'The readOnly field accepts a single value, true or false.';
  }
  if (category === 'Management' && owner === 'trail') {
    const sources = field('eventSource')?.NotEquals ?? [];
    const bad = sources.find((s) => !(EXCLUDABLE_MANAGEMENT_SOURCES as readonly string[]).includes(s));
    if (bad) {
      return `Management event selectors of a trail can exclude only ${EXCLUDABLE_MANAGEMENT_SOURCES.join(' and ')}, not ${bad}.`;
    }
  }
  if (category === 'Data') {
    const type = field('resources.type')?.Equals;
    if (!type || type.length !== 1)
      return `${label} must have a resources.type field with Equals and one resource type.`;
    if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type[0]!))
      return `Value ${type[0]} for resources.type is invalid.`;
  }
  if (category === 'Data' || category === 'Management') {
    const console = field('sessionCredentialFromConsole');
    if (console && FIELD_OPERATORS.some((op) => console[op]?.some((v) => v !== 'true'))) {
      return 'The sessionCredentialFromConsole field accepts only the value true.';
    }
  }
  if (category === 'NetworkActivity') {
    const source = field('eventSource')?.Equals;
    if (!source || source.length !== 1) {
      return `${label} must have an eventSource field with Equals and one event source for network activity events.`;
    }
    const errorCode = field('errorCode')?.Equals;
    if (errorCode && errorCode.some((v) => v !== 'VpceAccessDenied')) {
      return 'The errorCode field of network activity events accepts only VpceAccessDenied.';
    }
  }
  return undefined;
}

export function advancedEventSelectorsError(
  selectors: readonly AdvancedEventSelector[],
  owner: SelectorOwner = 'trail',
): string | undefined {
  const count = countError(selectors.length, owner);
  if (count) return count;
  for (const selector of selectors) {
    const problem = selectorError(selector, owner);
    if (problem) return problem;
  }
  const values = selectors
    .flatMap((s) => s.FieldSelectors)
    .reduce((sum, f) => sum + FIELD_OPERATORS.reduce((n, op) => n + (f[op]?.length ?? 0), 0), 0);
  if (values > MAX_ADVANCED_VALUES) {
    return `${capitalised(OWNER_PHRASE[owner])} can have up to ${MAX_ADVANCED_VALUES} values for all conditions in all advanced event selectors; ${values} were specified.`;
  }
  return undefined;
}
