// @vitest-environment node
// Lake dashboards in the local backend are kept in the data file: one created, updated and refreshed
// through the SDK is there again, widgets and all, after the server restarts; one deleted stays deleted,
// one whose widget DuckDB refuses is never made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateDashboardCommand,
  DeleteDashboardCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  ListEventDataStoresCommand,
  StartDashboardRefreshCommand,
  UpdateDashboardCommand,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, describe, expect, it } from 'vitest';
import { localClients, startLocalServer } from '@/test/local-server';
import type { RunningServer } from '../main';

const root = mkdtempSync(join(tmpdir(), 'trailview-dashboards-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const widget = (statement: string) => ({
  QueryStatement: statement,
  ViewProperties: { View: 'Table' },
});

describe('Lake dashboards in the local backend', () => {
  it('are there again after a restart', async () => {
    server = await startLocalServer(root);
    let { ct } = localClients(server);
    const stores = await ct.send(new ListEventDataStoresCommand({}));
    const store = stores.EventDataStores![0]!.EventDataStoreArn!.split('/').at(-1)!;
    await ct.send(
      new CreateDashboardCommand({
        Name: 'kept-dashboard',
        Widgets: [widget(`SELECT eventName, count(*) FROM ${store} GROUP BY 1`)],
        TerminationProtectionEnabled: true,
      }),
    );
    await ct.send(new CreateDashboardCommand({ Name: 'gone-dashboard', Widgets: [] }));
    // DuckDB checks a widget's statement as StartQuery would, and the refused dashboard is not kept.
    await expect(
      ct.send(
        new CreateDashboardCommand({
          Name: 'refused-dashboard',
          Widgets: [widget(`SELECT noSuchColumn FROM ${store}`)],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidQueryStatementException' });
    await ct.send(
      new UpdateDashboardCommand({
        DashboardId: 'kept-dashboard',
        Widgets: [
          widget(`SELECT eventSource, count(*) FROM ${store} GROUP BY 1`),
          widget(`SELECT count(*) FROM ${store}`),
        ],
      }),
    );
    await ct.send(new StartDashboardRefreshCommand({ DashboardId: 'kept-dashboard' }));
    await ct.send(new DeleteDashboardCommand({ DashboardId: 'gone-dashboard' }));
    await server.stop();

    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    const listed = await ct.send(new ListDashboardsCommand({}));
    expect(listed.Dashboards?.map((d) => d.DashboardArn?.split('/').at(-1))).toEqual(['kept-dashboard']);
    const kept = await ct.send(new GetDashboardCommand({ DashboardId: 'kept-dashboard' }));
    expect(kept.Widgets?.map((w) => w.QueryStatement)).toEqual([
      `SELECT eventSource, count(*) FROM ${store} GROUP BY 1`,
      `SELECT count(*) FROM ${store}`,
    ]);
    expect(kept.TerminationProtectionEnabled).toBe(true);
    await expect(
      ct.send(new DeleteDashboardCommand({ DashboardId: 'kept-dashboard' })),
    ).rejects.toMatchObject({
      name: 'ConflictException',
    });
  }, 60_000);
});
