// @vitest-environment node
// Event configuration in the demo build's emulator, through the AWS SDK: an event data store's defaults,
// MaxEventSize and ContextKeySelectors set, kept and cleared with their limits; a trail's aggregation
// configuration; the errors of each wrong combination; the calls in Event history.
import {
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  GetEventConfigurationCommand,
  GetEventDataStoreCommand,
  ListTrailsCommand,
  LookupEventsCommand,
  PutEventConfigurationCommand,
  type PutEventConfigurationCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createDemoEmulator } from '../../demo';

const NOW = new Date('2026-11-21T12:00:00Z');
const demo = createDemoEmulator({ now: NOW, days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();

async function newStore(name: string, eventCategory = 'Management'): Promise<string> {
  const created = await client.send(
    new CreateEventDataStoreCommand({
      Name: name,
      TerminationProtectionEnabled: false,
      AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: [eventCategory] }] }],
    }),
  );
  return created.EventDataStoreArn!;
}

const put = (input: PutEventConfigurationCommandInput) =>
  client.send(new PutEventConfigurationCommand(input)).then(
    (output) => ({ output, error: undefined }),
    (error: Error) => ({ output: undefined, error }),
  );

describe('Event configuration of an event data store', () => {
  it('starts at Standard with no context keys, and keeps what is put', async () => {
    const arn = await newStore('config-store');
    const id = arn.split('/').at(-1)!;
    const initial = await client.send(new GetEventConfigurationCommand({ EventDataStore: id }));
    expect(initial).toMatchObject({
      EventDataStoreArn: arn,
      MaxEventSize: 'Standard',
      ContextKeySelectors: [],
    });
    expect(initial.TrailARN).toBeUndefined();

    const selectors = [
      { Type: 'TagContext' as const, Equals: ['team', 'cost-center'] },
      { Type: 'RequestContext' as const, Equals: ['aws:MultiFactorAuthAge', 'aws:ViaAWSService'] },
    ];
    const { output } = await put({
      EventDataStore: arn,
      MaxEventSize: 'Large',
      ContextKeySelectors: selectors,
    });
    expect(output).toMatchObject({
      EventDataStoreArn: arn,
      MaxEventSize: 'Large',
      ContextKeySelectors: selectors,
    });
    expect(await client.send(new GetEventConfigurationCommand({ EventDataStore: arn }))).toMatchObject({
      MaxEventSize: 'Large',
      ContextKeySelectors: selectors,
    });

    // Standard while keys are set is refused; clearing the keys with it is accepted.
    expect((await put({ EventDataStore: arn, MaxEventSize: 'Standard' })).error).toMatchObject({
      name: 'InvalidParameterCombinationException',
      message: expect.stringContaining('MaxEventSize must be Large'),
    });
    const cleared = await put({ EventDataStore: arn, MaxEventSize: 'Standard', ContextKeySelectors: [] });
    expect(cleared.output).toMatchObject({ MaxEventSize: 'Standard', ContextKeySelectors: [] });
    // The store itself is unchanged otherwise.
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))).Name).toBe(
      'config-store',
    );
  });

  it('refuses selectors beyond the documented limits', async () => {
    const arn = await newStore('config-limits');
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);
    const cases: Array<[PutEventConfigurationCommandInput['ContextKeySelectors'], string]> = [
      [[{ Type: 'TagContext', Equals: keys(51) }], '1 to 50 keys'],
      [[{ Type: 'TagContext', Equals: [] }], '1 to 50 keys'],
      [[{ Type: 'TagContext', Equals: ['x'.repeat(129)] }], '1 to 128 characters'],
      [[{ Type: 'TagContext', Equals: ['a', 'a'] }], 'lists a key twice'],
      [
        [{ Type: 'RequestContext', Equals: ['aws:NotAKey'] }],
        'aws:NotAKey is not an IAM global condition key',
      ],
      [
        [
          { Type: 'TagContext', Equals: ['a'] },
          { Type: 'TagContext', Equals: ['b'] },
        ],
        'more than one selector of Type TagContext',
      ],
      [
        [
          { Type: 'TagContext', Equals: ['a'] },
          { Type: 'RequestContext', Equals: ['aws:userid'] },
          { Type: 'TagContext', Equals: ['b'] },
        ],
        'at most 2 selectors',
      ],
      [[{ Type: 'PrincipalContext' as 'TagContext', Equals: ['a'] }], 'Type PrincipalContext is not valid'],
    ];
    for (const [selectors, message] of cases) {
      const { error } = await put({
        EventDataStore: arn,
        MaxEventSize: 'Large',
        ContextKeySelectors: selectors,
      });
      expect(error?.name, message).toBe('InvalidParameterException');
      expect(error?.message).toContain(message);
    }
    expect((await put({ EventDataStore: arn, MaxEventSize: 'Huge' as 'Large' })).error).toMatchObject({
      name: 'InvalidParameterException',
      message: 'MaxEventSize must be Standard or Large.',
    });
    // Fifty keys of each type are within the limits.
    const { output } = await put({
      EventDataStore: arn,
      MaxEventSize: 'Large',
      ContextKeySelectors: [{ Type: 'TagContext', Equals: keys(50) }],
    });
    expect(output?.ContextKeySelectors?.[0]?.Equals).toHaveLength(50);
  });

  it('names the errors of a wrong store, category, status or combination', async () => {
    const insights = await newStore('config-insights', 'Insight');
    const deleted = await newStore('config-deleted');
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: deleted }));
    const account = demo.state.accountId;
    const cases: Array<[PutEventConfigurationCommandInput, string]> = [
      [{ MaxEventSize: 'Large' }, 'InvalidParameterCombinationException'],
      [{ EventDataStore: deleted, TrailName: 'management-events' }, 'InvalidParameterCombinationException'],
      [
        {
          EventDataStore: deleted,
          AggregationConfigurations: [{ EventCategory: 'Data', Templates: ['API_ACTIVITY'] }],
        },
        'InvalidParameterCombinationException',
      ],
      [{ EventDataStore: '00000000-0000-0000-0000-000000000000' }, 'EventDataStoreNotFoundException'],
      [
        { EventDataStore: `arn:aws:cloudtrail:us-east-1:999999999999:eventdatastore/x` },
        'EventDataStoreARNInvalidException',
      ],
      [{ EventDataStore: insights, MaxEventSize: 'Large' }, 'InvalidEventDataStoreCategoryException'],
      [{ EventDataStore: deleted, MaxEventSize: 'Large' }, 'InactiveEventDataStoreException'],
      [{ TrailName: 'no-such-trail' }, 'TrailNotFoundException'],
      [{ TrailName: 'a--b' }, 'InvalidTrailNameException'],
      [{ TrailName: `arn:aws:cloudtrail:us-east-1:${account}:dashboard/x` }, 'CloudTrailARNInvalidException'],
    ];
    for (const [input, name] of cases) {
      expect((await put(input)).error?.name, JSON.stringify(input)).toBe(name);
    }
    await expect(
      client.send(new GetEventConfigurationCommand({ EventDataStore: insights })),
    ).rejects.toMatchObject({ name: 'InvalidEventDataStoreCategoryException' });
    await expect(client.send(new GetEventConfigurationCommand({}))).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
  });
});

describe('Event configuration of a trail', () => {
  it('keeps aggregation configurations, which only a trail takes', async () => {
    const { Trails = [] } = await client.send(new ListTrailsCommand({}));
    const trail = Trails.find((t) => t.HomeRegion === 'us-east-1')!;
    expect(await client.send(new GetEventConfigurationCommand({ TrailName: trail.Name }))).toMatchObject({
      TrailARN: trail.TrailARN,
      AggregationConfigurations: [],
    });
    const aggregation = [
      { EventCategory: 'Data' as const, Templates: ['API_ACTIVITY' as const, 'USER_ACTIONS' as const] },
    ];
    const { output } = await put({ TrailName: trail.TrailARN, AggregationConfigurations: aggregation });
    expect(output).toMatchObject({ TrailARN: trail.TrailARN, AggregationConfigurations: aggregation });
    expect(output?.EventDataStoreArn).toBeUndefined();
    expect(
      (await client.send(new GetEventConfigurationCommand({ TrailName: trail.Name })))
        .AggregationConfigurations,
    ).toEqual(aggregation);

    expect((await put({ TrailName: trail.Name, MaxEventSize: 'Large' })).error?.name).toBe(
      'InvalidParameterCombinationException',
    );
    const refused = await put({
      TrailName: trail.Name,
      AggregationConfigurations: [{ EventCategory: 'Management' as 'Data', Templates: ['API_ACTIVITY'] }],
    });
    expect(refused.error).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('Management'),
    });
    // From another Region the trail can be read (multi-Region) but not changed.
    const west = cloudTrailClient('us-west-2');
    if ((await west.send(new ListTrailsCommand({}))).Trails?.some((t) => t.TrailARN === trail.TrailARN)) {
      await expect(
        west.send(
          new PutEventConfigurationCommand({ TrailName: trail.TrailARN, AggregationConfigurations: [] }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidHomeRegionException' });
    }
    await put({ TrailName: trail.Name, AggregationConfigurations: [] });
    expect(
      (await client.send(new GetEventConfigurationCommand({ TrailName: trail.Name })))
        .AggregationConfigurations,
    ).toEqual([]);
  });
});

describe('Event configuration calls in Event history', () => {
  it('records PutEventConfiguration as a write and GetEventConfiguration as a read', async () => {
    const arn = await newStore('config-audited');
    await put({ EventDataStore: arn, MaxEventSize: 'Large' });
    await client.send(new GetEventConfigurationCommand({ EventDataStore: arn }));
    const recorded = async (name: string) => {
      const { Events = [] } = await client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
          StartTime: new Date(NOW.getTime() - 60_000),
          EndTime: new Date(NOW.getTime() + 60_000),
        }),
      );
      return Events.map((e) => JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>).filter(
        (r) => (r.requestParameters as { eventDataStore?: string } | null)?.eventDataStore === arn,
      );
    };
    expect(await recorded('PutEventConfiguration')).toMatchObject([
      { readOnly: false, requestParameters: { eventDataStore: arn, maxEventSize: 'Large' } },
    ]);
    expect(await recorded('GetEventConfiguration')).toMatchObject([{ readOnly: true }]);
  });
});
