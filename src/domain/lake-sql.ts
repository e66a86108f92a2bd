// Lake SQL (Trino-flavoured, query-limitations.html) to DuckDB SQL. Not a full parser: a tokenizer that
// keeps every character's position, checks what Lake refuses (anything but one SELECT, the INTERVAL
// keyword, a FROM that names no event data store), replaces each event data store ID or ARN in a FROM or
// JOIN with the store's rows (lake-view.ts) and renames the Trino functions DuckDB spells differently.
// Table positions accept only event data stores, names of the statement's own WITH queries, subqueries and
// UNNEST: nothing else of the database (its tables, files, table functions) is reachable from a query.
import { LAKE_MESSAGES } from '@/domain/lake';

export class LakeSqlError extends Error {
  /** 1-based line and column of the offending token in the statement, when known. */
  readonly line?: number;
  readonly column?: number;
  readonly code: 'InvalidQueryStatementException' | 'EventDataStoreNotFoundException';

  constructor(
    message: string,
    position?: { line: number; column: number },
    code: LakeSqlError['code'] = 'InvalidQueryStatementException',
  ) {
    super(position ? `line ${position.line}:${position.column}: ${message}` : message);
    this.line = position?.line;
    this.column = position?.column;
    this.code = code;
  }
}

export type TokenKind = 'space' | 'comment' | 'string' | 'quoted' | 'number' | 'word' | 'table' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
}

/** Trino function → DuckDB spelling, where only the name differs. */
const FUNCTION_RENAMES: ReadonlyMap<string, string> = new Map([
  ['approx_distinct', 'approx_count_distinct'],
  ['json_extract_scalar', 'json_extract_string'],
  ['regexp_like', 'regexp_matches'],
  ['cardinality', 'len'],
  ['array_join', 'array_to_string'],
  ['split', 'string_split'],
  ['contains', 'list_contains'],
  ['arbitrary', 'any_value'],
  ['element_at', 'lake_element_at'],
  ['date_add', 'lake_date_add'],
  ['from_iso8601_timestamp', 'lake_from_iso8601_timestamp'],
  ['to_iso8601', 'lake_to_iso8601'],
  ['to_unixtime', 'epoch'],
  ['from_unixtime', 'to_timestamp'],
  ['json_parse', 'json'],
  ['json_format', 'lake_json_format'],
]);

/** DuckDB macros behind the renamed functions, created on each query connection. */
export const LAKE_MACROS: readonly string[] = [
  // Trino's element_at is a map lookup or a 1-based array index; DuckDB's subscript is both.
  `CREATE OR REPLACE TEMP MACRO lake_element_at(container, key) AS container[key]`,
  `CREATE OR REPLACE TEMP MACRO lake_date_add(unit, amount, t) AS t + CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(amount::BIGINT) WHEN 'second' THEN to_seconds(amount::BIGINT)
     WHEN 'minute' THEN to_minutes(amount::BIGINT) WHEN 'hour' THEN to_hours(amount::BIGINT)
     WHEN 'day' THEN to_days(amount::INTEGER) WHEN 'week' THEN to_weeks(amount::INTEGER)
     WHEN 'month' THEN to_months(amount::INTEGER) WHEN 'quarter' THEN to_months(3 * amount::INTEGER)
     WHEN 'year' THEN to_years(amount::INTEGER) END`,
  `CREATE OR REPLACE TEMP MACRO lake_from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ)`,
  `CREATE OR REPLACE TEMP MACRO lake_to_iso8601(t) AS strftime(t, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  `CREATE OR REPLACE TEMP MACRO lake_json_format(j) AS CAST(j AS VARCHAR)`,
];

/** Statements and clauses that change data or reach outside the event data stores. */
const FORBIDDEN_WORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'create', 'drop', 'alter', 'truncate', 'copy', 'attach',
  'detach', 'pragma', 'install', 'load', 'export', 'import', 'set', 'reset', 'call', 'checkpoint',
  'vacuum', 'grant', 'revoke', 'use', 'prepare', 'execute', 'deallocate', 'begin', 'commit', 'rollback',
  'summarize', 'describe', 'show', 'explain',
]); // prettier-ignore

/** DuckDB functions that read files, settings or the catalog: never callable from a Lake query. */
const HOST_FUNCTIONS =
  /^(read_\w+|glob|query|query_table|sniff_csv|parquet_\w+|iceberg_\w+|delta_scan|duckdb_\w+|pragma_\w+|getenv|current_setting|which_secret|load_aws_credentials|json_execute_serialized_sql|test_\w+)$/i;

const TABLE_CHARS = /[A-Za-z0-9_\-:/.]/;

/** Words that end a FROM list at its own nesting level. */
const FROM_LIST_END = new Set([
  'where', 'group', 'order', 'limit', 'having', 'union', 'except', 'intersect', 'window', 'qualify',
  'offset', 'select',
]); // prettier-ignore

/** Words after which a parenthesis opens a subquery or a list, not a function's arguments. */
const NOT_CALLS = new Set([
  'in', 'from', 'join', 'exists', 'as', 'select', 'where', 'and', 'or', 'not', 'on', 'union', 'all', 'any',
  'some', 'with', 'by', 'having', 'then', 'else', 'when', 'case', 'except', 'intersect', 'lateral', 'distinct',
]); // prettier-ignore

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let expectTable = false;
  // Paren depth, and the depths at which a FROM list is open (a comma there starts another table).
  let depth = 0;
  const fromLists: number[] = [];
  // For each open paren, whether it opens a function call: FROM inside one is an argument keyword
  // (EXTRACT(year FROM t), substring(s FROM 2), trim(BOTH 'x' FROM s)), not a table position.
  const callParens: boolean[] = [];
  let previousWord = '';
  while (i < sql.length) {
    const start = i;
    const c = sql[i]!;
    let kind: TokenKind;
    if (expectTable && c === "'") {
      throw new LakeSqlError('A string cannot be used as a table.', positionOf(sql, start));
    }
    if (/\s/.test(c)) {
      while (i < sql.length && /\s/.test(sql[i]!)) i++;
      kind = 'space';
    } else if (sql.startsWith('--', i)) {
      while (i < sql.length && sql[i] !== '\n') i++;
      kind = 'comment';
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw new LakeSqlError('unterminated comment', positionOf(sql, i));
      i = end + 2;
      kind = 'comment';
    } else if (c === "'" || c === '"') {
      i++;
      for (;;) {
        if (i >= sql.length) {
          throw new LakeSqlError(
            c === "'" ? 'unterminated string literal' : 'unterminated quoted identifier',
            positionOf(sql, start),
          );
        }
        if (sql[i] === c) {
          if (sql[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
      kind = c === "'" ? 'string' : 'quoted';
    } else if (expectTable && TABLE_CHARS.test(c)) {
      // A table position: an event data store ID may start with a digit and holds hyphens, an ARN colons.
      while (i < sql.length && TABLE_CHARS.test(sql[i]!)) i++;
      kind = 'table';
    } else if (/[0-9]/.test(c)) {
      while (i < sql.length && /[0-9.eE]/.test(sql[i]!)) i++;
      kind = 'number';
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i++;
      kind = 'word';
    } else {
      i++;
      kind = 'punct';
    }
    const token = { kind, text: sql.slice(start, i), start };
    tokens.push(token);
    if (kind === 'word') {
      const lower = token.text.toLowerCase();
      // `x IS [NOT] DISTINCT FROM y` and FROM inside a function's parentheses name no table.
      const tableFrom = lower === 'from' && previousWord !== 'distinct' && callParens.at(-1) !== true;
      expectTable = tableFrom || lower === 'join';
      if (tableFrom && fromLists.at(-1) !== depth) fromLists.push(depth);
      if (FROM_LIST_END.has(lower) && fromLists.at(-1) === depth) fromLists.pop();
      previousWord = lower;
    } else if (kind !== 'space' && kind !== 'comment') {
      expectTable = kind === 'punct' && token.text === ',' && fromLists.at(-1) === depth;
      if (token.text === '(') {
        const before = previousSignificant(tokens, tokens.length - 1);
        callParens.push(before?.kind === 'word' && !NOT_CALLS.has(before.text.toLowerCase()));
        depth++;
      }
      if (token.text === ')') {
        while (fromLists.length > 0 && fromLists.at(-1)! >= depth) fromLists.pop();
        callParens.pop();
        depth--;
      }
      previousWord = '';
    }
  }
  return tokens;
}

function positionOf(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export interface TranslatedStatement {
  sql: string;
  /** The event data store IDs the statement reads, in order of first use. */
  storeIds: string[];
}

/**
 * Translates a Lake statement. `storeSource` gives the DuckDB subquery of an event data store for an ID or
 * ARN written in a FROM or JOIN, or undefined for a name that is no store.
 */
export function translateLakeSql(
  statement: string,
  storeSource: (name: string) => { id: string; sql: string } | undefined,
): TranslatedStatement {
  const tokens = tokenize(statement);
  const significant = tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const first = significant[0];
  if (!first) throw new LakeSqlError('The query statement is empty.');
  const firstWord = first.text.toLowerCase();
  if (first.kind !== 'word' || (firstWord !== 'select' && firstWord !== 'with' && first.text !== '(')) {
    if (first.text !== '(')
      throw new LakeSqlError(LAKE_MESSAGES.onlySelect, positionOf(statement, first.start));
  }
  const cteNames = new Set<string>();
  significant.forEach((token, index) => {
    const next = significant[index + 1];
    const previous = significant[index - 1];
    if (token.kind === 'punct' && token.text === ';' && next) {
      throw new LakeSqlError('Only one statement can be run at a time.', positionOf(statement, next.start));
    }
    if (token.kind !== 'word') return;
    const lower = token.text.toLowerCase();
    if (FORBIDDEN_WORDS.has(lower) && !(previous?.text === '.' || next?.text === '.')) {
      // `update`, `set`, … as bare words are statements or clauses Lake refuses; as struct fields they pass.
      throw new LakeSqlError(LAKE_MESSAGES.onlySelect, positionOf(statement, token.start));
    }
    if (lower === 'interval') {
      throw new LakeSqlError(LAKE_MESSAGES.intervalKeyword, positionOf(statement, token.start));
    }
    // `name AS (` after WITH or a comma in a WITH list defines a query the statement may read from.
    if (next?.text.toLowerCase() === 'as' && significant[index + 2]?.text === '(') {
      if (previous && (previous.text.toLowerCase() === 'with' || previous.text === ',')) cteNames.add(lower);
    }
  });

  const storeIds: string[] = [];
  let out = '';
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'table') {
      out += tableSource(token, statement, tokens, index, storeSource, cteNames, storeIds);
      continue;
    }
    if (token.kind === 'quoted' && previousSignificant(tokens, index)?.kind === 'word') {
      const keyword = previousSignificant(tokens, index)!.text.toLowerCase();
      if (keyword === 'from' || keyword === 'join') {
        const name = token.text.slice(1, -1).replaceAll('""', '"');
        out += tableSource(
          { ...token, text: name },
          statement,
          tokens,
          index,
          storeSource,
          cteNames,
          storeIds,
        );
        continue;
      }
    }
    if (token.kind === 'word' && nextSignificant(tokens, index)?.text === '(') {
      if (HOST_FUNCTIONS.test(token.text)) {
        throw new LakeSqlError(
          `Function ${token.text} is not registered.`,
          positionOf(statement, token.start),
        );
      }
      const renamed = FUNCTION_RENAMES.get(token.text.toLowerCase());
      if (renamed) {
        out += renamed;
        continue;
      }
    }
    out += token.text;
  }
  if (storeIds.length === 0) throw new LakeSqlError(LAKE_MESSAGES.noEventDataStore);
  return { sql: out, storeIds };
}

function previousSignificant(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== 'space' && t.kind !== 'comment') return t;
  }
  return undefined;
}

function nextSignificant(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'space' && t.kind !== 'comment') return t;
  }
  return undefined;
}

const ALIAS_STOP = new Set([
  'where', 'group', 'order', 'limit', 'having', 'join', 'left', 'right', 'inner', 'full', 'cross', 'on',
  'union', 'except', 'intersect', 'offset', 'window', 'natural', 'using', 'qualify',
]); // prettier-ignore

function tableSource(
  token: Token,
  statement: string,
  tokens: readonly Token[],
  index: number,
  storeSource: (name: string) => { id: string; sql: string } | undefined,
  cteNames: ReadonlySet<string>,
  storeIds: string[],
): string {
  const name = token.text;
  const next = nextSignificant(tokens, index);
  if (next?.text === '(') {
    // A function in table position: only UNNEST (Trino's `CROSS JOIN UNNEST(resources) AS t(r)`).
    if (name.toLowerCase() === 'unnest') return name;
    throw new LakeSqlError(`Function ${name} cannot be used as a table.`, positionOf(statement, token.start));
  }
  const store = storeSource(name);
  if (store) {
    if (!storeIds.includes(store.id)) storeIds.push(store.id);
    const aliased =
      next !== undefined &&
      (next.kind === 'quoted' || (next.kind === 'word' && !ALIAS_STOP.has(next.text.toLowerCase())));
    return aliased ? `(${store.sql})` : `(${store.sql}) AS "${store.id}"`;
  }
  if (cteNames.has(name.toLowerCase())) return name;
  throw new LakeSqlError(
    `Table ${name} does not exist. Name an event data store by its ID or ARN.`,
    positionOf(statement, token.start),
    'EventDataStoreNotFoundException',
  );
}

/**
 * The statement with each table name replaced by an identifier of the same length, so DuckDB's parser can
 * check it and its error offsets are offsets in the statement as written.
 */
export function parseableLakeSql(statement: string): string {
  return tokenize(statement)
    .map((t) => (t.kind === 'table' ? 't' + '_'.repeat(Math.max(0, t.text.length - 1)) : t.text))
    .join('');
}

/** The line and column of a 0-based offset in a statement (used for the engine's own errors). */
export function lakePosition(statement: string, offset: number): { line: number; column: number } {
  return positionOf(statement, offset);
}
