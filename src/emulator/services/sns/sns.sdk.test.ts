// @vitest-environment node
// SNS (Query protocol) through the AWS SDK v3 against the in-process emulator.
import { CreateTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudTrailTopicPolicy } from '@/domain/cloudtrail-policies';
import { TEST_ACCOUNT } from '@/test/records';
import { snsClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState, type AccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
let state: AccountState;
beforeEach(() => {
  state = createAccountState(TEST_ACCOUNT);
  handle = createEmulator({ store: new MemoryEventStore(), state });
});
useEmulatorServer(() => handle);

describe('SNS through the SDK', () => {
  it('creates a topic with attributes and tags, idempotently, and lists topics per Region', async () => {
    const arn = `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:trail-notices`;
    const policy = JSON.stringify(cloudTrailTopicPolicy(arn));
    const input = {
      Name: 'trail-notices',
      Attributes: { Policy: policy },
      Tags: [{ Key: 'team', Value: 'sec & ops' }],
    };
    expect((await snsClient().send(new CreateTopicCommand(input))).TopicArn).toBe(arn);
    expect((await snsClient().send(new CreateTopicCommand(input))).TopicArn).toBe(arn);
    expect(state.snsTopics.get(arn)).toMatchObject({
      attributes: { Policy: policy },
      tags: [{ Key: 'team', Value: 'sec & ops' }],
    });
    await snsClient('eu-west-1').send(new CreateTopicCommand({ Name: 'elsewhere' }));
    expect((await snsClient().send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn: arn }]);
  });

  it('pages ListTopics 100 at a time', async () => {
    for (let i = 0; i < 101; i++)
      await snsClient().send(new CreateTopicCommand({ Name: `t-${String(i).padStart(3, '0')}` }));
    const first = await snsClient().send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    const second = await snsClient().send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect(second.Topics).toEqual([{ TopicArn: `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:t-100` }]);
    expect(second.NextToken).toBeUndefined();
  });

  it.each([
    ['a name with a space', { Name: 'bad name' }, 'Invalid parameter: Topic Name'],
    ['a name of 257 characters', { Name: 'a'.repeat(257) }, 'Invalid parameter: Topic Name'],
    [
      'other attributes for an existing topic',
      { Name: 'dup', Attributes: { DisplayName: 'other' } },
      'Invalid parameter: Attributes Reason: Topic already exists with different attributes',
    ],
  ])('answers InvalidParameterException for %s', async (_label, input, message) => {
    await snsClient().send(new CreateTopicCommand({ Name: 'dup' }));
    await expect(snsClient().send(new CreateTopicCommand(input))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message,
      $metadata: { httpStatusCode: 400 },
    });
  });
});
