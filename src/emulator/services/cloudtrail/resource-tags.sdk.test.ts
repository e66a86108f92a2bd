// @vitest-environment node
// Tags on event data stores and dashboards through AddTags, RemoveTags and ListTags (trails and channels have
// their own tests): the 50-tag limit, ARNs of several kinds in one ListTags, a store pending deletion.
import {
  AddTagsCommand,
  CreateDashboardCommand,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  ListTagsCommand,
  RemoveTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { createDemoEmulator } from '@/emulator/demo';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';

const demo = createDemoEmulator({ now: new Date('2026-11-21T12:00:00Z'), days: 1, background: false });
useEmulatorServer(() => demo.handle);
const client = cloudTrailClient();

describe('Tags on event data stores and dashboards', () => {
  it('adds, lists (with a trail in the same call) and removes them', async () => {
    const { EventDataStoreArn: store } = await client.send(
      new CreateEventDataStoreCommand({ Name: 'tagged-store', TagsList: [{ Key: 'team', Value: 'sec' }] }),
    );
    const { DashboardArn: dashboard } = await client.send(
      new CreateDashboardCommand({ Name: 'tagged-board' }),
    );
    await client.send(new AddTagsCommand({ ResourceId: store, TagsList: [{ Key: 'env', Value: 'prod' }] }));
    await client.send(new AddTagsCommand({ ResourceId: dashboard, TagsList: [{ Key: 'owner' }] }));
    const trail = `arn:aws:cloudtrail:us-east-1:${demo.state.accountId}:trail/management-events`;
    const listed = await client.send(new ListTagsCommand({ ResourceIdList: [store!, dashboard!, trail] }));
    expect(listed.ResourceTagList?.slice(0, 2)).toEqual([
      {
        ResourceId: store,
        TagsList: [
          { Key: 'team', Value: 'sec' },
          { Key: 'env', Value: 'prod' },
        ],
      },
      { ResourceId: dashboard, TagsList: [{ Key: 'owner' }] },
    ]);
    expect(listed.ResourceTagList?.[2]?.ResourceId).toBe(trail);

    await client.send(new RemoveTagsCommand({ ResourceId: store, TagsList: [{ Key: 'team' }] }));
    const after = await client.send(new ListTagsCommand({ ResourceIdList: [store!] }));
    expect(after.ResourceTagList).toEqual([{ ResourceId: store, TagsList: [{ Key: 'env', Value: 'prod' }] }]);
  });

  it('refuses the 51st tag, more than 20 ARNs, unknown resources and a store pending deletion', async () => {
    const { EventDataStoreArn: store } = await client.send(
      new CreateEventDataStoreCommand({ Name: 'full-store', TerminationProtectionEnabled: false }),
    );
    await client.send(
      new AddTagsCommand({
        ResourceId: store,
        TagsList: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}` })),
      }),
    );
    await expect(
      client.send(new AddTagsCommand({ ResourceId: store, TagsList: [{ Key: 'one-more' }] })),
    ).rejects.toMatchObject({ name: 'TagsLimitExceededException' });
    await expect(
      client.send(new ListTagsCommand({ ResourceIdList: Array.from({ length: 21 }, () => store!) })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const account = demo.state.accountId;
    await expect(
      client.send(
        new AddTagsCommand({
          ResourceId: `arn:aws:cloudtrail:us-east-1:${account}:eventdatastore/00000000-0000-4000-8000-000000000000`,
          TagsList: [{ Key: 'a' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException' });
    await expect(
      client.send(
        new AddTagsCommand({
          ResourceId: `arn:aws:cloudtrail:us-east-1:${account}:dashboard/nothing-here`,
          TagsList: [{ Key: 'a' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: store }));
    await expect(
      client.send(new AddTagsCommand({ ResourceId: store, TagsList: [{ Key: 'a' }] })),
    ).rejects.toMatchObject({ name: 'InactiveEventDataStoreException' });
  });
});
