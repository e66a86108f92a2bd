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
import { isRecord } from '../input';
import { findTrail, findTrailToChange } from './trail-lookup';

const invalidSelectors = (message: string) => new ServiceError('InvalidEventSelectorsException', message);
const invalidInsights = (message: string) => new ServiceError('InvalidInsightSelectorsException', message);

const strings = (value: unknown, member: string): string[] | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalidSelectors(`${member} must be a list of strings.`);
  return value as string[];
};

function readBasic(raw: unknown): EventSelector {
  if (!isRecord(raw)) throw invalidSelectors('Each event selector must be an object.');
  const resources = raw.DataResources ?? [];
  if (!Array.isArray(resources) || resources.some((r) => !isRecord(r)))
    throw invalidSelectors('DataResources must be a list.');
  if (raw.IncludeManagementEvents !== undefined && typeof raw.IncludeManagementEvents !== 'boolean') {
    throw invalidSelectors('IncludeManagementEvents must be true or false.');
  }
  // Stored and answered with the defaults filled in (ReadWriteType All, IncludeManagementEvents true).
  return {
    ReadWriteType: (raw.ReadWriteType ?? 'All') as EventSelector['ReadWriteType'],
    IncludeManagementEvents: raw.IncludeManagementEvents ?? true,
    DataResources: (resources as Array<Record<string, unknown>>).map((r) => ({
      Type: typeof r.Type === 'string' ? r.Type : undefined,
      Values: strings(r.Values, 'DataResources.Values') ?? [],
    })),
    ExcludeManagementEventSources:
      strings(raw.ExcludeManagementEventSources, 'ExcludeManagementEventSources') ?? [],
  };
}

function readAdvanced(raw: unknown): AdvancedEventSelector {
  if (!isRecord(raw) || !Array.isArray(raw.FieldSelectors))
    throw invalidSelectors('Each advanced event selector needs FieldSelectors.');
  if (raw.Name !== undefined && typeof raw.Name !== 'string')
    throw invalidSelectors('Name must be a string.');
  const fields = raw.FieldSelectors.map((f): AdvancedFieldSelector => {
    if (!isRecord(f) || typeof f.Field !== 'string')
      throw invalidSelectors('Each field selector needs a Field.');
    const field: AdvancedFieldSelector = { Field: f.Field };
    for (const op of FIELD_OPERATORS) {
      const values = strings(f[op], op);
      if (values) field[op] = values;
    }
    return field;
  });
  return raw.Name === undefined ? { FieldSelectors: fields } : { Name: raw.Name, FieldSelectors: fields };
}

export function putEventSelectors(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const trail = findTrailToChange(state, input.TrailName, context, 'TrailName');
  const basic = input.EventSelectors ?? undefined;
  const advanced = input.AdvancedEventSelectors ?? undefined;
  if (basic !== undefined && advanced !== undefined) {
    throw invalidSelectors('Specify either EventSelectors or AdvancedEventSelectors, but not both.');
  }
  if (basic === undefined && advanced === undefined) {
    throw invalidSelectors('Specify EventSelectors or AdvancedEventSelectors.');
  }
  const list = basic ?? advanced;
  if (!Array.isArray(list))
    throw invalidSelectors(`${basic ? 'EventSelectors' : 'AdvancedEventSelectors'} must be a list.`);
  const next = { ...trail };
  if (basic) {
    const selectors = list.map(readBasic);
    const problem = eventSelectorsError(selectors);
    if (problem) throw invalidSelectors(problem);
    next.eventSelectors = selectors;
    delete next.advancedEventSelectors;
  } else {
    const selectors = list.map(readAdvanced);
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

function readInsightSelector(raw: unknown): InsightSelector {
  if (!isRecord(raw) || typeof raw.InsightType !== 'string' || !INSIGHT_TYPES.includes(raw.InsightType)) {
    throw invalidInsights(
      `InsightType ${isRecord(raw) ? String(raw.InsightType) : ''} is not valid. Valid values are ApiCallRateInsight and ApiErrorRateInsight.`,
    );
  }
  const selector: InsightSelector = { InsightType: raw.InsightType as InsightSelector['InsightType'] };
  if (raw.EventCategories !== undefined && raw.EventCategories !== null) {
    const categories = raw.EventCategories;
    if (!Array.isArray(categories) || categories.some((c) => !INSIGHT_CATEGORIES.includes(c as string))) {
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
  const trail = findTrailToChange(state, input.TrailName, context, 'TrailName');
  if (!Array.isArray(input.InsightSelectors)) throw invalidInsights('InsightSelectors must be a list.');
  const selectors = input.InsightSelectors.map(readInsightSelector);
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
