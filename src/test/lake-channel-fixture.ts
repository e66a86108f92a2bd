// Shared by the channel tests of the demo engine and of the local server: an event data store for
// integration events, and a Lake query's rows as plain string arrays.
import {
  CreateEventDataStoreCommand,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { INTEGRATION_STORE_SELECTORS } from '@/domain/lake-channels';

/** A store that collects ActivityAuditLog events, unprotected so tests can delete it. */
export async function createIntegrationStore(ct: CloudTrailClient, name: string) {
  const created = await ct.send(
    new CreateEventDataStoreCommand({
      Name: name,
      AdvancedEventSelectors: INTEGRATION_STORE_SELECTORS,
      TerminationProtectionEnabled: false,
    }),
  );
  return { arn: created.EventDataStoreArn!, id: created.EventDataStoreArn!.split('/').pop()! };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a Lake query to its end and returns each row's values in column order. */
export async function queryRows(ct: CloudTrailClient, statement: string): Promise<string[][]> {
  const { QueryId } = await ct.send(new StartQueryCommand({ QueryStatement: statement }));
  for (;;) {
    const described = await ct.send(new DescribeQueryCommand({ QueryId }));
    if (described.QueryStatus === 'FINISHED') break;
    if (described.QueryStatus !== 'QUEUED' && described.QueryStatus !== 'RUNNING')
      throw new Error(`query ${described.QueryStatus}: ${described.ErrorMessage ?? ''}`);
    await pause(10);
  }
  const results = await ct.send(new GetQueryResultsCommand({ QueryId }));
  return (results.QueryResultRows ?? []).map((row) => row.map((cell) => Object.values(cell)[0] ?? ''));
}
