// @vitest-environment node
// CloudWatch Logs through the AWS SDK v3 against the in-process emulator.
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { beforeEach, describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { logsClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
beforeEach(() => {
  handle = createEmulator({
    store: new MemoryEventStore(),
    state: createAccountState(TEST_ACCOUNT),
    clock: () => T0,
  });
});
useEmulatorServer(() => handle);

describe('CloudWatch Logs through the SDK', () => {
  it('creates log groups per Region and describes them with both ARN forms', async () => {
    await logsClient().send(
      new CreateLogGroupCommand({ logGroupName: 'aws-cloudtrail-logs-111122223333-0a1b2c3d' }),
    );
    await logsClient('eu-west-1').send(new CreateLogGroupCommand({ logGroupName: 'elsewhere' }));
    const out = await logsClient().send(new DescribeLogGroupsCommand({}));
    expect(out.logGroups).toEqual([
      {
        logGroupName: 'aws-cloudtrail-logs-111122223333-0a1b2c3d',
        creationTime: T0,
        metricFilterCount: 0,
        arn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:aws-cloudtrail-logs-111122223333-0a1b2c3d:*`,
        storedBytes: 0,
        logGroupClass: 'STANDARD',
        logGroupArn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:aws-cloudtrail-logs-111122223333-0a1b2c3d`,
      },
    ]);
  });

  it('filters by prefix and pages with limit and nextToken', async () => {
    for (const name of ['/trail/a', '/trail/b', '/other/c']) {
      await logsClient().send(new CreateLogGroupCommand({ logGroupName: name }));
    }
    const first = await logsClient().send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/trail/', limit: 1 }),
    );
    expect(first.logGroups!.map((g) => g.logGroupName)).toEqual(['/trail/a']);
    const second = await logsClient().send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/trail/', limit: 1, nextToken: first.nextToken }),
    );
    expect(second.logGroups!.map((g) => g.logGroupName)).toEqual(['/trail/b']);
    expect(second.nextToken).toBeUndefined();
  });

  it('answers ResourceAlreadyExistsException and InvalidParameterException', async () => {
    await logsClient().send(new CreateLogGroupCommand({ logGroupName: 'once' }));
    await expect(
      logsClient().send(new CreateLogGroupCommand({ logGroupName: 'once' })),
    ).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
    });
    await expect(
      logsClient().send(new CreateLogGroupCommand({ logGroupName: 'has space' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      logsClient().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
