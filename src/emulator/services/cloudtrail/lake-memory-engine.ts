// The demo build's Lake engine: Lake SQL evaluated in JavaScript over the in-memory store's records, so
// StartQuery works in the browser with no server and no download (docs/decisions/lake-in-the-demo.md). The
// statement is checked by the same translator as the local server's (domain/lake-sql.ts), then read by a
// small interpreter of one SELECT over one store; joins, WITH, UNION, subqueries and window functions answer
// InvalidQueryStatementException naming npm start, where DuckDB runs them.
import { advancedSelectorMatches } from '@/domain/event-selectors';
import { DAY_MS, eventDataStoreIdOf, type EventDataStoreState } from '@/domain/lake';
import { INTEGRATION_LAKE_COLUMNS } from '@/domain/integration-events';
import { isIntegrationStore } from '@/domain/lake-channels';
import { LakeSqlError, lakePosition, translateLakeSql } from '@/domain/lake-sql';
import type { AnyRecord, CloudTrailRecord } from '@/domain/record';
import { ServiceError } from '../../errors';
import type { LakeEngine, LakeQueryResult, PreparedLakeQuery } from './lake-queries';
import { AGGREGATES, SCALARS, compareValues, evaluate, type EvalContext } from './lake-memory-eval';
import { parseLakeSelect, type Expr, type SelectStatement } from './lake-memory-parse';
import {
  EMPTY_ROW,
  integrationLakeRow,
  LAKE_ROW_COLUMNS,
  LakeTime,
  lakeRow,
  lakeText,
  type LakeRow,
  type LakeValue,
} from './lake-memory-values';

/** The size of each record as JSON, the bytes a query scans, measured once per record. */
const recordBytes = new WeakMap<object, number>();
const bytesOf = (record: AnyRecord) => {
  let bytes = recordBytes.get(record);
  if (bytes === undefined) recordBytes.set(record, (bytes = JSON.stringify(record).length));
  return bytes;
};

/** How many records are read between two yields to the page, so the console stays responsive. */
const CHUNK = 5_000;

function holds(
  store: EventDataStoreState,
  record: AnyRecord,
  now: number,
  imported: ReadonlySet<string> | undefined,
): boolean {
  const time = Date.parse(record.eventTime);
  if (time < now - store.retentionPeriod * DAY_MS) return false;
  // Events an import copied into the store, whatever its selectors, creation time and ingestion.
  if (imported?.has(record.eventID)) return true;
  for (const stop of store.ingestionStops ?? []) {
    if (time >= stop.fromMs && (stop.toMs === undefined || time < stop.toMs)) return false;
  }
  if (store.builtIn) return true;
  if (time < store.createdMs) return false;
  if (!store.multiRegionEnabled && record.awsRegion !== store.homeRegion) return false;
  const selectors = store.advancedEventSelectors;
  return (
    selectors.length === 0 || selectors.some((s) => advancedSelectorMatches(s, record as CloudTrailRecord))
  );
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

const invalid = (message: string) => new ServiceError('InvalidQueryStatementException', message);

/** Names the statement may use: Lake's columns, the table alias, and in ORDER BY/HAVING the output names. */
function check(statement: string, select: SelectStatement, storeColumns: readonly string[]): void {
  const columns = new Set(storeColumns.map((c) => c.toLowerCase()));
  const outputs = new Set(select.items.flatMap((i) => (i.alias ? [i.alias.toLowerCase()] : [])));
  const where = (at: number) => {
    const { line, column } = lakePosition(statement, at);
    return `line ${line}:${column}: `;
  };
  const walk = (e: Expr, allowOutputs: boolean, allowAggregates: boolean): void => {
    switch (e.k) {
      case 'col': {
        const [first, second] = e.path.map((p) => p.toLowerCase());
        const known =
          columns.has(first!) ||
          (second !== undefined && columns.has(second)) ||
          (allowOutputs && outputs.has(first!));
        if (!known) throw invalid(`${where(e.at)}Column '${e.path.join('.')}' cannot be resolved`);
        return;
      }
      case 'call':
        if (AGGREGATES.has(e.name)) {
          if (!allowAggregates) {
            throw invalid(`${where(e.at)}WHERE clause cannot contain aggregations or window functions`);
          }
        } else if (!SCALARS[e.name]) {
          throw invalid(`${where(e.at)}Function '${e.name}' not registered`);
        }
        e.args.forEach((a) => walk(a, allowOutputs, allowAggregates));
        return;
      default:
        for (const value of Object.values(e)) {
          if (Array.isArray(value)) {
            value.flat().forEach((v) => isExpr(v) && walk(v, allowOutputs, allowAggregates));
          } else if (isExpr(value)) walk(value, allowOutputs, allowAggregates);
        }
    }
  };
  select.items.forEach((item) => item.expr && walk(item.expr, false, true));
  if (select.where) walk(select.where, false, false);
  select.groupBy.forEach((e) => walk(e, false, false));
  if (select.having) walk(select.having, true, true);
  select.orderBy.forEach((o) => walk(o.expr, true, true));
}

const isExpr = (value: unknown): value is Expr =>
  typeof value === 'object' && value !== null && 'k' in value && typeof value.k === 'string';

const containsAggregate = (e: Expr): boolean =>
  (e.k === 'call' && AGGREGATES.has(e.name)) ||
  Object.values(e).some((v) =>
    Array.isArray(v)
      ? v.flat().some((x) => isExpr(x) && containsAggregate(x))
      : isExpr(v) && containsAggregate(v),
  );

/** A value as a GROUP BY key: cheap for the scalars, text for the rest (values of one type per key). */
function groupKey(value: LakeValue): string {
  if (value === null) return 'null';
  if (value instanceof LakeTime) return `t${value.ms}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value}${value}`;
  return `j${lakeText(value) ?? ''}`;
}

/** Evaluates a SELECT over the rows its WHERE kept. */
function project(
  select: SelectStatement,
  rows: readonly LakeRow[],
  now: number,
  storeColumns: readonly string[],
): LakeQueryResult['rows'] & { columns?: string[] } {
  const items = select.items.flatMap((item, index) =>
    item.star
      ? storeColumns.map((c) => ({ name: c, expr: { k: 'col', path: [c], at: 0 } as Expr }))
      : [
          {
            name:
              item.alias ?? (item.plain && item.expr?.k === 'col' ? item.expr.path.at(-1)! : `_col${index}`),
            expr: item.expr!,
          },
        ],
  );
  const ordinal = (e: Expr) => (e.k === 'lit' && typeof e.v === 'number' ? items[e.v - 1]?.expr : undefined);
  const grouped =
    select.groupBy.length > 0 || items.some((i) => containsAggregate(i.expr)) || select.having !== undefined;
  let contexts: EvalContext[];
  if (grouped) {
    const keys = select.groupBy.map((e) => ordinal(e) ?? e);
    const groups = new Map<string, LakeRow[]>();
    for (const row of rows) {
      const key = keys.map((k) => groupKey(evaluate(k, { row, now }))).join('\u0000');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(row);
    }
    if (groups.size === 0 && keys.length === 0) groups.set('', []);
    contexts = [...groups.values()].map((group) => ({ row: group[0] ?? EMPTY_ROW, group, now }));
  } else {
    contexts = rows.map((row) => ({ row, now }));
  }
  const outputsOf = (ctx: EvalContext) => {
    const values = items.map((i) => evaluate(i.expr, ctx));
    // ORDER BY and HAVING may name an output column.
    const outputs = new Map(items.map((item, i) => [item.name.toLowerCase(), values[i]!]));
    const row: LakeRow = {
      get: (column) => (outputs.has(column) ? outputs.get(column) : ctx.row.get(column)),
      has: (column) => outputs.has(column) || ctx.row.has(column),
    };
    return { values, ctx: { ...ctx, row } };
  };
  let out = contexts.map(outputsOf);
  if (select.having) out = out.filter((o) => evaluate(select.having!, o.ctx) === true);
  if (select.distinct) {
    const seen = new Set<string>();
    out = out.filter((o) => {
      const key = JSON.stringify(o.values.map(lakeText));
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  if (select.orderBy.length > 0) {
    const keyed = out.map((o) => ({
      o,
      keys: select.orderBy.map(({ expr }) => {
        const position = ordinal(expr);
        return position ? evaluate(position, o.ctx) : evaluate(expr, o.ctx);
      }),
    }));
    keyed.sort((a, b) => {
      for (let i = 0; i < select.orderBy.length; i++) {
        const x: LakeValue = a.keys[i]!;
        const y: LakeValue = b.keys[i]!;
        // Trino puts NULLs last whichever the direction.
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
          continue;
        }
        const c = compareValues(x, y);
        if (c !== 0) return select.orderBy[i]!.desc ? -c : c;
      }
      return 0;
    });
    out = keyed.map((k) => k.o);
  }
  if (select.limit !== undefined) out = out.slice(0, select.limit);
  const result = out.map((o) => o.values.map(lakeText)) as LakeQueryResult['rows'] & { columns?: string[] };
  result.columns = items.map((i) => i.name);
  return result;
}

export function memoryLakeEngine(
  records: () => Iterable<AnyRecord>,
  options: {
    timeLimitMs?: number;
    maxRows?: number;
    /** The eventIDs StartImport made members of a store (lake-imports.ts). */
    members?: (storeId: string) => ReadonlySet<string> | undefined;
    /** The events PutAuditEvents ingested into an integration store (lake-channels.ts). */
    integrationEvents?: (storeId: string) => Iterable<object>;
    /** Resolves when `records` yields every record (the demo fills its older days in the background). */
    loaded?: () => Promise<unknown>;
  } = {},
): LakeEngine {
  const maxRows = options.maxRows ?? 100_000;
  return {
    timeLimitMs: options.timeLimitMs ?? 10 * 60_000,
    async prepare(statement, stores, now): Promise<PreparedLakeQuery> {
      const named = (name: string) =>
        stores.find(
          (s) =>
            s.id.toLowerCase() === name.toLowerCase() ||
            s.arn.toLowerCase() === name.toLowerCase() ||
            s.id.toLowerCase() === eventDataStoreIdOf(name).toLowerCase(),
        );
      let select: SelectStatement;
      let storeIds: string[];
      try {
        ({ storeIds } = translateLakeSql(statement, (name) => {
          const store = named(name);
          return store && { id: store.id, sql: '' };
        }));
        select = parseLakeSelect(statement);
      } catch (error) {
        if (error instanceof LakeSqlError) throw new ServiceError(error.code, error.message);
        throw error;
      }
      const store = named(select.from)!;
      // An integration store has its own schema and holds only what its channels ingested.
      const integration = isIntegrationStore(store);
      const storeColumns: readonly string[] = integration ? INTEGRATION_LAKE_COLUMNS : LAKE_ROW_COLUMNS;
      check(statement, select, storeColumns);
      const imported = options.members?.(store.id);
      const oldest = now - store.retentionPeriod * DAY_MS;
      const sources = (): Iterable<{ record: AnyRecord; row: () => LakeRow }> =>
        integration
          ? mapIterable(options.integrationEvents?.(store.id) ?? [], (event) => {
              const record = event as AnyRecord;
              return { record, row: () => integrationLakeRow(event as Record<string, unknown>) };
            })
          : mapIterable(records(), (record) => ({ record, row: () => lakeRow(record as CloudTrailRecord) }));
      const collects = (record: AnyRecord) =>
        integration ? Date.parse(record.eventTime) >= oldest : holds(store, record, now, imported);
      let progress = { eventsScanned: 0, bytesScanned: 0 };
      return {
        storeIds,
        progress: () => progress,
        async run(signal) {
          await options.loaded?.();
          signal.throwIfAborted();
          const kept: LakeRow[] = [];
          let n = 0;
          for (const source of sources()) {
            const { record } = source;
            if (++n % CHUNK === 0) {
              await new Promise((resolve) => setTimeout(resolve, 0));
              signal.throwIfAborted();
            }
            if (!collects(record)) continue;
            progress = {
              eventsScanned: progress.eventsScanned + 1,
              bytesScanned: progress.bytesScanned + bytesOf(record),
            };
            const row = source.row();
            if (!select.where || evaluate(select.where, { row, now }) === true) kept.push(row);
          }
          signal.throwIfAborted();
          let rows;
          try {
            rows = project(select, kept, now, storeColumns);
          } catch (error) {
            throw new Error(error instanceof Error ? error.message : String(error));
          }
          const columns = rows.columns ?? [];
          const limited = rows.slice(0, maxRows);
          return {
            columns,
            rows: limited,
            eventsScanned: progress.eventsScanned,
            eventsMatched: limited.length,
            bytesScanned: progress.bytesScanned,
          };
        },
      };
    },
  };
}
