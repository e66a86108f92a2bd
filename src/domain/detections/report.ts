// What a detections evaluation answers (`GET /trailview/detections`, `npm run detect`): the hits per rule, the
// rules that could not be read, and the catalog of the rules evaluated. The local server and the demo's
// in-browser evaluation build the same shape.
import type { HitEvent, RuleHits } from './rule-set';
import type { RuleProblem, SigmaRule } from './sigma-rule';

export type RuleSummary = Pick<SigmaRule, 'id' | 'title' | 'level' | 'tags' | 'description' | 'file'>;

/** How far a progressive evaluation has read the store: `complete` once everything in it is read. */
export interface ReadProgress {
  read: number;
  total: number;
  complete: boolean;
}

/**
 * In the aws and endpoint modes the console evaluates the events it loaded through LookupEvents: which
 * ones (the Region, how many, their time span), and whether older events can still be loaded.
 */
export interface LoadedEvents {
  region: string;
  count: number;
  from?: string;
  to?: string;
  more: boolean;
}

/** A rule folder the server was started with (`--rules DIR`), and whether this evaluation used it. */
export interface RuleFolder {
  folder: string;
  used: boolean;
}

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
  /** The console's progressive evaluation: what is read so far (absent when the report covers the store). */
  progress?: ReadProgress;
  /** The events it covers when the console loaded them itself (aws and endpoint modes). */
  loaded?: LoadedEvents;
  /** The server's --rules folders (local backend): listed read-only, each can be left out by the console. */
  ruleFolders?: RuleFolder[];
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
