// Evaluating the demo engine's expression tree (lake-memory-parse.ts) over Lake rows, with Trino's
// semantics where the sample queries, generator and dashboards rely on them: NULL propagates, comparisons
// of a timestamp with a string literal read the literal as a timestamp, aggregates ignore NULLs.
import { LakeSqlError } from '@/domain/lake-sql';
import type { Expr } from './lake-memory-parse';
import {
  LakeMap,
  LakeTime,
  lakeText,
  parseLakeTime,
  type LakeRow,
  type LakeValue,
} from './lake-memory-values';

export interface EvalContext {
  row: LakeRow;
  /** The rows of the current group, when the statement aggregates. */
  group?: readonly LakeRow[];
  now: number;
}

export const AGGREGATES = new Set([
  'count', 'count_if', 'sum', 'avg', 'min', 'max', 'approx_distinct', 'arbitrary', 'any_value', 'max_by',
  'min_by',
]); // prettier-ignore

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

function truncate(unit: string, ms: number): number {
  const d = new Date(ms);
  switch (unit) {
    case 'year':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'week': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * UNIT_MS.day!; // ISO weeks start on Monday
    }
    default: {
      const size = UNIT_MS[unit];
      if (!size) throw new Error(`'${unit}' is not a valid Timestamp field`);
      return ms - (((ms % size) + size) % size);
    }
  }
}

function addUnits(unit: string, amount: number, ms: number): number {
  const months = { month: 1, quarter: 3, year: 12 }[unit];
  if (months) {
    const d = new Date(ms);
    d.setUTCMonth(d.getUTCMonth() + amount * months);
    return d.getTime();
  }
  const size = UNIT_MS[unit];
  if (!size) throw new Error(`'${unit}' is not a valid Timestamp field`);
  return ms + amount * size;
}

const asTime = (v: LakeValue): number | null =>
  v instanceof LakeTime
    ? v.ms
    : typeof v === 'string' && !Number.isNaN(parseLakeTime(v))
      ? parseLakeTime(v)
      : null;

const asNumber = (v: LakeValue): number | null =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : null;

/** Trino's ordering of two non-null values: numbers, timestamps (a string beside one read as one), text. */
export function compareValues(a: LakeValue, b: LakeValue): number {
  if (a instanceof LakeTime || b instanceof LakeTime) {
    const x = asTime(a);
    const y = asTime(b);
    if (x !== null && y !== null) return x - y;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x !== null && y !== null) return x - y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return String(a) === String(b) ? 0 : String(a) < String(b) ? -1 : 1;
  }
  const x = lakeText(a) ?? '';
  const y = lakeText(b) ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

const likeRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replaceAll('%', '.*')
      .replaceAll('_', '.')}$`,
    's',
  );

function element(container: LakeValue, key: LakeValue): LakeValue {
  if (container instanceof LakeMap) return container.entries.get(String(key)) ?? null;
  if (Array.isArray(container)) return typeof key === 'number' ? (container[key - 1] ?? null) : null;
  return null;
}

/** A struct field, matched without regard to case (Lake's names are case-insensitive). */
export function field(value: LakeValue, name: string): LakeValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (value instanceof LakeMap || value instanceof LakeTime) return null;
  const struct = value as Record<string, unknown>;
  let found = struct[name];
  if (found === undefined) {
    const lower = name.toLowerCase();
    const key = Object.keys(struct).find((k) => k.toLowerCase() === lower);
    found = key === undefined ? undefined : struct[key];
  }
  if (found === undefined || found === null) return null;
  // Struct fields of Lake's schema are varchar: a JSON number or boolean reads as its text.
  return typeof found === 'object' ? (found as LakeValue) : String(found);
}

function jsonPath(text: LakeValue, path: LakeValue): LakeValue {
  if (typeof text !== 'string' || typeof path !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  for (const part of path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

type Scalar = (args: LakeValue[], ctx: EvalContext) => LakeValue;
const str = (v: LakeValue) => (v === null ? null : lakeText(v));
const unit = (v: LakeValue) => String(v).toLowerCase();

export const SCALARS: Record<string, Scalar> = {
  lower: ([v]) => str(v ?? null)?.toLowerCase() ?? null,
  upper: ([v]) => str(v ?? null)?.toUpperCase() ?? null,
  length: ([v]) => str(v ?? null)?.length ?? null,
  trim: ([v]) => str(v ?? null)?.trim() ?? null,
  concat: (args) => (args.some((a) => a === null) ? null : args.map((a) => lakeText(a)).join('')),
  substr: ([v, from, length]) => {
    const s = str(v ?? null);
    if (s === null || typeof from !== 'number') return null;
    const start = from > 0 ? from - 1 : Math.max(0, s.length + from);
    return typeof length === 'number' ? s.slice(start, start + length) : s.slice(start);
  },
  replace: ([v, search, by]) =>
    str(v ?? null)?.replaceAll(String(search), by == null ? '' : String(by)) ?? null,
  strpos: ([v, search]) => (v == null ? null : (str(v) ?? '').indexOf(String(search)) + 1),
  regexp_like: ([v, pattern]) => (v == null ? null : new RegExp(String(pattern)).test(str(v) ?? '')),
  coalesce: (args) => args.find((a) => a !== null) ?? null,
  nullif: ([a, b]) => (a != null && b != null && compareValues(a, b) === 0 ? null : (a ?? null)),
  if: ([condition, then, otherwise]) => (condition === true ? (then ?? null) : (otherwise ?? null)),
  abs: ([v]) => (asNumber(v ?? null) === null ? null : Math.abs(asNumber(v!)!)),
  round: ([v, digits]) => {
    const n = asNumber(v ?? null);
    const scale = 10 ** (typeof digits === 'number' ? digits : 0);
    return n === null ? null : Math.round(n * scale) / scale;
  },
  element_at: ([container, key]) => element(container ?? null, key ?? null),
  cardinality: ([v]) => (Array.isArray(v) ? v.length : v instanceof LakeMap ? v.entries.size : null),
  contains: ([list, v]) =>
    Array.isArray(list) ? list.some((e) => e !== null && v != null && compareValues(e, v) === 0) : null,
  split: ([v, by]) => str(v ?? null)?.split(String(by)) ?? null,
  json_extract_scalar: ([text, path]) => jsonPath(text ?? null, path ?? null),
  json_extract: ([text, path]) => jsonPath(text ?? null, path ?? null),
  now: (_args, ctx) => new LakeTime(ctx.now),
  date_trunc: ([u, t]) => (asTime(t ?? null) === null ? null : new LakeTime(truncate(unit(u!), asTime(t!)!))),
  date_add: ([u, n, t]) =>
    asTime(t ?? null) === null || typeof n !== 'number'
      ? null
      : new LakeTime(addUnits(unit(u!), n, asTime(t!)!)),
  date_diff: ([u, a, b]) => {
    const x = asTime(a ?? null);
    const y = asTime(b ?? null);
    if (x === null || y === null) return null;
    const size = UNIT_MS[unit(u!)];
    return size ? Math.trunc((y - x) / size) : null;
  },
  from_iso8601_timestamp: ([v]) => (asTime(v ?? null) === null ? null : new LakeTime(asTime(v!)!)),
  to_iso8601: ([t]) => (asTime(t ?? null) === null ? null : new Date(asTime(t!)!).toISOString()),
  to_unixtime: ([t]) => (asTime(t ?? null) === null ? null : asTime(t!)! / 1000),
  from_unixtime: ([n]) => (typeof n === 'number' ? new LakeTime(n * 1000) : null),
  year: ([t]) => (asTime(t ?? null) === null ? null : new Date(asTime(t!)!).getUTCFullYear()),
  month: ([t]) => (asTime(t ?? null) === null ? null : new Date(asTime(t!)!).getUTCMonth() + 1),
  day: ([t]) => (asTime(t ?? null) === null ? null : new Date(asTime(t!)!).getUTCDate()),
  hour: ([t]) => (asTime(t ?? null) === null ? null : new Date(asTime(t!)!).getUTCHours()),
};
SCALARS.substring = SCALARS.substr!;

function aggregate(expr: Extract<Expr, { k: 'call' }>, ctx: EvalContext): LakeValue {
  const rows = ctx.group ?? [ctx.row];
  if (expr.star) return rows.length;
  const each = (arg: number) =>
    rows.map((row) => evaluate(expr.args[arg]!, { ...ctx, row, group: undefined }));
  let values = each(0).filter((v) => v !== null);
  if (expr.distinct) {
    const seen = new Set<string>();
    values = values.filter((v) => {
      const key = lakeText(v) ?? '';
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  switch (expr.name) {
    case 'count':
      return values.length;
    case 'count_if':
      return values.filter((v) => v === true).length;
    case 'approx_distinct':
      return new Set(values.map((v) => lakeText(v))).size;
    case 'sum':
    case 'avg': {
      const numbers = values.map((v) => asNumber(v) ?? 0);
      if (numbers.length === 0) return null;
      const sum = numbers.reduce((a, b) => a + b, 0);
      return expr.name === 'sum' ? sum : sum / numbers.length;
    }
    case 'min':
    case 'max': {
      const sign = expr.name === 'min' ? 1 : -1;
      return values.reduce<LakeValue>(
        (best, v) => (best === null || sign * compareValues(v, best) < 0 ? v : best),
        null,
      );
    }
    case 'max_by':
    case 'min_by': {
      const keys = each(1);
      const sign = expr.name === 'min_by' ? 1 : -1;
      let best: number | undefined;
      keys.forEach((k, i) => {
        if (k !== null && (best === undefined || sign * compareValues(k, keys[best]!) < 0)) best = i;
      });
      return best === undefined ? null : each(0)[best]!;
    }
    default:
      return values[0] ?? null;
  }
}

const truth = (v: LakeValue): boolean | null => (v === null ? null : v === true || v === 'true');

export function evaluate(expr: Expr, ctx: EvalContext): LakeValue {
  switch (expr.k) {
    case 'lit':
      return expr.timestamp && typeof expr.v === 'string' ? new LakeTime(parseLakeTime(expr.v)) : expr.v;
    case 'col': {
      let value = ctx.row.get(expr.path[0]!.toLowerCase()) ?? null;
      let rest = expr.path.slice(1);
      if (!ctx.row.has(expr.path[0]!.toLowerCase()) && rest.length > 0) {
        // `alias.column`: the table's alias in front of a column.
        value = ctx.row.get(rest[0]!.toLowerCase()) ?? null;
        rest = rest.slice(1);
      }
      for (const part of rest) value = field(value, part);
      return value;
    }
    case 'sub':
      return element(evaluate(expr.e, ctx), evaluate(expr.key, ctx));
    case 'call':
      if (AGGREGATES.has(expr.name)) return aggregate(expr, ctx);
      return SCALARS[expr.name]!(
        expr.args.map((a) => evaluate(a, ctx)),
        ctx,
      );
    case 'not': {
      const v = truth(evaluate(expr.e, ctx));
      return v === null ? null : !v;
    }
    case 'neg': {
      const v = asNumber(evaluate(expr.e, ctx));
      return v === null ? null : -v;
    }
    case 'isnull':
      return (evaluate(expr.e, ctx) === null) !== expr.not;
    case 'like': {
      const v = evaluate(expr.e, ctx);
      const p = evaluate(expr.pattern, ctx);
      if (v === null || p === null) return null;
      return likeRegExp(String(p)).test(lakeText(v) ?? '') !== expr.not;
    }
    case 'in': {
      const v = evaluate(expr.e, ctx);
      if (v === null) return null;
      return (
        expr.list.some((e) => {
          const x = evaluate(e, ctx);
          return x !== null && compareValues(v, x) === 0;
        }) !== expr.not
      );
    }
    case 'between': {
      const v = evaluate(expr.e, ctx);
      const lo = evaluate(expr.lo, ctx);
      const hi = evaluate(expr.hi, ctx);
      if (v === null || lo === null || hi === null) return null;
      return (compareValues(v, lo) >= 0 && compareValues(v, hi) <= 0) !== expr.not;
    }
    case 'case': {
      const operand = expr.operand && evaluate(expr.operand, ctx);
      for (const [when, then] of expr.whens) {
        const w = evaluate(when, ctx);
        const hit =
          operand === undefined
            ? truth(w) === true
            : operand !== null && w !== null && compareValues(operand, w) === 0;
        if (hit) return evaluate(then, ctx);
      }
      return expr.otherwise ? evaluate(expr.otherwise, ctx) : null;
    }
    case 'cast': {
      const v = evaluate(expr.e, ctx);
      if (v === null) return null;
      if (/^(varchar|char|string)/.test(expr.type)) return lakeText(v);
      if (/^(bigint|integer|int|smallint|tinyint|double|real|decimal)/.test(expr.type)) return asNumber(v);
      if (expr.type === 'boolean') return truth(v);
      if (/^(timestamp|date)/.test(expr.type)) return asTime(v) === null ? null : new LakeTime(asTime(v)!);
      return v;
    }
    case 'bin':
      return binary(expr.op, expr.l, expr.r, ctx);
  }
}

function binary(op: string, l: Expr, r: Expr, ctx: EvalContext): LakeValue {
  if (op === 'and' || op === 'or') {
    const a = truth(evaluate(l, ctx));
    if (op === 'and' && a === false) return false;
    if (op === 'or' && a === true) return true;
    const b = truth(evaluate(r, ctx));
    if (op === 'and') return b === false ? false : a === null || b === null ? null : true;
    return b === true ? true : a === null || b === null ? null : false;
  }
  const a = evaluate(l, ctx);
  const b = evaluate(r, ctx);
  if (op === 'is distinct' || op === 'is not distinct') {
    const same = a === null || b === null ? a === b : compareValues(a, b) === 0;
    return op === 'is distinct' ? !same : same;
  }
  if (a === null || b === null) return null;
  if (op === '||') return `${lakeText(a)}${lakeText(b)}`;
  if (['+', '-', '*', '/', '%'].includes(op)) {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x === null || y === null) throw new LakeSqlError(`Cannot apply operator ${op} to these values.`);
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    if (y === 0) throw new LakeSqlError('Division by zero');
    return op === '/' ? (Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y) : x % y;
  }
  const c = compareValues(a, b);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}
