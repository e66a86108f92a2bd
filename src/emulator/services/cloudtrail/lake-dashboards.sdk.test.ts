// @vitest-environment node
// CreateDashboard and UpdateDashboard in the demo build's emulator, through the AWS SDK: refresh schedules
// within the custom dashboard rules, widget statements checked as StartQuery checks them (without running),
// tags through the shared tag rules; a refused call creates or changes nothing.
import {
  CreateDashboardCommand,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  GetDashboardCommand,
  ListEventDataStoresCommand,
  ListQueriesCommand,
  UpdateDashboardCommand,
  type RefreshSchedule,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const NOW = new Date('2026-11-21T12:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();

async function storeId(): Promise<string> {
  const { EventDataStores = [] } = await client.send(new ListEventDataStoresCommand({}));
  return EventDataStores[0]!.EventDataStoreArn!.split('/').at(-1)!;
}

const widget = (QueryStatement: string, QueryParameters?: string[]) => ({
  QueryStatement,
  ...(QueryParameters && { QueryParameters }),
  ViewProperties: { View: 'Table' },
});

describe('Dashboard refresh schedules', () => {
  it.each<[string, RefreshSchedule, RegExp]>([
    [
      'a unit of minutes',
      { Frequency: { Unit: 'MINUTES' as never, Value: 6 }, Status: 'ENABLED' },
      /MINUTES/,
    ],
    ['every 5 hours', { Frequency: { Unit: 'HOURS', Value: 5 } }, /1, 6, 12 or 24 hours/],
    ['every 2 days', { Frequency: { Unit: 'DAYS', Value: 2 } }, /every 1 day/],
    ['a frequency without a value', { Frequency: { Unit: 'HOURS' } as never }, /Unit .* and a Value/],
    ['the time of day 25:99', { TimeOfDay: '25:99' }, /25:99/],
    ['the time of day 8:30', { TimeOfDay: '8:30' }, /8:30/],
    ['the status ON', { Status: 'ON' as never }, /ENABLED or DISABLED/],
  ])('refuses %s', async (_label, RefreshSchedule, message) => {
    await expect(
      client.send(new CreateDashboardCommand({ Name: 'scheduled', RefreshSchedule })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(message) });
    await expect(client.send(new GetDashboardCommand({ DashboardId: 'scheduled' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('keeps a valid schedule, and an update within the rules replaces it', async () => {
    const schedule: RefreshSchedule = {
      Frequency: { Unit: 'HOURS', Value: 6 },
      Status: 'ENABLED',
      TimeOfDay: '08:30',
    };
    const created = await client.send(
      new CreateDashboardCommand({ Name: 'every-six-hours', RefreshSchedule: schedule }),
    );
    expect(created.RefreshSchedule).toEqual(schedule);
    await expect(
      client.send(
        new UpdateDashboardCommand({
          DashboardId: 'every-six-hours',
          RefreshSchedule: { Frequency: { Unit: 'HOURS', Value: 7 } },
          TerminationProtectionEnabled: true,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    let got = await client.send(new GetDashboardCommand({ DashboardId: 'every-six-hours' }));
    expect(got.RefreshSchedule).toEqual(schedule);
    expect(got.TerminationProtectionEnabled).toBe(false);

    const daily: RefreshSchedule = { Frequency: { Unit: 'DAYS', Value: 1 }, Status: 'DISABLED' };
    await client.send(new UpdateDashboardCommand({ DashboardId: 'every-six-hours', RefreshSchedule: daily }));
    got = await client.send(new GetDashboardCommand({ DashboardId: 'every-six-hours' }));
    expect(got.RefreshSchedule).toEqual(daily);
  });
});

describe('Dashboard widgets', () => {
  it.each<[string, (store: string) => string, string]>([
    ['a statement that is not a query', () => 'DROP TABLE x', 'InvalidQueryStatementException'],
    ['a syntax error', (store) => `SELECT FROM ${store} WHERE`, 'InvalidQueryStatementException'],
    ['a table that is no event data store', () => 'SELECT 1 FROM x', 'EventDataStoreNotFoundException'],
    ['an unknown column', (store) => `SELECT noSuchColumn FROM ${store}`, 'InvalidQueryStatementException'],
  ])('refuses %s, creating nothing and running nothing', async (_label, sql, name) => {
    const store = await storeId();
    const before = await client.send(new ListQueriesCommand({ EventDataStore: store }));
    await expect(
      client.send(
        new CreateDashboardCommand({
          Name: 'checked',
          Widgets: [widget(`SELECT COUNT(*) FROM ${store}`), widget(sql(store))],
        }),
      ),
    ).rejects.toMatchObject({ name });
    await expect(client.send(new GetDashboardCommand({ DashboardId: 'checked' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const after = await client.send(new ListQueriesCommand({ EventDataStore: store }));
    expect(after.Queries ?? []).toEqual(before.Queries ?? []);
  });

  it('checks a statement with its placeholders bound, and keeps widgets an update refuses', async () => {
    const store = await storeId();
    const first = widget(`SELECT eventName FROM ${store} WHERE eventTime > ?`, ['$StartTime$']);
    await client.send(new CreateDashboardCommand({ Name: 'kept-widgets', Widgets: [first] }));
    await expect(
      client.send(
        new UpdateDashboardCommand({
          DashboardId: 'kept-widgets',
          Widgets: [widget(`SELECT COUNT(*) FROM ${store} WHERE eventTime > ?`)],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('?') });

    const stopped = await client.send(
      new CreateEventDataStoreCommand({ Name: 'going-away', TerminationProtectionEnabled: false }),
    );
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: stopped.EventDataStoreArn }));
    await expect(
      client.send(
        new UpdateDashboardCommand({
          DashboardId: 'kept-widgets',
          Widgets: [widget(`SELECT COUNT(*) FROM ${stopped.EventDataStoreArn!.split('/').at(-1)}`)],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InactiveEventDataStoreException' });
    const got = await client.send(new GetDashboardCommand({ DashboardId: 'kept-widgets' }));
    expect(got.Widgets?.map((w) => w.QueryStatement)).toEqual([first.QueryStatement]);
  });
});

describe('Dashboard tags', () => {
  it('follow the shared tag rules', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ Key: `key-${i}`, Value: 'v' }));
    await expect(
      client.send(new CreateDashboardCommand({ Name: 'tagged', TagsList: tooMany })),
    ).rejects.toMatchObject({ name: 'TagsLimitExceededException' });
    await expect(
      client.send(
        new CreateDashboardCommand({ Name: 'tagged', TagsList: [{ Key: 'aws:owner', Value: 'x' }] }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidTagParameterException' });
    const created = await client.send(
      new CreateDashboardCommand({ Name: 'tagged', TagsList: [{ Key: 'team', Value: 'audit' }] }),
    );
    expect(created.TagsList).toEqual([{ Key: 'team', Value: 'audit' }]);
  });
});
