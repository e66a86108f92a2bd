// @vitest-environment node
// Reading, logging, updating and deleting trails through the AWS SDK v3 (docs/cloudtrail-facts.md#trails–4.7): Regions and shadows, home-Region changes, status times, and the documented errors.
import {
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTrailsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import { beforeEach, describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { useTrailEmulator } from '@/test/trail-emulator';
import { trailArn } from '../../state';

const emu = useTrailEmulator();
const { ct, create } = emu;

describe('Describe, Get, List and status', () => {
  beforeEach(async () => {
    await create({ Name: 'home-only' });
    await create({ Name: 'everywhere', IsMultiRegionTrail: true, KmsKeyId: emu.dest.alias });
  });

  it('shows shadows of multi-Region trails elsewhere; names match only home trails, ARNs any', async () => {
    const west = await ct('us-west-2').send(new DescribeTrailsCommand({}));
    expect(west.trailList!.map((t) => [t.Name, t.HomeRegion])).toEqual([['everywhere', 'us-east-1']]);
    expect(
      (await ct('us-west-2').send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList,
    ).toEqual([]);
    const byName = await ct('us-west-2').send(
      new DescribeTrailsCommand({ trailNameList: ['home-only', 'everywhere'] }),
    );
    expect(byName.trailList).toEqual([]);
    const homeArn = trailArn('us-east-1', TEST_ACCOUNT, 'home-only');
    const byArn = await ct('us-west-2').send(new DescribeTrailsCommand({ trailNameList: [homeArn] }));
    expect(byArn.trailList!.map((t) => t.Name)).toEqual(['home-only']);
    const trails = await ct('us-west-2').send(new ListTrailsCommand({}));
    expect(trails.Trails).toEqual([
      {
        TrailARN: trailArn('us-east-1', TEST_ACCOUNT, 'everywhere'),
        Name: 'everywhere',
        HomeRegion: 'us-east-1',
      },
    ]);
  });

  it('gets a trail by name at home and by ARN from a shadow Region', async () => {
    const arn = trailArn('us-east-1', TEST_ACCOUNT, 'everywhere');
    const home = await ct().send(new GetTrailCommand({ Name: 'everywhere' }));
    expect(home.Trail).toMatchObject({
      HomeRegion: 'us-east-1',
      KmsKeyId: emu.dest.keyArn,
      HasCustomEventSelectors: false,
    });
    expect((await ct('eu-west-1').send(new GetTrailCommand({ Name: arn }))).Trail?.Name).toBe('everywhere');
    await expect(ct('eu-west-1').send(new GetTrailCommand({ Name: 'everywhere' }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
      message: `Unknown trail: arn:aws:cloudtrail:eu-west-1:${TEST_ACCOUNT}:trail/everywhere for the user: ${TEST_ACCOUNT}`,
    });
    await expect(
      ct('eu-west-1').send(
        new GetTrailStatusCommand({ Name: trailArn('us-east-1', TEST_ACCOUNT, 'home-only') }),
      ),
    ).rejects.toMatchObject({
      name: 'CloudTrailARNInvalidException',
      message: 'Region in ARN is wrong, you can only access resources in region eu-west-1.',
    });
  });

  it('starts and stops logging with the times in the status, by name or ARN', async () => {
    const arn = trailArn('us-east-1', TEST_ACCOUNT, 'home-only');
    emu.now = T0 + 1000;
    await ct().send(new StartLoggingCommand({ Name: 'home-only' }));
    emu.now = T0 + 11 * 60_000;
    const logging = await ct().send(new GetTrailStatusCommand({ Name: arn }));
    expect(logging).toMatchObject({ IsLogging: true, StartLoggingTime: new Date(T0 + 1000) });
    // The deprecated strings, empty until they have a time (the documentation's example).
    expect(logging).toMatchObject({
      TimeLoggingStarted: new Date(T0 + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      TimeLoggingStopped: '',
      LatestDeliveryAttemptTime: '',
      LatestNotificationAttemptSucceeded: '',
    });
    // Nothing has been delivered: delivery.ts sets the times when it writes.
    expect(logging.LatestDeliveryTime).toBeUndefined();
    await ct().send(new StopLoggingCommand({ Name: arn }));
    const stopped = await ct().send(new GetTrailStatusCommand({ Name: 'home-only' }));
    expect(stopped).toMatchObject({ IsLogging: false, StopLoggingTime: new Date(T0 + 11 * 60_000) });
  });

  it('changes a trail only from its home Region', async () => {
    const arn = trailArn('us-east-1', TEST_ACCOUNT, 'everywhere');
    for (const command of [
      new StartLoggingCommand({ Name: arn }),
      new StopLoggingCommand({ Name: arn }),
      new DeleteTrailCommand({ Name: arn }),
      new UpdateTrailCommand({ Name: arn, EnableLogFileValidation: true }),
    ]) {
      await expect(ct('eu-west-1').send(command as never)).rejects.toMatchObject({
        name: 'InvalidHomeRegionException',
      });
    }
    expect(emu.state.trails.size).toBe(2);
  });

  it('answers TrailNotFoundException for unknown trails, delete included', async () => {
    for (const command of [
      new GetTrailCommand({ Name: 'missing' }),
      new GetTrailStatusCommand({ Name: 'missing' }),
      new StartLoggingCommand({ Name: 'missing' }),
      new DeleteTrailCommand({ Name: 'missing' }),
      new UpdateTrailCommand({ Name: 'missing' }),
    ]) {
      await expect(ct().send(command as never)).rejects.toMatchObject({ name: 'TrailNotFoundException' });
    }
  });
});

describe('UpdateTrail and DeleteTrail', () => {
  it('changes only the given members, turns destinations off with empty strings, and deletes', async () => {
    await create({ Name: 'main', KmsKeyId: emu.dest.alias, SnsTopicName: emu.dest.topicArn });
    const before = emu.changes;
    const updated = await ct().send(
      new UpdateTrailCommand({
        Name: 'main',
        KmsKeyId: '',
        SnsTopicName: '',
        EnableLogFileValidation: true,
        CloudWatchLogsLogGroupArn: emu.dest.logGroupArn,
        CloudWatchLogsRoleArn: emu.dest.roleArn,
      }),
    );
    expect(updated).toMatchObject({
      Name: 'main',
      LogFileValidationEnabled: true,
      CloudWatchLogsRoleArn: emu.dest.roleArn,
    });
    expect(updated).not.toHaveProperty('KmsKeyId');
    expect(updated).not.toHaveProperty('SnsTopicARN');
    expect(updated).not.toHaveProperty('HomeRegion');
    await expect(
      ct().send(
        new UpdateTrailCommand({ Name: 'main', IncludeGlobalServiceEvents: false, IsMultiRegionTrail: true }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
    await expect(
      ct().send(new UpdateTrailCommand({ Name: 'main', S3BucketName: 'gone-bucket' })),
    ).rejects.toMatchObject({
      name: 'S3BucketDoesNotExistException',
    });
    await expect(
      ct().send(new UpdateTrailCommand({ Name: 'main', S3KeyPrefix: 'elsewhere' })),
    ).rejects.toMatchObject({
      name: 'InsufficientS3BucketPolicyException',
    });
    await ct().send(new DeleteTrailCommand({ Name: trailArn('us-east-1', TEST_ACCOUNT, 'main') }));
    expect(emu.state.trails.size).toBe(0);
    expect(emu.changes).toBe(before + 2);
  });
});
