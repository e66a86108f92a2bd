// What a detections evaluation answers (`GET /trailview/detections`, `npm run detect`): the hits per rule, the
// rules that could not be read, and the catalog of the rules evaluated. The local server and the demo's
// in-browser evaluation build the same shape.
import type { HitEvent, RuleHits } from './rule-set';
import type { RuleProblem, SigmaRule } from './sigma-rule';

export type RuleSummary = Pick<SigmaRule, 'id' | 'title' | 'level' | 'tags' | 'description' | 'file'>;

export interface DetectionsReport {
  hits: RuleHits[];
  problems: RuleProblem[];
  rules: number;
  scanned: number;
  ms: number;
  /** The rules evaluated, for the console's list (absent from the CLI's own report). */
  catalog?: RuleSummary[];
  /** The events the hits name, for the console's lists (absent from the CLI's own report). */
  events?: HitEvent[];
}

export const ruleCatalog = (rules: readonly SigmaRule[]): RuleSummary[] =>
  rules.map(({ id, title, level, tags, description, file }) => ({
    id,
    title,
    level,
    tags,
    description,
    file,
  }));
