// The `condition` of a Sigma rule (Sigma specification, "Condition"): selection names joined by and / or /
// not and parentheses, and the quantifiers `1 of X*`, `all of X*`, `1 of them`, `all of them`.
// Aggregations after a pipe (`| count() > 5`) are deprecated in Sigma 2 (correlation rules replace them) and
// are reported as unsupported.

export type Condition =
  | { op: 'ref'; name: string }
  | { op: 'not'; arg: Condition }
  | { op: 'and' | 'or'; args: Condition[] }
  | { op: 'of'; quantifier: 'one' | 'all'; names: string[] };

export class ConditionError extends Error {}

const TOKEN = /\s*(\(|\)|[^\s()]+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let at = 0;
  for (;;) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) break;
    tokens.push(match[1]!);
    at = TOKEN.lastIndex;
  }
  if (text.slice(at).trim()) throw new ConditionError(`cannot read "${text.slice(at).trim()}"`);
  return tokens;
}

/** Selection names a `1 of` pattern names: `them` is every selection not starting with `_`. */
function expand(pattern: string, names: readonly string[]): string[] {
  if (pattern === 'them') return names.filter((n) => !n.startsWith('_'));
  const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  const found = names.filter((n) => re.test(n));
  if (found.length === 0) throw new ConditionError(`"${pattern}" names no selection`);
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parseCondition(text: string, names: readonly string[]): Condition {
  if (text.includes('|')) throw new ConditionError('aggregations after "|" are not supported');
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const next = () => tokens[i++];

  const orExpr = (): Condition => {
    const args = [andExpr()];
    while (peek() === 'or') {
      i++;
      args.push(andExpr());
    }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  };
  const andExpr = (): Condition => {
    const args = [notExpr()];
    while (peek() === 'and') {
      i++;
      args.push(notExpr());
    }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  };
  const notExpr = (): Condition => {
    if (peek() === 'not') {
      i++;
      return { op: 'not', arg: notExpr() };
    }
    return primary();
  };
  const primary = (): Condition => {
    const token = next();
    if (token === undefined) throw new ConditionError('the condition ends too early');
    if (token === '(') {
      const inner = orExpr();
      if (next() !== ')') throw new ConditionError('a "(" is not closed');
      return inner;
    }
    const lower = token.toLowerCase();
    if ((lower === '1' || lower === 'any' || lower === 'all') && peek() === 'of') {
      i++;
      const pattern = next();
      if (!pattern) throw new ConditionError(`"${token} of" needs a selection name or "them"`);
      return { op: 'of', quantifier: lower === 'all' ? 'all' : 'one', names: expand(pattern, names) };
    }
    if (['and', 'or', ')', 'of'].includes(lower)) throw new ConditionError(`unexpected "${token}"`);
    if (!names.includes(token)) throw new ConditionError(`"${token}" is not a selection of this rule`);
    return { op: 'ref', name: token };
  };

  const condition = orExpr();
  if (i < tokens.length) throw new ConditionError(`unexpected "${tokens[i]}"`);
  return condition;
}

export function evaluateCondition(condition: Condition, hit: (name: string) => boolean): boolean {
  switch (condition.op) {
    case 'ref':
      return hit(condition.name);
    case 'not':
      return !evaluateCondition(condition.arg, hit);
    case 'and':
      return condition.args.every((c) => evaluateCondition(c, hit));
    case 'or':
      return condition.args.some((c) => evaluateCondition(c, hit));
    case 'of':
      return condition.quantifier === 'all' ? condition.names.every(hit) : condition.names.some(hit);
  }
}
