// CloudTrail Lake through the Lake API only, so the same pages reach real Lake in aws mode: the event data
// stores, and running one query to the end (StartQuery, DescribeQuery until it stops, GetQueryResults pages).
import {
  CancelQueryCommand,
  DescribeQueryCommand,
  GetEventDataStoreCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  StartQueryCommand,
  type GetEventDataStoreCommandOutput,
  type DescribeQueryCommandInput,
  type DescribeQueryCommandOutput,
  type EventDataStore,
} from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';

export const lakeQueries = {
  all: () => ['lake'] as const,
  stores: (region: string) =>
    queryOptions({
      queryKey: [...lakeQueries.all(), 'stores', { region }] as const,
      queryFn: async ({ signal }): Promise<EventDataStore[]> => {
        const stores: EventDataStore[] = [];
        let token: string | undefined;
        do {
          const page = await call(() =>
            cloudTrailClient(region).send(new ListEventDataStoresCommand({ NextToken: token }), {
              abortSignal: signal,
            }),
          );
          stores.push(...(page.EventDataStores ?? []));
          token = page.NextToken;
        } while (token);
        return stores;
      },
    }),
  store: (region: string, id: string) =>
    queryOptions({
      queryKey: [...lakeQueries.all(), 'store', { region, id }] as const,
      queryFn: ({ signal }): Promise<GetEventDataStoreCommandOutput> =>
        call(() =>
          cloudTrailClient(region).send(new GetEventDataStoreCommand({ EventDataStore: id }), {
            abortSignal: signal,
          }),
        ),
    }),
};

/** The ID part of a store's ARN, as a query's FROM names it. */
export function storeIdOf(store: EventDataStore): string {
  return (store.EventDataStoreArn ?? '').split('/').pop() ?? '';
}

export interface LakeResult {
  queryId: string;
  status: string;
  columns: string[];
  rows: Array<Array<string>>;
  statistics: DescribeQueryCommandOutput['QueryStatistics'];
  errorMessage?: string;
  /** Where the results are saved (StartQuery's DeliveryS3Uri), and how that went. */
  deliveryS3Uri?: string;
  deliveryStatus?: string;
}

/** Rows a page of the console fetches at most (more stay on the server). */
export const LAKE_RESULT_LIMIT = 10_000;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * Runs a statement to its end, saving the results to `deliveryS3Uri` when given; aborting the signal
 * cancels the query on the server.
 */
export async function runLakeQuery(
  region: string,
  statement: string,
  signal: AbortSignal,
  deliveryS3Uri?: string,
): Promise<LakeResult> {
  const client = cloudTrailClient(region);
  const { QueryId } = await call(() =>
    client.send(new StartQueryCommand({ QueryStatement: statement, DeliveryS3Uri: deliveryS3Uri })),
  );
  return finishLakeQuery(region, { QueryId: QueryId ?? '' }, signal);
}

/**
 * Waits for a started query (by QueryId, or a dashboard widget's QueryAlias and RefreshId) to stop, and
 * reads its results.
 */
export async function finishLakeQuery(
  region: string,
  query: DescribeQueryCommandInput,
  signal: AbortSignal,
): Promise<LakeResult> {
  const client = cloudTrailClient(region);
  let queryId = query.QueryId ?? '';
  let described: DescribeQueryCommandOutput;
  try {
    for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
      described = await call(() => client.send(new DescribeQueryCommand(query)));
      queryId = described.QueryId ?? queryId;
      const running = described.QueryStatus === 'QUEUED' || described.QueryStatus === 'RUNNING';
      // Results are saved to S3 after the scan: wait for the delivery too, to show its status.
      if (!running && described.DeliveryStatus !== 'PENDING') break;
      await pause(wait, signal);
    }
  } catch (error) {
    if (signal.aborted && queryId) {
      await client.send(new CancelQueryCommand({ QueryId: queryId })).catch(() => {});
    }
    throw error;
  }
  const result: LakeResult = {
    queryId,
    status: described.QueryStatus ?? 'FAILED',
    columns: [],
    rows: [],
    statistics: described.QueryStatistics,
    errorMessage: described.ErrorMessage,
    deliveryS3Uri: described.DeliveryS3Uri,
    deliveryStatus: described.DeliveryStatus,
  };
  if (result.status !== 'FINISHED') return result;
  let token: string | undefined;
  do {
    const page = await call(() =>
      client.send(new GetQueryResultsCommand({ QueryId: queryId, NextToken: token, MaxQueryResults: 1000 }), {
        abortSignal: signal,
      }),
    );
    for (const row of page.QueryResultRows ?? []) {
      if (result.columns.length === 0) result.columns = row.map((cell) => Object.keys(cell)[0] ?? '');
      result.rows.push(row.map((cell) => Object.values(cell)[0] ?? ''));
    }
    token = page.NextToken;
  } while (token && result.rows.length < LAKE_RESULT_LIMIT);
  return result;
}
