// A Sigma rule (https://sigmahq.io/docs/basics/rules.html) parsed and compiled once into a record predicate.
// Only logsource product `aws`, service `cloudtrail` applies here; rules for other sources are skipped quietly so
// a whole SigmaHQ checkout can be pointed at. A rule that does not parse, or uses a modifier this engine does not
// implement, becomes a RuleProblem with its file, line and reason, and the other rules still run.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { CloudTrailRecord, JsonValue } from '../record';
import { ConditionError, evaluateCondition, parseCondition, type Condition } from './sigma-condition';
import { compileSelection, FieldError, type Selection } from './sigma-selection';

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export interface SigmaRule {
  id: string;
  title: string;
  level: Level;
  tags: string[];
  description: string;
  file: string;
  /** When every hit must have one of these eventNames: lets a store read only those rows. */
  eventNames?: ReadonlySet<string>;
  matches(record: CloudTrailRecord): boolean;
}

export interface RuleProblem {
  file: string;
  line: number;
  reason: string;
}

export type ParsedRule = { rule: SigmaRule } | { problem: RuleProblem } | { skipped: 'logsource' };

class RuleError extends Error {
  readonly node: Node | null | undefined;

  constructor(message: string, node?: Node | null) {
    super(message);
    this.node = node;
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseSigmaRule(source: string, file: string): ParsedRule {
  const lines = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node?: Node | null) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (!Array.isArray(docs)) return { problem: { file, line: 1, reason: 'the file is empty' } };
  const doc = docs[0];
  if (!doc) return { problem: { file, line: 1, reason: 'the file is empty' } };
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    return { problem: { file, line, reason: `YAML: ${yamlError.message.split('\n')[0]}` } };
  }
  if (docs.length > 1)
    return {
      problem: { file, line: lineOf(docs[1]!.contents), reason: 'rule collections are not supported' },
    };
  try {
    return compile(doc, file);
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return { problem: { file, line: lineOf(error.node ?? doc.contents), reason: error.message } };
  }
}

function compile(doc: Document, file: string): ParsedRule {
  const root = doc.toJS() as unknown;
  if (!root || typeof root !== 'object' || Array.isArray(root))
    throw new RuleError('a rule must be a mapping of title, logsource, detection…');
  const rule = root as Record<string, unknown>;
  const logsource = rule.logsource as Record<string, unknown> | undefined;
  if (!logsource || typeof logsource !== 'object')
    throw new RuleError('the rule has no logsource', doc.contents as Node);
  if (
    text(logsource.product)?.toLowerCase() !== 'aws' ||
    text(logsource.service)?.toLowerCase() !== 'cloudtrail'
  )
    return { skipped: 'logsource' };
  const title = text(rule.title);
  if (!title) throw new RuleError('the rule has no title', doc.contents as Node);
  const level = text(rule.level) ?? 'medium';
  if (!(LEVELS as readonly string[]).includes(level))
    throw new RuleError(`level must be one of ${LEVELS.join(', ')}`, doc.getIn(['level'], true) as Node);
  const detectionNode = doc.getIn(['detection'], true);
  if (!isMap(detectionNode)) throw new RuleError('the rule has no detection mapping', doc.contents as Node);

  const selections = new Map<string, Selection>();
  let conditionNode: Node | undefined;
  for (const pair of detectionNode.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (name === 'condition') conditionNode = pair.value as Node;
    else if (name === 'timeframe') throw new RuleError('timeframe is not supported', pair.key as Node);
    else {
      try {
        selections.set(name, compileSelection((pair.value as Node | null)?.toJSON() as JsonValue));
      } catch (error) {
        throw new RuleError(
          `selection ${name}: ${(error as Error).message}`,
          fieldNode(pair, error) ?? (pair.key as Node),
        );
      }
    }
  }
  if (!conditionNode) throw new RuleError('the detection has no condition', detectionNode);
  const conditionTexts = isSeq(conditionNode)
    ? conditionNode.items.map((item) => (isScalar(item) ? String(item.value) : ''))
    : [isScalar(conditionNode) ? String(conditionNode.value) : ''];
  let condition: Condition;
  try {
    const parts = conditionTexts.map((c) => parseCondition(c, [...selections.keys()]));
    condition = parts.length === 1 ? parts[0]! : { op: 'or', args: parts };
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    throw new RuleError(`condition: ${error.message}`, conditionNode);
  }

  const tags = Array.isArray(rule.tags) ? rule.tags.filter((t): t is string => typeof t === 'string') : [];
  const eventNames = conditionEventNames(condition, selections);
  return {
    rule: {
      id: text(rule.id) ?? file,
      title,
      level: level as Level,
      tags,
      description: text(rule.description)?.trim() ?? '',
      file,
      ...(eventNames ? { eventNames } : {}),
      matches(record) {
        const cache = new Map<string, boolean>();
        return evaluateCondition(condition, (name) => {
          let hit = cache.get(name);
          if (hit === undefined) cache.set(name, (hit = selections.get(name)!.matches(record)));
          return hit;
        });
      },
    },
  };
}

/** The eventNames a condition can only hit, if it implies any (and = the narrowest side, or = all sides). */
function conditionEventNames(c: Condition, selections: Map<string, Selection>): Set<string> | undefined {
  const of = (names: readonly string[], op: 'and' | 'or') =>
    combine(
      names.map((n) => selections.get(n)!.eventNames),
      op,
    );
  switch (c.op) {
    case 'ref':
      return selections.get(c.name)!.eventNames;
    case 'not':
      return undefined;
    case 'and':
    case 'or':
      return combine(
        c.args.map((a) => conditionEventNames(a, selections)),
        c.op,
      );
    case 'of':
      return of(c.names, c.quantifier === 'all' ? 'and' : 'or');
  }
}

function combine(sets: Array<Set<string> | undefined>, op: 'and' | 'or'): Set<string> | undefined {
  if (op === 'or') {
    if (sets.some((s) => !s)) return undefined;
    return new Set(sets.flatMap((s) => [...s!]));
  }
  const known = sets.filter((s): s is Set<string> => !!s);
  if (known.length === 0) return undefined;
  return known.reduce((acc, s) => new Set([...acc].filter((x) => s.has(x))));
}

/** The key node of the field a selection error is about, searching the selection's mappings. */
function fieldNode(pair: { value: unknown }, error: unknown): Node | undefined {
  if (!(error instanceof FieldError)) return undefined;
  const maps = isSeq(pair.value) ? pair.value.items : [pair.value];
  for (const map of maps) {
    if (!isMap(map)) continue;
    const found = map.items.find((item) => isScalar(item.key) && item.key.value === error.key);
    if (found) return found.key as Node;
  }
  return undefined;
}
