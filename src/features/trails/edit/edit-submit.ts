// What Save changes sends for each edit flow: only the part being edited changes (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import type { Tag, Trail } from '@aws-sdk/client-cloudtrail';
import type { TagChange, TrailPlan } from '@/api/trail-mutations';
import type { AdvancedEventSelector } from '@/domain/event-selectors';
import {
  insightSelectors,
  partSelectors,
  selectorCategory,
  type SelectorPart,
} from '../form/selector-mapping';
import type { TrailFormValues } from '../form/trail-form-values';
import { updateCloudWatchPlan, updateGeneralPlan, type PlanContext } from '../form/trail-plan';
import type { EditSection } from './edit-sections';

const PART_CATEGORY: Record<SelectorPart, string> = {
  management: 'Management',
  data: 'Data',
  network: 'NetworkActivity',
};

/** The trail's other selectors as they are, this part's as the form says. */
export function selectorsAfterEdit(
  current: readonly AdvancedEventSelector[],
  values: TrailFormValues,
  part: SelectorPart,
): AdvancedEventSelector[] {
  return [
    ...current.filter((s) => selectorCategory(s) !== PART_CATEGORY[part]),
    ...partSelectors(values, part),
  ];
}

export function editPlan(
  section: Exclude<EditSection, 'tags'>,
  values: TrailFormValues,
  trail: Trail,
  selectors: readonly AdvancedEventSelector[],
  context: PlanContext,
): TrailPlan {
  if (section === 'general') return updateGeneralPlan(values, trail, context);
  if (section === 'cloudwatch') return updateCloudWatchPlan(values, trail, context);
  const base = { region: context.region, trailName: trail.TrailARN ?? '' };
  if (section === 'insights') return { ...base, insightSelectors: insightSelectors(values) };
  return { ...base, advancedEventSelectors: selectorsAfterEdit(selectors, values, section) };
}

/** TagEditor's result → RemoveTags for removed keys, AddTags for new keys and changed values. */
export function tagChange(values: TrailFormValues, current: readonly Tag[]): TagChange {
  const kept = values.tags.filter((t) => !t.markedForRemoval);
  const keptKeys = new Set(kept.map((t) => t.key));
  const before = new Map(current.map((t) => [t.Key ?? '', t.Value ?? '']));
  return {
    remove: current.filter((t) => !keptKeys.has(t.Key ?? '')).map((t) => ({ Key: t.Key })),
    add: kept
      .filter((t) => before.get(t.key) !== t.value || !before.has(t.key))
      .map((t) => ({ Key: t.key, Value: t.value })),
  };
}

/** Edits that create a bucket, key, topic, log group or role show their progress. */
export const createsResources = (plan: TrailPlan) =>
  !!(plan.bucket || plan.key || plan.topic || plan.logGroup || plan.role);
