// @vitest-environment node
// CloudTrail Lake in the demo build's emulator, through the AWS SDK: the built-in store is listed, a query
// started, DescribeQuery polled to FINISHED and GetQueryResults paged with NextToken, as in the local backend.
import {
  CreateDashboardCommand,
  DeleteDashboardCommand,
  DescribeQueryCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  StartDashboardRefreshCommand,
  UpdateDashboardCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  DeleteEventDataStoreCommand,
  UpdateEventDataStoreCommand,
  StartQueryCommand,
  CreateEventDataStoreCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_STORE_NAME, MAX_EVENT_DATA_STORES } from '@/domain/lake';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const demo = createDemoEmulator({ now: new Date('2026-11-21T12:00:00Z'), days: 3, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();

async function finished(
  queryId: string,
  storeId?: string,
  refresh?: { QueryAlias: string; RefreshId: string },
) {
  for (;;) {
    const described = await client.send(
      new DescribeQueryCommand(refresh ?? { QueryId: queryId, EventDataStore: storeId }),
    );
    if (described.QueryStatus !== 'QUEUED' && described.QueryStatus !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Lake in the demo emulator', () => {
  it('runs a query over the demo account and pages its results', async () => {
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    const store = EventDataStores.find((s) => s.Name === BUILT_IN_STORE_NAME);
    expect(store?.Status).toBe('ENABLED');
    const storeId = store!.EventDataStoreArn!.split('/').at(-1)!;
    const { QueryId } = await client.send(
      new StartQueryCommand({
        QueryStatement: `SELECT eventSource, eventName, COUNT(*) AS apiCount FROM ${storeId} GROUP BY eventSource, eventName ORDER BY apiCount DESC`,
      }),
    );
    const described = await finished(QueryId!, storeId);
    expect(described.QueryStatus).toBe('FINISHED');
    // Every demo event, and the audit events of this test's own calls recorded so far.
    const scanned = described.QueryStatistics?.EventsScanned ?? 0;
    expect(scanned).toBeGreaterThan(1000);
    expect(scanned).toBeLessThanOrEqual(await demo.store.count());

    const rows: Array<Record<string, string>[]> = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new GetQueryResultsCommand({ QueryId, MaxQueryResults: 25, NextToken: token }),
      );
      rows.push(...(page.QueryResultRows ?? []));
      token = page.NextToken;
    } while (token);
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.length).toBe(described.QueryStatistics?.EventsMatched);
    const counts = rows.map((row) => Number(row[2]?.apiCount));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(described.QueryStatistics?.EventsScanned);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('refuses a join with a message that names the local backend', async () => {
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    const storeId = EventDataStores[0]!.EventDataStoreArn!.split('/').at(-1)!;
    await expect(
      client.send(
        new StartQueryCommand({
          QueryStatement: `SELECT a.eventName FROM ${storeId} a JOIN ${storeId} b ON a.eventID = b.eventID`,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidQueryStatementException',
      message: expect.stringContaining('npm start'),
    });
  });

  it('keeps dashboards whose refresh runs each widget, found by its alias and the refresh', async () => {
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    const storeId = EventDataStores[0]!.EventDataStoreArn!.split('/').at(-1)!;
    const created = await client.send(
      new CreateDashboardCommand({
        Name: 'trailview-highlights',
        TerminationProtectionEnabled: true,
        Widgets: [
          {
            QueryStatement: `SELECT errorCode, COUNT(*) AS errors FROM ${storeId} WHERE errorCode IS NOT NULL AND eventTime > ? GROUP BY errorCode ORDER BY errors DESC`,
            QueryParameters: ['$StartTime$'],
            ViewProperties: { View: 'BarChart' },
          },
          {
            QueryStatement: `SELECT COUNT(*) AS events FROM ${storeId}`,
            ViewProperties: { View: 'Table' },
          },
        ],
      }),
    );
    expect(created.Widgets?.map((w) => w.QueryAlias)).toEqual([
      'trailview-highlights-widget-1',
      'trailview-highlights-widget-2',
    ]);
    const listed = await client.send(new ListDashboardsCommand({ NamePrefix: 'trailview' }));
    expect(listed.Dashboards).toEqual([{ DashboardArn: created.DashboardArn, Type: 'CUSTOM' }]);

    const { RefreshId } = await client.send(
      new StartDashboardRefreshCommand({
        DashboardId: 'trailview-highlights',
        QueryParameterValues: { $StartTime$: '2026-11-01 00:00:00' },
      }),
    );
    const widget = { QueryAlias: 'trailview-highlights-widget-2', RefreshId: RefreshId! };
    const described = await finished('', undefined, widget);
    expect(described.QueryStatus).toBe('FINISHED');
    const results = await client.send(new GetQueryResultsCommand({ QueryId: described.QueryId }));
    expect(Number(results.QueryResultRows?.[0]?.[0]?.events)).toBeGreaterThan(1000);
    // A widget's alias names its query only to DescribeQuery.
    await expect(
      client.send(new GetQueryResultsCommand({ QueryAlias: widget.QueryAlias } as never)),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'QueryId is required.' });
    const got = await client.send(new GetDashboardCommand({ DashboardId: created.DashboardArn }));
    expect(got).toMatchObject({ Status: 'CREATED', LastRefreshId: RefreshId });

    await expect(
      client.send(new DeleteDashboardCommand({ DashboardId: 'trailview-highlights' })),
    ).rejects.toMatchObject({ name: 'ConflictException' });
    await client.send(
      new UpdateDashboardCommand({
        DashboardId: 'trailview-highlights',
        TerminationProtectionEnabled: false,
      }),
    );
    await client.send(new DeleteDashboardCommand({ DashboardId: 'trailview-highlights' }));
    await expect(
      client.send(new GetDashboardCommand({ DashboardId: 'trailview-highlights' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('the built-in store', () => {
  it('cannot be deleted, even with its termination protection turned off', async () => {
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    const builtIn = EventDataStores.find((s) => s.Name === BUILT_IN_STORE_NAME)!;
    await client.send(
      new UpdateEventDataStoreCommand({
        EventDataStore: builtIn.EventDataStoreArn,
        TerminationProtectionEnabled: false,
      }),
    );
    await expect(
      client.send(new DeleteEventDataStoreCommand({ EventDataStore: builtIn.EventDataStoreArn })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The built-in event data store cannot be deleted.',
    });
  });

  it('takes no place in the quota of 10 stores', async () => {
    const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
    const own = EventDataStores.filter((s) => s.Name !== BUILT_IN_STORE_NAME).length;
    for (let i = own; i < MAX_EVENT_DATA_STORES; i++) {
      await client.send(new CreateEventDataStoreCommand({ Name: `quota-${i}` }));
    }
    await expect(
      client.send(new CreateEventDataStoreCommand({ Name: 'one-too-many' })),
    ).rejects.toMatchObject({ name: 'EventDataStoreMaxLimitExceededException' });
  });
});
