// @vitest-environment node
// CloudTrail through the AWS SDK v3 against the in-process emulator (docs/architecture.md: contract tests).
import {
  DescribeTrailsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTrailsCommand,
  LookupEventsCommand,
  paginateLookupEvents,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeInsightRecord, makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState, trailArn, type TrailState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

const MINUTE = 60_000;

function trail(name: string, home: string, extra: Partial<TrailState> = {}): TrailState {
  return {
    Name: name,
    TrailARN: trailArn(home, TEST_ACCOUNT, name),
    HomeRegion: home,
    S3BucketName: `aws-cloudtrail-logs-${TEST_ACCOUNT}-0a1b2c3d`,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: false,
    LogFileValidationEnabled: true,
    IsOrganizationTrail: false,
    isLogging: false,
    tags: [],
    createdTime: T0 - 30 * 24 * 60 * MINUTE,
    ...extra,
  };
}

let handle: EmulatorHandler;
const records = Array.from({ length: 120 }, (_, i) =>
  makeRecord({
    time: T0 - i * MINUTE,
    eventName: i % 2 === 0 ? 'RunInstances' : 'TerminateInstances',
    readOnly: i % 3 === 0,
    awsRegion: i % 10 === 9 ? 'eu-west-1' : 'us-east-1',
  }),
);

beforeEach(async () => {
  const store = new MemoryEventStore();
  await store.append([...records, makeInsightRecord({ time: T0 - 5 * MINUTE })]);
  const state = createAccountState(TEST_ACCOUNT, [
    trail('management-events', 'us-east-1', {
      IsMultiRegionTrail: true,
      isLogging: true,
      startLoggingTime: T0 - 60 * MINUTE,
      latestDeliveryTime: T0 - 2 * MINUTE,
      latestDeliveryError: 'AccessDenied',
      KmsKeyId: `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`,
      insightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
    }),
    trail('west-only', 'us-west-2'),
  ]);
  handle = createEmulator({ store, state, clock: () => T0 });
});
useEmulatorServer(() => handle);

const lookup = (input: LookupEventsCommandInput, region = 'us-east-1') =>
  cloudTrailClient(region).send(new LookupEventsCommand(input));

describe('LookupEvents through the SDK', () => {
  it('returns 50 events newest first with a NextToken, and the wire Event fields', async () => {
    const out = await lookup({});
    expect(out.Events).toHaveLength(50);
    const times = out.Events!.map((e) => e.EventTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(out.NextToken).toEqual(expect.any(String));
    const first = out.Events![0]!;
    expect(first).toMatchObject({
      EventName: 'RunInstances',
      EventSource: 'ec2.amazonaws.com',
      ReadOnly: 'true',
      Username: 'alice',
      AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      EventTime: new Date(T0),
    });
    expect(JSON.parse(first.CloudTrailEvent!)).toEqual(records[0]);
  });

  it('filters on one attribute and pages through every match exactly once', async () => {
    const ids: string[] = [];
    for await (const page of paginateLookupEvents(
      { client: cloudTrailClient(), pageSize: 7 },
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'TerminateInstances' }] },
    )) {
      ids.push(...page.Events!.map((e) => e.EventId!));
    }
    const expected = records.filter(
      (r) => r.eventName === 'TerminateInstances' && r.awsRegion === 'us-east-1',
    );
    expect(ids).toEqual(expected.map((r) => r.eventID));
  });

  it('applies an inclusive time range', async () => {
    const out = await lookup({ StartTime: new Date(T0 - 4 * MINUTE), EndTime: new Date(T0 - 2 * MINUTE) });
    expect(out.Events!.map((e) => e.EventTime!.getTime())).toEqual([
      T0 - 2 * MINUTE,
      T0 - 3 * MINUTE,
      T0 - 4 * MINUTE,
    ]);
  });

  it('answers each Region with its own events', async () => {
    const out = await lookup({ MaxResults: 50 }, 'eu-west-1');
    expect(out.Events).toHaveLength(12);
    expect(out.Events!.every((e) => JSON.parse(e.CloudTrailEvent!).awsRegion === 'eu-west-1')).toBe(true);
  });

  it('returns Insights events only with EventCategory insight', async () => {
    const insights = await lookup({ EventCategory: 'insight' });
    expect(insights.Events!.map((e) => e.EventName)).toEqual(['SendCommand']);
    const events = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'SendCommand' }],
    });
    expect(events.Events).toEqual([]);
  });

  it.each<[string, LookupEventsCommandInput, string]>([
    [
      'two attributes',
      {
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'RunInstances' },
          { AttributeKey: 'Username', AttributeValue: 'alice' },
        ],
      },
      'InvalidLookupAttributesException',
    ],
    [
      'ReadOnly other than true/false',
      { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'yes' }] },
      'InvalidLookupAttributesException',
    ],
    [
      'an EventId that is not a UUID',
      { LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: 'abc' }] },
      'InvalidLookupAttributesException',
    ],
    [
      'a start after the end',
      { StartTime: new Date(T0), EndTime: new Date(T0 - MINUTE) },
      'InvalidTimeRangeException',
    ],
    ['MaxResults 0', { MaxResults: 0 }, 'InvalidMaxResultsException'],
    ['MaxResults 51', { MaxResults: 51 }, 'InvalidMaxResultsException'],
    ['a token that is not ours', { NextToken: 'bm90IGEgdG9rZW4' }, 'InvalidNextTokenException'],
  ])('rejects %s', async (_label, input, errorName) => {
    await expect(lookup(input)).rejects.toMatchObject({
      name: errorName,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses a NextToken reused with other parameters', async () => {
    const first = await lookup({ MaxResults: 5 });
    await expect(
      lookup({
        NextToken: first.NextToken,
        LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'true' }],
      }),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    const second = await lookup({ MaxResults: 5, NextToken: first.NextToken });
    expect(second.Events![0]!.EventTime!.getTime()).toBeLessThan(first.Events![4]!.EventTime!.getTime());
  });
});

describe('Trails through the SDK', () => {
  it('describes the trails visible in a Region, shadows of multi-Region trails included', async () => {
    const east = await cloudTrailClient('us-east-1').send(new DescribeTrailsCommand({}));
    expect(east.trailList!.map((t) => t.Name)).toEqual(['management-events']);
    const west = await cloudTrailClient('us-west-2').send(new DescribeTrailsCommand({}));
    expect(west.trailList!.map((t) => t.Name).sort()).toEqual(['management-events', 'west-only']);
    const homeOnly = await cloudTrailClient('us-west-2').send(
      new DescribeTrailsCommand({ includeShadowTrails: false }),
    );
    expect(homeOnly.trailList!.map((t) => t.Name)).toEqual(['west-only']);
  });

  it('reports selectors truthfully and omits absent string members', async () => {
    const out = await cloudTrailClient().send(new GetTrailCommand({ Name: 'management-events' }));
    expect(out.Trail).toMatchObject({
      HasInsightSelectors: true,
      HasCustomEventSelectors: false,
      HomeRegion: 'us-east-1',
    });
    expect(out.Trail!.KmsKeyId).toMatch(/^arn:aws:kms:/);
    expect(out.Trail).not.toHaveProperty('SnsTopicARN');
    expect(out.Trail).not.toHaveProperty('S3KeyPrefix');
  });

  it('lists trails with their home Region', async () => {
    const out = await cloudTrailClient('us-west-2').send(new ListTrailsCommand({}));
    expect(out.Trails).toEqual(
      expect.arrayContaining([
        {
          TrailARN: trailArn('us-east-1', TEST_ACCOUNT, 'management-events'),
          Name: 'management-events',
          HomeRegion: 'us-east-1',
        },
        {
          TrailARN: trailArn('us-west-2', TEST_ACCOUNT, 'west-only'),
          Name: 'west-only',
          HomeRegion: 'us-west-2',
        },
      ]),
    );
  });

  it('gives the status of a logging trail by name or ARN, with its latest delivery', async () => {
    const byName = await cloudTrailClient().send(new GetTrailStatusCommand({ Name: 'management-events' }));
    expect(byName).toMatchObject({ IsLogging: true, StartLoggingTime: new Date(T0 - 60 * MINUTE) });
    // What delivery (delivery.ts) last recorded in the trail's state.
    expect(byName.LatestDeliveryTime).toEqual(new Date(T0 - 2 * MINUTE));
    expect(byName.LatestDeliveryError).toBe('AccessDenied');
    const byArn = await cloudTrailClient('us-west-2').send(
      new GetTrailStatusCommand({ Name: trailArn('us-west-2', TEST_ACCOUNT, 'west-only') }),
    );
    expect(byArn.IsLogging).toBe(false);
    expect(byArn.LatestDeliveryTime).toBeUndefined();
  });

  it('answers TrailNotFoundException, InvalidTrailNameException and CloudTrailARNInvalidException', async () => {
    await expect(
      cloudTrailClient().send(new GetTrailStatusCommand({ Name: 'west-only' })),
    ).rejects.toMatchObject({
      name: 'TrailNotFoundException',
      message: `Unknown trail: arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/west-only for the user: ${TEST_ACCOUNT}`,
    });
    await expect(cloudTrailClient().send(new GetTrailCommand({ Name: 'a--b' }))).rejects.toMatchObject({
      name: 'InvalidTrailNameException',
    });
    await expect(
      cloudTrailClient().send(new GetTrailCommand({ Name: 'arn:aws:nope' })),
    ).rejects.toMatchObject({
      name: 'CloudTrailARNInvalidException',
    });
  });
});
