// Event configuration (GetEventConfiguration, PutEventConfiguration): an event data store's maximum event
// size and context key selectors (enriched events), a trail's aggregation of data events. Sources (under
// https://docs.aws.amazon.com/awscloudtrail/latest/): APIReference/API_PutEventConfiguration.html (at most
// 2 ContextKeySelectors and 1 AggregationConfiguration), API_ContextKeySelector.html (Type TagContext |
// RequestContext, Equals 1–50 keys of 1–128 characters), API_AggregationConfiguration.html (EventCategory
// Data, Templates 1–50 of API_ACTIVITY | RESOURCE_ACCESS | USER_ACTIONS), userguide/lake-cli-manage-eds.html
// (Standard is 256 KB and the default, Large is 1 MB and required by context keys) and
// userguide/cloudtrail-context-events.html (management and data events can be enriched; the supported IAM
// global condition keys).

export type MaxEventSize = 'Standard' | 'Large';
export const MAX_EVENT_SIZES: readonly MaxEventSize[] = ['Standard', 'Large'];
export const DEFAULT_MAX_EVENT_SIZE: MaxEventSize = 'Standard';

export type ContextKeyType = 'TagContext' | 'RequestContext';
export const CONTEXT_KEY_TYPES: readonly ContextKeyType[] = ['TagContext', 'RequestContext'];

export interface ContextKeySelector {
  Type: ContextKeyType;
  Equals: string[];
}

export const MAX_CONTEXT_KEY_SELECTORS = 2;
export const MAX_CONTEXT_KEYS = 50;
export const CONTEXT_KEY_MAX_LENGTH = 128;

/** "Supported IAM global condition keys for enriched events" (cloudtrail-context-events.html). */
export const ENRICHED_GLOBAL_CONDITION_KEYS: readonly string[] = [
  'aws:FederatedProvider',
  'aws:TokenIssueTime',
  'aws:MultiFactorAuthAge',
  'aws:MultiFactorAuthPresent',
  'aws:SourceIdentity',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalServiceName',
  'aws:PrincipalServiceNamesList',
  'aws:PrincipalType',
  'aws:userid',
  'aws:username',
  'aws:RequestedRegion',
  'aws:SecureTransport',
  'aws:ViaAWSService',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:SourceAccount',
  'aws:SourceOrgID',
];

/** "You can enrich CloudTrail management events and data events": a store collecting others cannot be. */
export const ENRICHABLE_EVENT_CATEGORIES: ReadonlySet<string> = new Set(['Management', 'Data']);

export type AggregationTemplate = 'API_ACTIVITY' | 'RESOURCE_ACCESS' | 'USER_ACTIONS';
export const AGGREGATION_TEMPLATES: readonly AggregationTemplate[] = [
  'API_ACTIVITY',
  'RESOURCE_ACCESS',
  'USER_ACTIONS',
];

export interface AggregationConfiguration {
  EventCategory: 'Data';
  Templates: AggregationTemplate[];
}

export const MAX_AGGREGATION_CONFIGURATIONS = 1;
export const MAX_AGGREGATION_TEMPLATES = 50;

/** An event data store's event configuration as kept; absent members mean the defaults. */
export interface EventDataStoreEventConfiguration {
  maxEventSize?: MaxEventSize;
  contextKeySelectors?: ContextKeySelector[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The selectors a request sends, or why they are not valid (InvalidParameterException). */
export function readContextKeySelectors(value: unknown): ContextKeySelector[] | string {
  if (!Array.isArray(value)) return 'ContextKeySelectors must be a list.';
  if (value.length > MAX_CONTEXT_KEY_SELECTORS) {
    return `ContextKeySelectors can have at most ${MAX_CONTEXT_KEY_SELECTORS} selectors, one of each Type.`;
  }
  const selectors: ContextKeySelector[] = [];
  for (const raw of value) {
    if (!isObject(raw)) return 'Each context key selector must be an object with Type and Equals.';
    const type = raw.Type;
    if (!CONTEXT_KEY_TYPES.includes(type as ContextKeyType)) {
      return `The context key selector Type ${String(type)} is not valid. Valid types: ${CONTEXT_KEY_TYPES.join(', ')}.`;
    }
    if (selectors.some((s) => s.Type === type)) {
      return `ContextKeySelectors has more than one selector of Type ${String(type)}.`;
    }
    const keys = raw.Equals;
    if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_CONTEXT_KEYS) {
      return `Equals of the ${String(type)} selector must list 1 to ${MAX_CONTEXT_KEYS} keys.`;
    }
    for (const key of keys) {
      if (typeof key !== 'string' || key.length < 1 || key.length > CONTEXT_KEY_MAX_LENGTH) {
        return `Each key in Equals must be 1 to ${CONTEXT_KEY_MAX_LENGTH} characters.`;
      }
      if (type === 'RequestContext' && !ENRICHED_GLOBAL_CONDITION_KEYS.includes(key)) {
        return `${key} is not an IAM global condition key supported for enriched events.`;
      }
    }
    if (new Set(keys).size !== keys.length)
      return `Equals of the ${String(type)} selector lists a key twice.`;
    selectors.push({ Type: type as ContextKeyType, Equals: [...(keys as string[])] });
  }
  return selectors;
}

/** The aggregation configurations a request sends, or why they are not valid (InvalidParameterException). */
export function readAggregationConfigurations(value: unknown): AggregationConfiguration[] | string {
  if (!Array.isArray(value)) return 'AggregationConfigurations must be a list.';
  if (value.length > MAX_AGGREGATION_CONFIGURATIONS) {
    return `AggregationConfigurations can have at most ${MAX_AGGREGATION_CONFIGURATIONS} configuration.`;
  }
  const configurations: AggregationConfiguration[] = [];
  for (const raw of value) {
    if (!isObject(raw))
      return 'Each aggregation configuration must be an object with EventCategory and Templates.';
    if (raw.EventCategory !== 'Data') {
      return `The aggregation EventCategory ${String(raw.EventCategory)} is not valid. Valid categories: Data.`;
    }
    const templates = raw.Templates;
    if (!Array.isArray(templates) || templates.length < 1 || templates.length > MAX_AGGREGATION_TEMPLATES) {
      return `Templates must list 1 to ${MAX_AGGREGATION_TEMPLATES} aggregation templates.`;
    }
    const refused = templates.find((t) => !AGGREGATION_TEMPLATES.includes(t as AggregationTemplate));
    if (refused !== undefined) {
      return `The aggregation template ${String(refused)} is not valid. Valid templates: ${AGGREGATION_TEMPLATES.join(', ')}.`;
    }
    configurations.push({
      EventCategory: 'Data',
      Templates: [...new Set(templates as AggregationTemplate[])],
    });
  }
  return configurations;
}

/** The messages of the errors that are not about one member's value. */
export const EVENT_CONFIGURATION_MESSAGES = {
  bothTargets: 'Specify either EventDataStore or TrailName, not both.',
  noTarget: 'Specify the event data store (EventDataStore) or the trail (TrailName).',
  storeMembersOnTrail:
    'MaxEventSize and ContextKeySelectors apply to event data stores; a trail takes AggregationConfigurations.',
  aggregationOnStore: 'AggregationConfigurations apply to trails; specify TrailName.',
  category: 'Event configuration applies only to event data stores of CloudTrail management and data events.',
  maxEventSize: `MaxEventSize must be ${MAX_EVENT_SIZES.join(' or ')}.`,
};

/** Context keys need room in the event: "MaxEventSize must be set to Large" (InvalidParameterCombinationException). */
export function eventSizeCombinationError(
  maxEventSize: MaxEventSize,
  selectors: readonly ContextKeySelector[],
): string | undefined {
  return selectors.length > 0 && maxEventSize !== 'Large'
    ? 'MaxEventSize must be Large when ContextKeySelectors add resource tag keys or IAM global condition keys.'
    : undefined;
}
