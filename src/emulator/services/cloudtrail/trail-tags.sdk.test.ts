// @vitest-environment node
// Trail tags through the AWS SDK v3 (docs/cloudtrail-facts.md#trails): 50 per trail, keys and values checked, ARNs only.
import { AddTagsCommand, ListTagsCommand, RemoveTagsCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient } from '@/test/sdk';
import { useTrailEmulator } from '@/test/trail-emulator';
import { trailArn } from '../../state';

const ARN = trailArn('us-east-1', TEST_ACCOUNT, 'main');
useTrailEmulator({ suffix: 'sel', trail: { Name: 'main', IsMultiRegionTrail: true } });

const ct = (region = 'us-east-1') => cloudTrailClient(region);

describe('Tags', () => {
  it('adds (overwriting a key), lists and removes tags', async () => {
    await ct().send(
      new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: 'team', Value: 'sec' }, { Key: 'env' }] }),
    );
    await ct().send(new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: 'team', Value: 'secops' }] }));
    const listed = await ct().send(new ListTagsCommand({ ResourceIdList: [ARN] }));
    expect(listed.ResourceTagList).toEqual([
      { ResourceId: ARN, TagsList: [{ Key: 'team', Value: 'secops' }, { Key: 'env' }] },
    ]);
    await ct().send(new RemoveTagsCommand({ ResourceId: ARN, TagsList: [{ Key: 'env' }] }));
    expect(
      (await ct().send(new ListTagsCommand({ ResourceIdList: [ARN] }))).ResourceTagList![0]!.TagsList,
    ).toEqual([{ Key: 'team', Value: 'secops' }]);
  });

  it('refuses the 51st tag, bad keys, unknown resources and more than 20 ARNs', async () => {
    await ct().send(
      new AddTagsCommand({
        ResourceId: ARN,
        TagsList: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}` })),
      }),
    );
    await expect(
      ct().send(new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: 'one-more' }] })),
    ).rejects.toMatchObject({
      name: 'TagsLimitExceededException',
      message: expect.stringContaining('Currently, the limit is 50.'),
    });
    await expect(
      ct().send(new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: 'k'.repeat(129) }] })),
    ).rejects.toMatchObject({
      name: 'InvalidTagParameterException',
    });
    await expect(
      ct().send(
        new AddTagsCommand({
          ResourceId: trailArn('us-east-1', TEST_ACCOUNT, 'ghost'),
          TagsList: [{ Key: 'a' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      ct().send(new AddTagsCommand({ ResourceId: 'main', TagsList: [{ Key: 'a' }] })),
    ).rejects.toMatchObject({
      name: 'CloudTrailARNInvalidException',
    });
    await expect(
      ct().send(new ListTagsCommand({ ResourceIdList: Array.from({ length: 21 }, () => ARN) })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('answers ResourceTypeNotSupportedException for an ARN whose kind is an Object property name', async () => {
    for (const kind of ['constructor', 'toString', '__proto__']) {
      await expect(
        ct().send(
          new AddTagsCommand({
            ResourceId: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:${kind}/x`,
            TagsList: [{ Key: 'a' }],
          }),
        ),
      ).rejects.toMatchObject({ name: 'ResourceTypeNotSupportedException' });
    }
  });
});
