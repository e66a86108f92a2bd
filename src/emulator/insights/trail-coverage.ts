// Which management events a trail logs, as far as Insights needs it (docs/cloudtrail-facts.md#insights-console: call rate needs
// write management events logged, error rate read or write). A local check until a shared selector
// matcher exists in src/domain; a trail without selectors logs all management events (the API default).
import type { InsightType } from '@/domain/record';
import type { AdvancedFieldSelector, TrailState } from '../state';

export interface ManagementCoverage {
  read: boolean;
  write: boolean;
}

const NONE: ManagementCoverage = { read: false, write: false };

/** The management event Insights types a trail has on (InsightSelector.EventCategories, §4.3). */
export function managementInsightTypes(trail: TrailState): InsightType[] {
  const types = (trail.insightSelectors ?? [])
    .filter(
      (s) => !s.EventCategories || s.EventCategories.length === 0 || s.EventCategories.includes('Management'),
    )
    .map((s) => s.InsightType);
  return [...new Set(types)].sort();
}

/** The Regions whose events the trail logs: every Region for a multi-Region trail, else its home Region. */
export function trailRegions(trail: TrailState, known: readonly string[]): string[] {
  return trail.IsMultiRegionTrail ? [...known] : known.filter((r) => r === trail.HomeRegion);
}

export function managementCoverage(trail: TrailState, eventSource: string): ManagementCoverage {
  if (trail.advancedEventSelectors && trail.advancedEventSelectors.length > 0) {
    return trail.advancedEventSelectors
      .map((s) => advancedCoverage(s.FieldSelectors, eventSource))
      .reduce(union, NONE);
  }
  if (trail.eventSelectors && trail.eventSelectors.length > 0) {
    return trail.eventSelectors
      .map((s): ManagementCoverage => {
        // IncludeManagementEvents defaults to true; ReadWriteType to All (API_EventSelector.html).
        if (s.IncludeManagementEvents === false) return NONE;
        if (s.ExcludeManagementEventSources?.includes(eventSource)) return NONE;
        const type = s.ReadWriteType ?? 'All';
        return { read: type !== 'WriteOnly', write: type !== 'ReadOnly' };
      })
      .reduce(union, NONE);
  }
  return { read: true, write: true };
}

function union(a: ManagementCoverage, b: ManagementCoverage): ManagementCoverage {
  return { read: a.read || b.read, write: a.write || b.write };
}

/** One advanced selector: eventCategory must be Management; readOnly and eventSource narrow it. */
function advancedCoverage(fields: readonly AdvancedFieldSelector[], eventSource: string): ManagementCoverage {
  const field = (name: string) => fields.find((f) => f.Field === name);
  if (!matches(field('eventCategory'), 'Management')) return NONE;
  if (field('eventSource') && !matches(field('eventSource'), eventSource)) return NONE;
  const readOnly = field('readOnly');
  return { read: matches(readOnly, 'true'), write: matches(readOnly, 'false') };
}

/** Whether a value passes a field selector; an absent field matches everything. */
function matches(field: AdvancedFieldSelector | undefined, value: string): boolean {
  if (!field) return true;
  if (field.Equals && !field.Equals.includes(value)) return false;
  if (field.NotEquals?.includes(value)) return false;
  if (field.StartsWith && !field.StartsWith.some((p) => value.startsWith(p))) return false;
  if (field.NotStartsWith?.some((p) => value.startsWith(p))) return false;
  if (field.EndsWith && !field.EndsWith.some((p) => value.endsWith(p))) return false;
  if (field.NotEndsWith?.some((p) => value.endsWith(p))) return false;
  return true;
}
