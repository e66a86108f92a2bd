// A set of Sigma rules from several sources, and its evaluation over records: the one function the CLI, the
// server endpoint and the browser share.
import { sessionIdOf } from '../identity-session';
import type { CloudTrailRecord } from '../record';
import { LEVELS, parseSigmaRule, type Level, type RuleProblem, type SigmaRule } from './sigma-rule';

export interface RuleSource {
  /** Where the text came from, as the user should see it in a problem report. */
  file: string;
  text: string;
}

export interface RuleSet {
  rules: SigmaRule[];
  problems: RuleProblem[];
  /** Rules for other log sources (not aws/cloudtrail), left out. */
  skipped: number;
}

/** One entry per rule with hits: the `npm run detect -- --format json` shape (issue 14). */
export interface RuleHits {
  ruleId: string;
  title: string;
  level: Level;
  tags: string[];
  eventIds: string[];
}

export function loadRules(sources: readonly RuleSource[]): RuleSet {
  const set: RuleSet = { rules: [], problems: [], skipped: 0 };
  const ids = new Map<string, string>();
  for (const source of sources) {
    const parsed = parseSigmaRule(source.text, source.file);
    if ('problem' in parsed) set.problems.push(parsed.problem);
    else if ('skipped' in parsed) set.skipped += 1;
    else {
      const earlier = ids.get(parsed.rule.id);
      if (earlier) {
        set.problems.push({
          file: source.file,
          line: 1,
          reason: `the id ${parsed.rule.id} is already used by ${earlier}`,
        });
        continue;
      }
      ids.set(parsed.rule.id, source.file);
      set.rules.push(parsed.rule);
    }
  }
  return set;
}

/** What the console shows of an event a rule hit, without fetching it: when, what, who, which session. */
export interface HitEvent {
  eventId: string;
  eventTime: string;
  eventName: string;
  awsRegion: string;
  /** The caller's ARN, or its principal ID when it has none. */
  caller?: string;
  sessionId: string;
}

const hitEventOf = (record: CloudTrailRecord): HitEvent => ({
  eventId: record.eventID,
  eventTime: record.eventTime,
  eventName: record.eventName,
  awsRegion: record.awsRegion,
  caller: record.userIdentity.arn ?? record.userIdentity.principalId,
  sessionId: sessionIdOf(record),
});

/** Feeds records one at a time; `hits()` lists the rules that matched, most severe first. */
export class RuleEvaluator {
  private readonly found = new Map<SigmaRule, string[]>();
  private readonly hitRecords = new Map<string, HitEvent>();
  private readonly byName = new Map<string, SigmaRule[]>();
  private readonly anyName: SigmaRule[] = [];

  readonly rules: readonly SigmaRule[];

  constructor(rules: readonly SigmaRule[]) {
    this.rules = rules;
    for (const rule of rules) {
      if (!rule.eventNames) this.anyName.push(rule);
      else
        for (const name of rule.eventNames) {
          const list = this.byName.get(name) ?? [];
          list.push(rule);
          this.byName.set(name, list);
        }
    }
  }

  /** The eventNames any rule needs, or undefined when some rule must see every record. */
  get eventNames(): Set<string> | undefined {
    return this.anyName.length > 0 ? undefined : new Set(this.byName.keys());
  }

  add(record: CloudTrailRecord): void {
    for (const rule of this.byName.get(record.eventName) ?? []) this.test(rule, record);
    for (const rule of this.anyName) this.test(rule, record);
  }

  private test(rule: SigmaRule, record: CloudTrailRecord): void {
    if (!rule.matches(record)) return;
    if (!this.hitRecords.has(record.eventID)) this.hitRecords.set(record.eventID, hitEventOf(record));
    const ids = this.found.get(rule);
    if (ids) ids.push(record.eventID);
    else this.found.set(rule, [record.eventID]);
  }

  /** Every event some rule hit, once each. */
  hitEvents(): HitEvent[] {
    return [...this.hitRecords.values()];
  }

  hits(): RuleHits[] {
    return [...this.found]
      .map(([rule, eventIds]) => ({
        ruleId: rule.id,
        title: rule.title,
        level: rule.level,
        tags: rule.tags,
        eventIds,
      }))
      .sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || a.title.localeCompare(b.title));
  }
}

export function evaluateRules(rules: readonly SigmaRule[], records: Iterable<CloudTrailRecord>): RuleHits[] {
  const evaluator = new RuleEvaluator(rules);
  for (const record of records) evaluator.add(record);
  return evaluator.hits();
}
