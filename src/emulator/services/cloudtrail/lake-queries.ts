// CloudTrail Lake queries: StartQuery, DescribeQuery, GetQueryResults, ListQueries, CancelQuery. The SQL
// runs in a LakeEngine the host provides (the local server's is DuckDB, server/lake); a query runs in the
// background, so StartQuery answers at once and the caller polls DescribeQuery, as with the real service.
// With a DeliveryS3Uri, a finished query's results are then saved to S3 (lake-query-delivery.ts).
import {
  DAY_MS,
  eventDataStoreIdOf,
  LAKE_MESSAGES,
  MAX_CONCURRENT_QUERIES,
  MAX_QUERY_RESULTS,
  QUERY_RESULTS_DAYS,
  QUERY_STATEMENT_MAX,
  QUERY_STATUSES,
  TERMINAL_QUERY_STATUSES,
  type EventDataStoreState,
  type QueryStatus,
} from '@/domain/lake';
import { LakeSqlError, translateLakeSql } from '@/domain/lake-sql';
import { undeliveredStatus, type QueryDeliveryStatus } from '@/domain/lake-query-delivery';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import { decodeIndexToken, encodeIndexToken, optionalInteger, optionalString } from '../input';
import {
  checkDeliveryTarget,
  deliverQueryResults,
  type QueryDeliveryDeps,
  type QueryDeliveryTarget,
} from './lake-query-delivery';
import { requiredStore, type LakeCatalog } from './lake-stores';

export interface LakeQueryResult {
  columns: string[];
  /** Values as Lake renders them: strings (null stays null). */
  rows: Array<Array<string | null>>;
  eventsScanned: number;
  eventsMatched: number;
  bytesScanned: number;
}

export interface PreparedLakeQuery {
  /** IDs of the event data stores the statement reads. */
  storeIds: string[];
  /** Runs the statement; rejects with a ServiceError-shaped failure, or when `signal` aborts. */
  run(signal: AbortSignal): Promise<LakeQueryResult>;
  /** While it runs: how much of its stores the query has read so far, as the engine estimates it. */
  progress?(): { eventsScanned: number; bytesScanned: number } | undefined;
  /** Frees what the prepared statement holds when it will not be run (a dashboard widget's check). */
  release?(): void;
}

export interface LakeEngine {
  /**
   * Checks and translates a statement against the stores it may name; throws InvalidQueryStatementException
   * (with the position, `line L:C: …`) or EventDataStoreNotFoundException.
   */
  prepare(statement: string, stores: readonly EventDataStoreState[], now: number): Promise<PreparedLakeQuery>;
  /** A query running longer than this is stopped with TIMED_OUT. */
  timeLimitMs: number;
}

interface QueryRun {
  id: string;
  statement: string;
  status: QueryStatus;
  createdMs: number;
  storeIds: string[];
  startedAt: number;
  executionMs: number;
  result?: LakeQueryResult;
  progress?: PreparedLakeQuery['progress'];
  error?: string;
  /** Where its results are saved (StartQuery's DeliveryS3Uri), and how that went. */
  delivery?: QueryDeliveryTarget & { status: QueryDeliveryStatus };
  abort: AbortController;
  done: Promise<void>;
}

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);

function activeStoreOf(catalog: LakeCatalog, idOrArn: string, context: CallContext): EventDataStoreState {
  const store = catalog.find(idOrArn, context);
  if (store.status === 'PENDING_DELETION') {
    throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
  }
  return store;
}

/** The engine's translation of a statement whose stores all exist and are active (StartQuery's checks). */
async function prepareStatement(
  catalog: LakeCatalog,
  engine: LakeEngine,
  statement: string,
  context: CallContext,
): Promise<PreparedLakeQuery> {
  const prepared = await engine.prepare(statement, catalog.list(), context.now);
  try {
    for (const id of prepared.storeIds) activeStoreOf(catalog, id, context);
  } catch (error) {
    prepared.release?.();
    throw error;
  }
  return prepared;
}

/**
 * Checks a statement as StartQuery would, without running it: InvalidQueryStatementException,
 * EventDataStoreNotFoundException or InactiveEventDataStoreException. Without an engine only Lake's own
 * rules are checked (a SELECT, the stores it names).
 */
export async function checkLakeStatement(
  catalog: LakeCatalog,
  engine: LakeEngine | undefined,
  statement: string,
  context: CallContext,
): Promise<void> {
  await catalog.ready(context.now);
  if (statement.length > QUERY_STATEMENT_MAX) {
    throw new ServiceError('InvalidQueryStatementException', statementTooLong);
  }
  if (engine) {
    (await prepareStatement(catalog, engine, statement, context)).release?.();
    return;
  }
  let storeIds: string[];
  try {
    ({ storeIds } = translateLakeSql(statement, (name) => {
      const store = catalog.list().find((s) => s.id.toLowerCase() === eventDataStoreIdOf(name).toLowerCase());
      return store && { id: store.id, sql: '' };
    }));
  } catch (error) {
    if (error instanceof LakeSqlError) throw new ServiceError(error.code, error.message);
    throw error;
  }
  for (const id of storeIds) activeStoreOf(catalog, id, context);
}

const statementTooLong = `The query statement must be at most ${QUERY_STATEMENT_MAX} characters.`;

export function lakeQueryOperations(
  catalog: LakeCatalog,
  engine: LakeEngine | undefined,
  clock: () => number,
  /** The account's buckets and objects, where DeliveryS3Uri saves results. */
  s3: Omit<QueryDeliveryDeps, 'clock'>,
  /** A dashboard widget's query, by its QueryAlias and the dashboard's RefreshId (lake-dashboards.ts). */
  queryOfAlias: (alias: string, refreshId: string | undefined) => string | undefined = () => undefined,
): Record<string, Operation> {
  const queries = new Map<string, QueryRun>();

  const forget = (now: number) => {
    for (const [id, query] of queries) {
      if (now - query.createdMs > QUERY_RESULTS_DAYS * DAY_MS) queries.delete(id);
    }
  };

  /** The query of QueryId, or (DescribeQuery only) of a dashboard widget's QueryAlias. */
  const findQuery = (input: Record<string, unknown>, context: CallContext, byAlias = false): QueryRun => {
    const alias = byAlias ? optionalString(input.QueryAlias, 'QueryAlias', invalidParameter) : undefined;
    const refreshId = byAlias ? optionalString(input.RefreshId, 'RefreshId', invalidParameter) : undefined;
    const id =
      optionalString(input.QueryId, 'QueryId', invalidParameter) ??
      (alias === undefined ? undefined : (queryOfAlias(alias, refreshId) ?? ''));
    if (id === undefined) {
      throw invalidParameter(
        byAlias ? 'You must specify either QueryId or QueryAlias.' : 'QueryId is required.',
      );
    }
    const query = queries.get(id);
    if (!query) throw new ServiceError('QueryIdNotFoundException', LAKE_MESSAGES.queryIdNotFound);
    const named = optionalString(input.EventDataStore, 'EventDataStore', invalidParameter);
    if (named) activeStore(named, context);
    return query;
  };

  const activeStore = (idOrArn: string, context: CallContext) => activeStoreOf(catalog, idOrArn, context);

  const launch = (query: QueryRun, prepared: PreparedLakeQuery, limitMs: number) => {
    query.status = 'RUNNING';
    query.startedAt = clock();
    const timer = setTimeout(() => query.abort.abort('timeout'), limitMs);
    query.done = prepared
      .run(query.abort.signal)
      .then(
        (result) => {
          query.result = result;
          query.status = 'FINISHED';
        },
        (error: unknown) => {
          if (query.abort.signal.aborted) {
            query.status = query.abort.signal.reason === 'timeout' ? 'TIMED_OUT' : 'CANCELLED';
            if (query.status === 'TIMED_OUT') query.error = LAKE_MESSAGES.timedOut;
          } else {
            query.status = 'FAILED';
            query.error = error instanceof Error ? error.message : String(error);
          }
        },
      )
      .finally(() => {
        clearTimeout(timer);
        query.executionMs = clock() - query.startedAt;
      })
      // Delivery follows the scan: the query is FINISHED (its results readable) while DeliveryStatus is
      // still PENDING (query-results.html). No partial results are delivered.
      .then(async () => {
        const { delivery, result } = query;
        if (!delivery) return;
        if (query.status !== 'FINISHED' || !result) {
          delivery.status = undeliveredStatus(query.status as 'FAILED' | 'CANCELLED' | 'TIMED_OUT');
          return;
        }
        delivery.status = await deliverQueryResults({ ...s3, clock }, delivery, query.id, result).catch(
          () => 'FAILED' as const,
        );
      });
  };

  const elapsed = (query: QueryRun) =>
    TERMINAL_QUERY_STATUSES.has(query.status) ? query.executionMs : clock() - query.startedAt;

  return {
    async StartQuery(input, context) {
      await catalog.ready(context.now);
      forget(context.now);
      const statement = optionalString(input.QueryStatement, 'QueryStatement', invalidParameter);
      if (input.QueryAlias !== undefined) {
        throw invalidParameter(
          'QueryAlias is used only by CloudTrail Lake dashboards; send a QueryStatement.',
        );
      }
      if (!statement) throw invalidParameter('QueryStatement is required.');
      if (statement.length > QUERY_STATEMENT_MAX) {
        throw new ServiceError('InvalidQueryStatementException', statementTooLong);
      }
      const deliveryUri = optionalString(input.DeliveryS3Uri, 'DeliveryS3Uri', invalidParameter);
      if (!engine) throw new ServiceError('UnsupportedOperationException', LAKE_MESSAGES.noEngine);
      const active = [...queries.values()].filter((q) => !TERMINAL_QUERY_STATUSES.has(q.status));
      if (active.length >= MAX_CONCURRENT_QUERIES) {
        throw new ServiceError('MaxConcurrentQueriesException', LAKE_MESSAGES.maxConcurrentQueries, 429);
      }
      const prepared = await prepareStatement(catalog, engine, statement, context);
      const delivery =
        deliveryUri === undefined
          ? undefined
          : await checkDeliveryTarget(s3.state, deliveryUri, context.region, context.now);
      const query: QueryRun = {
        id: crypto.randomUUID(),
        statement,
        status: 'QUEUED',
        createdMs: context.now,
        storeIds: prepared.storeIds,
        startedAt: clock(),
        executionMs: 0,
        abort: new AbortController(),
        done: Promise.resolve(),
        progress: prepared.progress?.bind(prepared),
        ...(delivery && { delivery: { ...delivery, status: 'PENDING' as const } }),
      };
      queries.set(query.id, query);
      launch(query, prepared, engine.timeLimitMs);
      return { QueryId: query.id };
    },

    async DescribeQuery(input, context) {
      await catalog.ready(context.now);
      const query = findQuery(input, context, true);
      const result = query.result;
      // A running query reports what it has read so far, as Lake's DescribeQuery does.
      const sofar = query.status === 'RUNNING' ? query.progress?.() : undefined;
      return {
        QueryId: query.id,
        QueryString: query.statement,
        QueryStatus: query.status,
        QueryStatistics: {
          EventsMatched: result?.eventsMatched ?? 0,
          EventsScanned: result?.eventsScanned ?? sofar?.eventsScanned ?? 0,
          BytesScanned: result?.bytesScanned ?? sofar?.bytesScanned ?? 0,
          ExecutionTimeInMillis: elapsed(query),
          CreationTime: query.createdMs / 1000,
        },
        ...(query.error ? { ErrorMessage: query.error } : {}),
        ...(query.delivery && {
          DeliveryS3Uri: query.delivery.uri,
          DeliveryStatus: query.delivery.status,
        }),
      };
    },

    async GetQueryResults(input, context) {
      await catalog.ready(context.now);
      const query = findQuery(input, context);
      const max =
        optionalInteger(input.MaxQueryResults, 'MaxQueryResults', invalidParameter) ?? MAX_QUERY_RESULTS;
      if (max < 1 || max > MAX_QUERY_RESULTS) {
        throw new ServiceError(
          'InvalidMaxResultsException',
          `MaxQueryResults must be between 1 and ${MAX_QUERY_RESULTS}.`,
        );
      }
      const token = optionalString(input.NextToken, 'NextToken', invalidParameter);
      const start = token
        ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m))
        : 0;
      const result = query.result;
      const rows = result?.rows ?? [];
      if (start > rows.length)
        throw new ServiceError('InvalidNextTokenException', 'The pagination token is not valid.');
      const page = rows.slice(start, start + max);
      const columns = result?.columns ?? [];
      return {
        QueryStatus: query.status,
        QueryStatistics: {
          ResultsCount: page.length,
          TotalResultsCount: rows.length,
          BytesScanned: result?.bytesScanned ?? 0,
        },
        QueryResultRows: page.map((row) =>
          row.map((value, i) => ({ [columns[i] ?? `_col${i}`]: value ?? '' })),
        ),
        ...(start + max < rows.length ? { NextToken: encodeIndexToken(start + max) } : {}),
        ...(query.error ? { ErrorMessage: query.error } : {}),
      };
    },

    async ListQueries(input, context) {
      await catalog.ready(context.now);
      forget(context.now);
      const store = activeStore(requiredStore(input.EventDataStore), context);
      const max = optionalInteger(input.MaxResults, 'MaxResults', invalidParameter) ?? 1000;
      if (max < 1 || max > 1000) {
        throw new ServiceError('InvalidMaxResultsException', 'MaxResults must be between 1 and 1000.');
      }
      const status = optionalString(input.QueryStatus, 'QueryStatus', invalidParameter);
      if (status !== undefined && !QUERY_STATUSES.includes(status as QueryStatus)) {
        throw new ServiceError('InvalidQueryStatusException', `The query status ${status} is not valid.`);
      }
      const from = timeMember(input.StartTime, 'StartTime');
      const to = timeMember(input.EndTime, 'EndTime');
      if (from !== undefined && to !== undefined && from > to) {
        throw new ServiceError('InvalidDateRangeException', 'The StartTime must be before the EndTime.');
      }
      const token = optionalString(input.NextToken, 'NextToken', invalidParameter);
      const start = token
        ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m))
        : 0;
      const matching = [...queries.values()]
        .filter((q) => q.storeIds.includes(store.id))
        .filter((q) => status === undefined || q.status === status)
        .filter((q) => (from === undefined || q.createdMs >= from) && (to === undefined || q.createdMs <= to))
        .sort((a, b) => b.createdMs - a.createdMs);
      return {
        Queries: matching.slice(start, start + max).map((q) => ({
          QueryId: q.id,
          QueryStatus: q.status,
          CreationTime: q.createdMs / 1000,
        })),
        ...(start + max < matching.length ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },

    async CancelQuery(input, context) {
      await catalog.ready(context.now);
      const query = findQuery(input, context);
      if (TERMINAL_QUERY_STATUSES.has(query.status)) {
        throw new ServiceError('InactiveQueryException', LAKE_MESSAGES.inactiveQuery);
      }
      query.abort.abort('cancel');
      await query.done;
      return { QueryId: query.id, QueryStatus: query.status };
    },
  };
}

/** Timestamps arrive as epoch seconds (JSON number) or ISO text. */
function timeMember(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw invalidParameter(`${member} must be a timestamp.`);
  return ms;
}
