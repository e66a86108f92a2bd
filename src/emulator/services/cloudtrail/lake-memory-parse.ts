// The demo's Lake engine reads a statement into a small tree: one SELECT over one event data store with
// WHERE, GROUP BY, HAVING, ORDER BY and LIMIT — the shape of the console's sample queries, the query
// generator's answers and the dashboard widgets. The tokens are domain/lake-sql's, so positions and the
// checks Lake makes (only SELECT, no INTERVAL, a FROM that names a store) are the local server's.
import { LakeSqlError, lakePosition, tokenize, type Token } from '@/domain/lake-sql';

export type Expr =
  | { k: 'lit'; v: string | number | boolean | null; timestamp?: boolean }
  | { k: 'col'; path: string[]; at: number }
  | { k: 'sub'; e: Expr; key: Expr }
  | { k: 'call'; name: string; args: Expr[]; star?: boolean; distinct?: boolean; at: number }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'isnull'; e: Expr; not: boolean }
  | { k: 'like'; e: Expr; pattern: Expr; not: boolean }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean }
  | { k: 'case'; operand?: Expr; whens: Array<[Expr, Expr]>; otherwise?: Expr }
  | { k: 'cast'; e: Expr; type: string };

export interface SelectItem {
  expr?: Expr;
  /** `*` */
  star?: boolean;
  alias?: string;
  /** The item's text, for Trino's `_colN` naming. */
  plain: boolean;
}

export interface SelectStatement {
  distinct: boolean;
  items: SelectItem[];
  from: string;
  where?: Expr;
  groupBy: Expr[];
  having?: Expr;
  orderBy: Array<{ expr: Expr; desc: boolean }>;
  limit?: number;
}

const UNSUPPORTED = new Set(['join', 'union', 'except', 'intersect', 'with', 'over', 'unnest', 'exists']);
const CLAUSE_END = new Set(['from', 'where', 'group', 'having', 'order', 'limit', 'as', 'and', 'or', 'then', 'else', 'when', 'end', 'asc', 'desc', 'not', 'is', 'like', 'in', 'between', 'nulls']); // prettier-ignore

export function parseLakeSelect(statement: string): SelectStatement {
  const tokens = tokenize(statement).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  let i = 0;
  const fail = (message: string, token = tokens[i]): never => {
    const position = token ? lakePosition(statement, token.start) : undefined;
    throw new LakeSqlError(message, position);
  };
  const peek = (offset = 0): Token | undefined => tokens[i + offset];
  const word = (offset = 0) => {
    const t = peek(offset);
    return t && (t.kind === 'word' || t.kind === 'table') ? t.text.toLowerCase() : undefined;
  };
  const isPunct = (text: string, offset = 0) => peek(offset)?.kind === 'punct' && peek(offset)?.text === text;
  const accept = (w: string) => (word() === w ? (i++, true) : false);
  const expect = (w: string) => {
    if (!accept(w)) fail(`mismatched input '${peek()?.text ?? '<EOF>'}'. Expecting: '${w.toUpperCase()}'`);
  };
  const expectPunct = (p: string) => {
    if (!isPunct(p)) fail(`mismatched input '${peek()?.text ?? '<EOF>'}'. Expecting: '${p}'`);
    i++;
  };
  const unsupported = (what: string, token?: Token): never =>
    fail(
      `${what} is not supported by the demo build's query engine; start Trailview with npm start to run it.`,
      token,
    );
  /** Two-character operators arrive as two punctuation tokens side by side. */
  const operator = (): string | undefined => {
    const t = peek();
    if (t?.kind !== 'punct') return undefined;
    const next = peek(1);
    const pair = next?.kind === 'punct' && next.start === t.start + 1 ? t.text + next.text : '';
    if (['<=', '>=', '<>', '!=', '||'].includes(pair)) return pair;
    return ['=', '<', '>', '+', '-', '*', '/', '%'].includes(t.text) ? t.text : undefined;
  };
  const takeOperator = (op: string) => {
    i += op.length;
  };

  const primary = (): Expr => {
    const t = peek();
    if (!t) return fail("mismatched input '<EOF>'. Expecting: <expression>");
    if (t.kind === 'string') {
      i++;
      return { k: 'lit', v: t.text.slice(1, -1).replaceAll("''", "'") };
    }
    if (t.kind === 'number') {
      i++;
      return { k: 'lit', v: Number(t.text) };
    }
    if (isPunct('(')) {
      i++;
      if (word() === 'select') unsupported('A subquery');
      const e = expression();
      expectPunct(')');
      return e;
    }
    if (t.kind === 'punct' && t.text === '-') {
      i++;
      return { k: 'neg', e: primary() };
    }
    if (t.kind !== 'word' && t.kind !== 'quoted') return fail(`mismatched input '${t.text}'`);
    const lower = t.text.toLowerCase();
    i++;
    if (t.kind === 'word') {
      if (lower === 'null') return { k: 'lit', v: null };
      if (lower === 'true' || lower === 'false') return { k: 'lit', v: lower === 'true' };
      if ((lower === 'timestamp' || lower === 'date') && peek()?.kind === 'string') {
        const text = peek()!.text.slice(1, -1);
        i++;
        return { k: 'lit', v: text, timestamp: true };
      }
      if (lower === 'case') return caseExpr();
      if (lower === 'cast' || lower === 'try_cast') {
        expectPunct('(');
        const e = expression();
        expect('as');
        const type = peek()?.text.toLowerCase() ?? '';
        i++;
        if (isPunct('(')) {
          while (peek() && !isPunct(')')) i++;
          expectPunct(')');
        }
        expectPunct(')');
        return { k: 'cast', e, type };
      }
      if (lower === 'current_timestamp') return { k: 'call', name: 'now', args: [], at: t.start };
      if (UNSUPPORTED.has(lower)) unsupported(t.text.toUpperCase(), t);
      if (isPunct('(')) return call(lower, t);
    }
    const path = [t.kind === 'quoted' ? t.text.slice(1, -1) : t.text];
    while (isPunct('.') && peek(1)) {
      i++;
      const part = peek()!;
      i++;
      path.push(part.kind === 'quoted' ? part.text.slice(1, -1) : part.text);
    }
    return { k: 'col', path, at: t.start };
  };

  const call = (name: string, t: Token): Expr => {
    expectPunct('(');
    if (isPunct('*')) {
      i++;
      expectPunct(')');
      return { k: 'call', name, args: [], star: true, at: t.start };
    }
    const distinct = accept('distinct');
    const args: Expr[] = [];
    if (!isPunct(')')) {
      do args.push(expression());
      while (isPunct(',') && ++i);
    }
    expectPunct(')');
    if (word() === 'over') unsupported('A window function', peek());
    return { k: 'call', name, args, distinct, at: t.start };
  };

  const caseExpr = (): Expr => {
    const operand = word() === 'when' ? undefined : expression();
    const whens: Array<[Expr, Expr]> = [];
    while (accept('when')) {
      const when = expression();
      expect('then');
      whens.push([when, expression()]);
    }
    const otherwise = accept('else') ? expression() : undefined;
    expect('end');
    return { k: 'case', operand, whens, otherwise };
  };

  const postfix = (): Expr => {
    let e = primary();
    while (isPunct('[')) {
      i++;
      const key = expression();
      expectPunct(']');
      e = { k: 'sub', e, key };
    }
    return e;
  };

  const binary = (levels: readonly string[][], level: number): Expr => {
    if (level === levels.length) return postfix();
    let l = binary(levels, level + 1);
    for (let op = operator(); op && levels[level]!.includes(op); op = operator()) {
      takeOperator(op);
      l = { k: 'bin', op, l, r: binary(levels, level + 1) };
    }
    return l;
  };
  const arithmetic = () => binary([['||'], ['+', '-'], ['*', '/', '%']], 0);

  const comparison = (): Expr => {
    const l = arithmetic();
    const op = operator();
    if (op && ['=', '<', '>', '<=', '>=', '<>', '!='].includes(op)) {
      takeOperator(op);
      return { k: 'bin', op: op === '!=' ? '<>' : op, l, r: arithmetic() };
    }
    if (word() === 'is') {
      i++;
      const not = accept('not');
      if (accept('distinct')) {
        expect('from');
        const r = arithmetic();
        return { k: 'bin', op: not ? 'is not distinct' : 'is distinct', l, r };
      }
      expect('null');
      return { k: 'isnull', e: l, not };
    }
    const not = word() === 'not' && ['like', 'in', 'between'].includes(word(1) ?? '') ? (i++, true) : false;
    if (accept('like')) return { k: 'like', e: l, pattern: arithmetic(), not };
    if (accept('between')) {
      const lo = arithmetic();
      expect('and');
      return { k: 'between', e: l, lo, hi: arithmetic(), not };
    }
    if (accept('in')) {
      expectPunct('(');
      if (word() === 'select') unsupported('A subquery');
      const list: Expr[] = [];
      do list.push(expression());
      while (isPunct(',') && ++i);
      expectPunct(')');
      return { k: 'in', e: l, list, not };
    }
    return l;
  };

  const negation = (): Expr => (accept('not') ? { k: 'not', e: negation() } : comparison());
  const conjunction = (): Expr => {
    let l = negation();
    while (accept('and')) l = { k: 'bin', op: 'and', l, r: negation() };
    return l;
  };
  const expression = (): Expr => {
    let l = conjunction();
    while (accept('or')) l = { k: 'bin', op: 'or', l, r: conjunction() };
    return l;
  };

  const list = (): Expr[] => {
    const out: Expr[] = [];
    do out.push(expression());
    while (isPunct(',') && ++i);
    return out;
  };

  expect('select');
  const distinct = accept('distinct');
  accept('all');
  const items: SelectItem[] = [];
  do {
    if (isPunct('*')) {
      i++;
      items.push({ star: true, plain: true });
      continue;
    }
    const expr = expression();
    let alias: string | undefined;
    if (accept('as') || (peek()?.kind === 'word' && !CLAUSE_END.has(word()!)) || peek()?.kind === 'quoted') {
      const t = peek();
      if (!t) fail("mismatched input '<EOF>'. Expecting: <identifier>");
      alias = t!.kind === 'quoted' ? t!.text.slice(1, -1) : t!.text;
      i++;
    }
    items.push({ expr, alias, plain: expr.k === 'col' });
  } while (isPunct(',') && ++i);
  expect('from');
  const table = peek();
  if (!table || table.kind !== 'table') return fail('A FROM must name an event data store.');
  i++;
  if (isPunct(',')) unsupported('Reading more than one table', peek());
  if (accept('as') || (word() && !['where', 'group', 'order', 'limit', 'having'].includes(word()!))) {
    if (UNSUPPORTED.has(word() ?? '')) unsupported(peek()!.text.toUpperCase(), peek());
    i++;
  }
  const where = accept('where') ? expression() : undefined;
  let groupBy: Expr[] = [];
  if (accept('group')) {
    expect('by');
    groupBy = list();
  }
  const having = accept('having') ? expression() : undefined;
  const orderBy: SelectStatement['orderBy'] = [];
  if (accept('order')) {
    expect('by');
    do {
      const expr = expression();
      const desc = accept('desc') ? true : (accept('asc'), false);
      if (accept('nulls')) i++;
      orderBy.push({ expr, desc });
    } while (isPunct(',') && ++i);
  }
  let limit: number | undefined;
  if (accept('limit')) {
    const t = peek();
    if (t?.kind !== 'number') fail(`mismatched input '${t?.text ?? '<EOF>'}'. Expecting: <integer>`);
    limit = Number(t!.text);
    i++;
  }
  if (isPunct(';')) i++;
  if (peek()) {
    if (UNSUPPORTED.has(word() ?? '')) unsupported(peek()!.text.toUpperCase(), peek());
    fail(`mismatched input '${peek()!.text}'. Expecting: <EOF>`);
  }
  return { distinct, items, from: table.text, where, groupBy, having, orderBy, limit };
}
