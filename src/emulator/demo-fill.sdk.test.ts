// @vitest-environment node
// The demo fills its older days in the background: what the API answers while it fills must be what it
// answers once every day is in. The same calls go through the AWS SDK right after the emulator was made
// and again after `ready`.
import {
  DescribeQueryCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  ListInsightsMetricDataCommand,
  LookupEventsCommand,
  StartQueryCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from './demo';
import type { EmulatorHandler } from './handler';

const NOW = new Date('2026-11-21T12:00:00Z');
const DAYS = 30;

let handle: EmulatorHandler;
useEmulatorServer(() => handle);
const client = cloudTrailClient();

/** Every page of a lookup: the event IDs of each, and whether it had a NextToken. */
async function pages(input: LookupEventsCommandInput) {
  const out: Array<{ ids: string[]; next: boolean }> = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new LookupEventsCommand({ ...input, NextToken }));
    NextToken = page.NextToken;
    out.push({ ids: (page.Events ?? []).map((e) => e.EventId!), next: !!NextToken });
  } while (NextToken);
  return out;
}

/** Each row of a Lake query, as its values. */
async function lakeRows(sql: (storeId: string) => string) {
  const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
  const storeId = EventDataStores[0]!.EventDataStoreArn!.split('/').at(-1)!;
  const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql(storeId) }));
  for (;;) {
    const { QueryStatus } = await client.send(new DescribeQueryCommand({ QueryId }));
    if (QueryStatus === 'FINISHED') break;
    expect(['QUEUED', 'RUNNING']).toContain(QueryStatus);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { QueryResultRows = [] } = await client.send(new GetQueryResultsCommand({ QueryId }));
  return QueryResultRows.map((row) => row.map((column) => Object.values(column)[0]));
}

/** The reads whose answers depend on every day being in, in the order a user might make them. */
async function reads() {
  return {
    consoleLogins: await pages({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }],
    }),
    insights: await pages({ EventCategory: 'insight' }),
    metricData: await client
      .send(
        new ListInsightsMetricDataCommand({
          EventSource: 'ssm.amazonaws.com',
          EventName: 'SendCommand',
          InsightType: 'ApiCallRateInsight',
          StartTime: new Date(NOW.getTime() - DAYS * 86_400_000),
          EndTime: NOW,
          Period: 3600,
        }),
      )
      .then(({ Timestamps, Values }) => ({ Timestamps, Values })),
    lake: await lakeRows(
      (store) =>
        `SELECT eventName, COUNT(*) AS n FROM ${store} WHERE eventName = 'ConsoleLogin' GROUP BY eventName`,
    ),
  };
}

describe('the demo while it fills its older days', () => {
  it('answers LookupEvents, Insights and Lake as it does once every day is in', async () => {
    const demo = createDemoEmulator({ now: NOW, days: DAYS });
    handle = demo.handle;
    const storedAtFirstCall = await demo.store.count();
    const during = await reads();
    await demo.ready;
    // The calls were made while most days were missing, not after the fill had finished by chance.
    expect(storedAtFirstCall).toBeLessThan((await demo.store.count()) / 4);
    const after = await reads();

    expect(after.consoleLogins.length).toBeGreaterThan(2);
    expect(after.insights.flatMap((p) => p.ids).length).toBeGreaterThanOrEqual(6);
    expect(after.metricData.Values?.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(after.lake).toEqual([['ConsoleLogin', String(after.consoleLogins.flatMap((p) => p.ids).length)]]);
    expect(during).toEqual(after);
  }, 120_000);
});
