// Put/GetEventSelectors and Put/GetInsightSelectors (docs/cloudtrail-facts.md#trails). Putting
// one selector kind replaces the other; insight selectors are replaced, not appended ([] turns Insights
// off); GetInsightSelectors on a trail without them is InsightNotEnabledException.
import { advancedEventSelectorsError, eventSelectorsError } from '@/domain/event-selector-rules';
import {
  DEFAULT_EVENT_SELECTORS,
  FIELD_OPERATORS,
  insightPrerequisiteError,
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  type EventSelector,
  type InsightSelector,
} from '@/domain/event-selectors';
import type { CallContext } from '../../context';
import { insightNotEnabledMessage } from '@/domain/insights';
import { ServiceError } from '../../errors';
import type { AccountState } from '../../state';
import { optionalBoolean, optionalString, optionalStringList, optionalStructureList } from '../input';
import { findTrail, findTrailToChange } from './trail-lookup';

const invalidSelectors = (message: string) => new ServiceError('InvalidEventSelectorsException', message);
const invalidInsights = (message: string) => new ServiceError('InvalidInsightSelectorsException', message);

const strings = (value: unknown, member: string) => optionalStringList(value, member, invalidSelectors);

function readBasic(raw: Record<string, unknown>): EventSelector {
  const resources = optionalStructureList(raw.DataResources, 'DataResources', invalidSelectors) ?? [];
  const includeManagement = optionalBoolean(
    raw.IncludeManagementEvents,
    'IncludeManagementEvents',
    invalidSelectors,
  );
  // Stored and answered with the defaults filled in (ReadWriteType All, IncludeManagementEvents true).
  return {
    ReadWriteType: (optionalString(raw.ReadWriteType, 'ReadWriteType', invalidSelectors) ??
      'All') as EventSelector['ReadWriteType'],
    IncludeManagementEvents: includeManagement ?? true,
    DataResources: resources.map((r) => ({
      Type: optionalString(r.Type, 'Type', invalidSelectors),
      Values: strings(r.Values, 'DataResources.Values') ?? [],
    })),
    ExcludeManagementEventSources:
      strings(raw.ExcludeManagementEventSources, 'ExcludeManagementEventSources') ?? [],
  };
}

/** One advanced event selector as sent, its members typed (shared with the event data stores). */
export function readAdvanced(raw: Record<string, unknown>): AdvancedEventSelector {
  const name = optionalString(raw.Name, 'Name', invalidSelectors);
  const list = optionalStructureList(raw.FieldSelectors, 'FieldSelectors', invalidSelectors);
  if (!list) throw invalidSelectors('Each advanced event selector needs FieldSelectors.');
  const fields = list.map((f): AdvancedFieldSelector => {
    const fieldName = optionalString(f.Field, 'Field', invalidSelectors);
    if (fieldName === undefined) throw invalidSelectors('Each field selector needs a Field.');
    const field: AdvancedFieldSelector = { Field: fieldName };
    for (const op of FIELD_OPERATORS) {
      const values = strings(f[op], op);
      if (values) field[op] = values;
    }
    return field;
  });
  return name === undefined ? { FieldSelectors: fields } : { Name: name, FieldSelectors: fields };
}

export function putEventSelectors(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  // Types first: AWS deserializes the whole request before it looks at the trail.
  const basic = optionalStructureList(input.EventSelectors, 'EventSelectors', invalidSelectors);
  const advanced = optionalStructureList(
    input.AdvancedEventSelectors,
    'AdvancedEventSelectors',
    invalidSelectors,
  );
  const trail = findTrailToChange(state, input.TrailName, context, 'TrailName');
  if (basic !== undefined && advanced !== undefined) {
    throw invalidSelectors('Specify either EventSelectors or AdvancedEventSelectors, but not both.');
  }
  if (basic === undefined && advanced === undefined) {
    throw invalidSelectors('Specify EventSelectors or AdvancedEventSelectors.');
  }
  const next = { ...trail };
  if (basic) {
    const selectors = basic.map(readBasic);
    const problem = eventSelectorsError(selectors);
    if (problem) throw invalidSelectors(problem);
    next.eventSelectors = selectors;
    delete next.advancedEventSelectors;
  } else {
    const selectors = (advanced ?? []).map(readAdvanced);
    const problem = advancedEventSelectorsError(selectors);
    if (problem) throw invalidSelectors(problem);
    next.advancedEventSelectors = selectors;
    delete next.eventSelectors;
  }
  state.trails.set(next.TrailARN, next);
  return next.eventSelectors
    ? { TrailARN: next.TrailARN, EventSelectors: next.eventSelectors }
    : { TrailARN: next.TrailARN, AdvancedEventSelectors: next.advancedEventSelectors };
}

/** Trails created through the API without selectors answer the basic default (see DEFAULT_EVENT_SELECTORS). */
export function getEventSelectors(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrail(state, input.TrailName, context, 'TrailName');
  if (trail.advancedEventSelectors) {
    return { TrailARN: trail.TrailARN, AdvancedEventSelectors: trail.advancedEventSelectors };
  }
  return { TrailARN: trail.TrailARN, EventSelectors: trail.eventSelectors ?? DEFAULT_EVENT_SELECTORS };
}

const INSIGHT_TYPES = ['ApiCallRateInsight', 'ApiErrorRateInsight'];
const INSIGHT_CATEGORIES = ['Management', 'Data'];

function readInsightSelector(raw: Record<string, unknown>): InsightSelector {
  const type = optionalString(raw.InsightType, 'InsightType', invalidInsights);
  if (type === undefined || !INSIGHT_TYPES.includes(type)) {
    throw invalidInsights(
      `InsightType ${String(type)} is not valid. Valid values are ApiCallRateInsight and ApiErrorRateInsight.`,
    );
  }
  const selector: InsightSelector = { InsightType: type as InsightSelector['InsightType'] };
  const categories = optionalStringList(raw.EventCategories, 'EventCategories', invalidInsights);
  if (categories !== undefined) {
    if (categories.some((c) => !INSIGHT_CATEGORIES.includes(c))) {
      throw invalidInsights('EventCategories can contain only Management and Data.');
    }
    selector.EventCategories = categories as InsightSelector['EventCategories'];
  }
  return selector;
}

export function putInsightSelectors(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
) {
  if (input.TrailName === undefined && input.EventDataStore !== undefined) {
    throw new ServiceError(
      'UnsupportedOperationException',
      'Insights on event data stores are not emulated; specify TrailName.',
    );
  }
  const list = optionalStructureList(input.InsightSelectors, 'InsightSelectors', invalidInsights);
  const trail = findTrailToChange(state, input.TrailName, context, 'TrailName');
  if (!list) throw invalidInsights('InsightSelectors is required.');
  const selectors = list.map(readInsightSelector);
  if (new Set(selectors.map((s) => s.InsightType)).size !== selectors.length) {
    throw invalidInsights('Each InsightType can appear only once.');
  }
  for (const selector of selectors) {
    for (const category of selector.EventCategories ?? ['Management' as const]) {
      const problem = insightPrerequisiteError(trail, selector.InsightType, category);
      if (problem) throw invalidInsights(problem);
    }
  }
  const next = { ...trail };
  if (selectors.length > 0) next.insightSelectors = selectors;
  else delete next.insightSelectors;
  state.trails.set(next.TrailARN, next);
  return { TrailARN: next.TrailARN, InsightSelectors: selectors };
}

export function getInsightSelectors(
  state: AccountState,
  input: Record<string, unknown>,
  context: CallContext,
) {
  const trail = findTrail(state, input.TrailName, context, 'TrailName');
  if (!trail.insightSelectors || trail.insightSelectors.length === 0) {
    throw new ServiceError('InsightNotEnabledException', insightNotEnabledMessage(trail.Name));
  }
  return { TrailARN: trail.TrailARN, InsightSelectors: trail.insightSelectors };
}
