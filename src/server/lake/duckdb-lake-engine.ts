// The local backend's Lake engine: Lake SQL translated to DuckDB (lake-sql.ts) over the store's events
// (lake-view.ts). Every query runs on a connection of its own, so DuckDB executes it on its worker threads
// while the server's connection keeps answering Event history; cancelling or the time limit interrupts it.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { eventDataStoreIdOf, type EventDataStoreState } from '@/domain/lake';
import { ServiceError } from '@/emulator/errors';
import type {
  LakeEngine,
  LakeQueryResult,
  PreparedLakeQuery,
} from '@/emulator/services/cloudtrail/lake-queries';
import { formatLakeValue } from '@/domain/lake-values';
import {
  LAKE_MACROS,
  LakeSqlError,
  lakePosition,
  parseableLakeSql,
  translateLakeSql,
} from '@/domain/lake-sql';
import { storeEvents, storeSubquery } from './lake-view';
import { usingMemory } from '../store/database';

export interface DuckDbLakeEngineOptions {
  /** Default 10 minutes (Lake's own limit is an hour). */
  timeLimitMs?: number;
  /** Rows a query keeps for GetQueryResults; more are dropped (default 100,000). */
  maxRows?: number;
}

export class DuckDbLakeEngine implements LakeEngine {
  readonly timeLimitMs: number;
  private readonly maxRows: number;
  private readonly instance: DuckDBInstance;

  constructor(instance: DuckDBInstance, options: DuckDbLakeEngineOptions = {}) {
    this.instance = instance;
    this.timeLimitMs = options.timeLimitMs ?? 10 * 60_000;
    this.maxRows = options.maxRows ?? 100_000;
  }

  async prepare(
    statement: string,
    stores: readonly EventDataStoreState[],
    now: number,
  ): Promise<PreparedLakeQuery> {
    const byName = new Map<string, EventDataStoreState>();
    for (const store of stores) {
      byName.set(store.id.toLowerCase(), store);
      byName.set(store.arn.toLowerCase(), store);
    }
    const named = (name: string) =>
      byName.get(name.toLowerCase()) ?? byName.get(eventDataStoreIdOf(name).toLowerCase());
    const connection = await this.connect();
    try {
      let translated;
      try {
        await checkSyntax(connection, statement);
        translated = translateLakeSql(statement, (name) => {
          const store = named(name);
          return store && { id: store.id, sql: storeSubquery(store, now) };
        });
      } catch (error) {
        if (error instanceof LakeSqlError) throw new ServiceError(error.code, error.message);
        throw error;
      }
      try {
        const prepared = await connection.prepare(translated.sql);
        prepared.destroySync();
      } catch (error) {
        throw new ServiceError('InvalidQueryStatementException', engineMessage(error, statement));
      }
      const used = translated.storeIds.map((id) => stores.find((s) => s.id === id)!);
      const sql = translated.sql;
      const scan = { events: 0, bytes: 0, running: false };
      return {
        storeIds: translated.storeIds,
        // The limit on DuckDB's memory is not lowered while a query runs (releaseCache).
        run: (signal) =>
          usingMemory({ instance: this.instance }, () => this.run(connection, sql, used, now, signal, scan)),
        progress: () => {
          if (!scan.running) return undefined;
          // DuckDB's own estimate of how far the statement is, as a share of what the stores hold.
          const share = Math.min(1, Math.max(0, connection.progress.percentage / 100));
          return {
            eventsScanned: Math.round(scan.events * share),
            bytesScanned: Math.round(scan.bytes * share),
          };
        },
        // Not run: the connection `run` would have closed.
        release: () => connection.closeSync(),
      };
    } catch (error) {
      connection.closeSync();
      throw error;
    }
  }

  private async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    // Progress tracking (read by DescribeQuery while the query runs); nothing is printed.
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
    // With filters pushed into the table scan, a query running while a group commit appends rows
    // sometimes kept rows its WHERE excludes (a GROUP BY over `eventSource <> '…'` counted the
    // just-committed audit events: about 1 run in 8 of lake.sdk.test.ts, 0 in 32 without pushdown).
    // Lake scans every event of a store anyway, so the filter runs above the scan instead.
    await connection.run("SET disabled_optimizers = 'filter_pushdown'");
    for (const macro of LAKE_MACROS) await connection.run(macro);
    return connection;
  }

  private async run(
    connection: DuckDBConnection,
    sql: string,
    stores: readonly EventDataStoreState[],
    now: number,
    signal: AbortSignal,
    scan: { events: number; bytes: number; running: boolean },
  ): Promise<LakeQueryResult> {
    // Interrupting the connection stops the statement inside DuckDB, wherever it is.
    const stop = () => connection.interrupt();
    signal.addEventListener('abort', stop);
    try {
      // What the query reads: every event of the stores it names (Lake has no index either).
      const scanned = stores.map(
        (s) => `SELECT count(*) AS n, sum(octet_length(record)) AS b FROM (${storeEvents(s, now)})`,
      );
      const totals = await connection.runAndReadAll(
        `SELECT sum(n), sum(b) FROM (${scanned.join(' UNION ALL ')})`,
      );
      signal.throwIfAborted();
      const [events, bytes] = totals.getRowsJson()[0] ?? [];
      scan.events = Number(events ?? 0);
      scan.bytes = Number(bytes ?? 0);
      scan.running = true;
      const reader = await connection.streamAndReadUntil(sql, this.maxRows);
      scan.running = false;
      signal.throwIfAborted();
      const columns = reader.columnNames().map(lakeColumnName);
      const types = reader.columnTypes().map(String);
      const rows = reader
        .getRowsJson()
        .slice(0, this.maxRows)
        .map((row) => row.map((value, i) => formatLakeValue(value, types[i] ?? '')));
      return {
        columns,
        rows,
        eventsScanned: scan.events,
        eventsMatched: rows.length,
        bytesScanned: scan.bytes,
      };
    } catch (error) {
      if (signal.aborted) throw error;
      throw new Error(engineMessage(error, ''));
    } finally {
      scan.running = false;
      signal.removeEventListener('abort', stop);
      connection.closeSync();
    }
  }
}

/**
 * Trino names a select item that has no alias and is no column `_colN` after its position; DuckDB names it
 * after its text (`count_star()`). A name that is not a plain identifier is such an item.
 */
function lakeColumnName(name: string, index: number): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `_col${index}`;
}

/** DuckDB's parser on the statement as written: a syntax error answers with its line and column. */
async function checkSyntax(connection: DuckDBConnection, statement: string): Promise<void> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [
    parseableLakeSql(statement),
  ]);
  const parsed = JSON.parse(String(reader.getRowsJson()[0]?.[0] ?? '{}')) as {
    error?: boolean;
    error_type?: string;
    error_message?: string;
    position?: string;
  };
  // Other failures (a statement that is no SELECT cannot be serialised) are the translator's to report.
  if (!parsed.error || parsed.error_type !== 'parser') return;
  const offset = Number(parsed.position ?? 0);
  const { line, column } = lakePosition(statement, offset);
  throw new ServiceError(
    'InvalidQueryStatementException',
    `line ${line}:${column}: ${parsed.error_message ?? 'syntax error'}`,
  );
}

/** DuckDB's messages that Trino (Lake's engine) words otherwise, as the in-memory engine words them. */
const TRINO_WORDING: ReadonlyArray<[RegExp, (name: string) => string]> = [
  [/^Referenced column "([^"]+)" not found in FROM clause!/, (name) => `Column '${name}' cannot be resolved`],
  [
    /^(?:Scalar|Aggregate|Table) Function with name "?([^"\s]+)"? does not exist!/,
    (name) => `Function '${name}' not registered`,
  ],
];

/**
 * DuckDB's message without its echo of the translated SQL and its hints (which name the columns of
 * Trailview's own view); a named column is located in the statement.
 */
function engineMessage(error: unknown, statement: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw
    .split(/\n\s*\n?LINE \d+:/)[0]!
    .replace(/^(Binder|Parser|Catalog|Conversion|Invalid Input) Error: /, '')
    .split('\n')
    .filter((line) => !/^\s*(Candidate bindings|Did you mean)\b/.test(line))
    .join('\n')
    .trim();
  const named = /"([^"]+)"/.exec(message)?.[1] ?? /with name (\S+) does not exist/.exec(message)?.[1];
  for (const [pattern, words] of TRINO_WORDING) {
    const match = pattern.exec(message);
    if (match) message = words(match[1]!);
  }
  if (named && statement) {
    const at = new RegExp(`\\b${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(statement);
    if (at) {
      const { line, column } = lakePosition(statement, at.index);
      return `line ${line}:${column}: ${message}`;
    }
  }
  return message;
}
