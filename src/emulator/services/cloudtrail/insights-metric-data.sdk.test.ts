// @vitest-environment node
// ListInsightsMetricData through the AWS SDK v3 against the in-process emulator (docs/cloudtrail-facts.md#insights), and
// the engine's Insights events through LookupEvents with EventCategory=insight.
import {
  ListInsightsMetricDataCommand,
  LookupEventsCommand,
  type ListInsightsMetricDataCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '@/domain/record';
import { makeRecord, T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createInsightsEngine, type InsightsEngine } from '../../insights/engine';
import { createAccountState, trailArn, type TrailState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EC2 = {
  EventSource: 'ec2.amazonaws.com',
  EventName: 'RunInstances',
  InsightType: 'ApiCallRateInsight',
} as const;
const IAM_ERRORS = {
  EventSource: 'iam.amazonaws.com',
  EventName: 'ListUsers',
  InsightType: 'ApiErrorRateInsight',
  ErrorCode: 'AccessDenied',
} as const;

const times = (n: number, time: number, extra: Partial<CloudTrailRecord> = {}) =>
  Array.from({ length: n }, (_, i) => makeRecord({ time: time + i * 1000, ...extra }));
const iam = { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', readOnly: true };

const records: CloudTrailRecord[] = [
  ...times(2, T0 - 10 * MINUTE),
  ...times(1, T0 - 9 * MINUTE),
  ...times(3, T0 - 2 * HOUR),
  ...times(1, T0 - 20 * DAY),
  ...times(1, T0 - 80 * DAY),
  ...times(5, T0 - 10 * MINUTE, { readOnly: true }), // reads are not in the call rate
  ...times(4, T0 - 10 * MINUTE, { awsRegion: 'eu-west-1' }), // another Region
  ...times(4, T0 - 5 * MINUTE, { ...iam, errorCode: 'AccessDenied' }),
  ...times(2, T0 - 5 * MINUTE, { ...iam, errorCode: 'NoSuchEntity' }),
  ...times(6, T0 - 5 * MINUTE, iam),
];

function trail(): TrailState {
  return {
    Name: 'management-events',
    TrailARN: trailArn('us-east-1', TEST_ACCOUNT, 'management-events'),
    HomeRegion: 'us-east-1',
    S3BucketName: 'trail-bucket',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    LogFileValidationEnabled: true,
    IsOrganizationTrail: false,
    isLogging: true,
    tags: [],
    createdTime: T0 - 90 * DAY,
    insightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
  };
}

let handle: EmulatorHandler;
let store: MemoryEventStore;
let engine: InsightsEngine;

function start(events: CloudTrailRecord[]) {
  store = new MemoryEventStore();
  store.appendSync(events);
  engine = createInsightsEngine({ store });
  engine.observe(events);
  // Passed through to cloudTrailOperations until EmulatorOptions names `insights` itself.
  const options = {
    store,
    state: createAccountState(TEST_ACCOUNT, [trail()]),
    clock: () => T0,
    insights: engine,
  };
  handle = createEmulator(options);
}

useEmulatorServer(() => handle);

const metrics = (input: Partial<ListInsightsMetricDataCommandInput>, region = 'us-east-1') =>
  cloudTrailClient(region).send(new ListInsightsMetricDataCommand({ ...EC2, ...input }));
const series = (out: { Timestamps?: Date[]; Values?: number[] }) =>
  (out.Timestamps ?? []).map((t, i) => [(t.getTime() - T0) / MINUTE, out.Values?.[i]]);

describe('ListInsightsMetricData through the SDK', () => {
  beforeEach(() => start(records));

  it('returns per-minute write calls with zeros filled, StartTime inclusive and EndTime exclusive', async () => {
    const out = await metrics({
      Period: 60,
      DataType: 'FillWithZeros',
      StartTime: new Date(T0 - 12 * MINUTE),
      EndTime: new Date(T0 - 8 * MINUTE),
    });
    expect(out).toMatchObject(EC2);
    expect(out.ErrorCode).toBeUndefined();
    expect(series(out)).toEqual([
      [-12, 0],
      [-11, 0],
      [-10, 2],
      [-9, 1],
    ]);
    const edge = await metrics({
      Period: 60,
      StartTime: new Date(T0 - 10 * MINUTE),
      EndTime: new Date(T0 - 9 * MINUTE),
    });
    expect(series(edge)).toEqual([[-10, 2]]);
  });

  it('returns only non-empty periods by default, aligned to the Period', async () => {
    const out = await metrics({ Period: 300, StartTime: new Date(T0 - 3 * HOUR) });
    expect(series(out)).toEqual([
      [-120, 3],
      [-10, 3],
    ]);
    const zeros = await metrics({
      Period: 300,
      DataType: 'FillWithZeros',
      StartTime: new Date(T0 - 15 * MINUTE),
    });
    expect(series(zeros)).toEqual([
      [-15, 0],
      [-10, 3],
      [-5, 0],
    ]);
  });

  it('defaults to hourly periods over 90 days', async () => {
    const out = await metrics({});
    expect(series(out)).toEqual([
      [-80 * 1440, 1],
      [-20 * 1440, 1],
      [-120, 3],
      [-60, 3],
    ]);
    const filled = await metrics({ DataType: 'FillWithZeros' });
    expect(filled.Values).toHaveLength(90 * 24);
  });

  it('counts the calls that returned the error code for ApiErrorRateInsight', async () => {
    const out = await metrics({ ...IAM_ERRORS, Period: 60, StartTime: new Date(T0 - HOUR) });
    expect(out).toMatchObject(IAM_ERRORS);
    expect(series(out)).toEqual([[-5, 4]]);
  });

  it('answers for the Region of the request', async () => {
    const out = await metrics({ Period: 60, StartTime: new Date(T0 - HOUR) }, 'eu-west-1');
    expect(series(out)).toEqual([[-10, 4]]);
  });

  it('pages with MaxResults and NextToken', async () => {
    const input = { Period: 60, DataType: 'FillWithZeros', StartTime: new Date(T0 - 15 * MINUTE) } as const;
    const all = series(await metrics(input));
    const pages: unknown[] = [];
    let token: string | undefined;
    do {
      const page = await metrics({ ...input, MaxResults: 4, NextToken: token });
      expect(page.Values!.length).toBeLessThanOrEqual(4);
      pages.push(...series(page));
      token = page.NextToken;
    } while (token);
    expect(pages).toEqual(all);
    expect(all).toHaveLength(15);
  });

  it('accepts a StartTime exactly at the retention cutoff', async () => {
    await expect(metrics({ Period: 60, StartTime: new Date(T0 - 15 * DAY) })).resolves.toBeDefined();
    await expect(metrics({ Period: 300, StartTime: new Date(T0 - 63 * DAY) })).resolves.toBeDefined();
  });

  it.each<[string, Partial<ListInsightsMetricDataCommandInput>]>([
    ['an EventSource outside the pattern', { EventSource: 'EC2.amazonaws.com' }],
    ['an EventSource that is not an AWS endpoint', { EventSource: 'ec2.example.com' }],
    ['an EventName outside the pattern', { EventName: 'Run-Instances' }],
    ['an unknown InsightType', { InsightType: 'ApiLatencyInsight' as 'ApiCallRateInsight' }],
    ['ApiErrorRateInsight without ErrorCode', { InsightType: 'ApiErrorRateInsight' }],
    ['ApiCallRateInsight with an ErrorCode', { ErrorCode: 'AccessDenied' }],
    ['an ErrorCode outside the pattern', { ...IAM_ERRORS, ErrorCode: 'Access/Denied' }],
    ['a Period of 120', { Period: 120 }],
    ['an unknown DataType', { DataType: 'All' as 'NonZeroData' }],
    ['MaxResults 0', { MaxResults: 0 }],
    ['MaxResults 21601', { MaxResults: 21_601 }],
    ['StartTime beyond 15 days at Period 60', { Period: 60, StartTime: new Date(T0 - 15 * DAY - MINUTE) }],
    ['StartTime beyond 63 days at Period 300', { Period: 300, StartTime: new Date(T0 - 64 * DAY) }],
    ['StartTime beyond 90 days at Period 3600', { StartTime: new Date(T0 - 91 * DAY) }],
    ['StartTime equal to EndTime', { StartTime: new Date(T0 - HOUR), EndTime: new Date(T0 - HOUR) }],
    ['a NextToken that was not issued', { NextToken: 'not-a-token' }],
  ])('refuses %s with InvalidParameterException', async (_, input) => {
    await expect(metrics(input)).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('refuses a NextToken issued for other parameters', async () => {
    const page = await metrics({
      Period: 60,
      DataType: 'FillWithZeros',
      StartTime: new Date(T0 - HOUR),
      MaxResults: 2,
    });
    expect(page.NextToken).toEqual(expect.any(String));
    await expect(metrics({ Period: 300, NextToken: page.NextToken })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('Insights events through LookupEvents', () => {
  it('returns what the engine raised with EventCategory=insight', async () => {
    // Eight days of one call an hour, then 20 minutes of 10 calls a minute ending an hour ago.
    const spike = T0 - 80 * MINUTE;
    const events = [
      ...Array.from({ length: 8 * 24 }, (_, h) => makeRecord({ time: T0 - 3 * HOUR - h * HOUR })),
      ...Array.from({ length: 20 }, (_, m) => times(10, spike + m * MINUTE)).flat(),
    ];
    start(events);
    const raised = await engine.analyse([trail()], T0);
    expect(raised).toHaveLength(2);
    const client = cloudTrailClient();
    const out = await client.send(new LookupEventsCommand({ EventCategory: 'insight' }));
    expect(out.Events?.map((e) => [e.EventName, e.EventSource, e.EventTime?.getTime()])).toEqual([
      ['RunInstances', 'ec2.amazonaws.com', spike + 20 * MINUTE],
      ['RunInstances', 'ec2.amazonaws.com', spike],
    ]);
    const end = JSON.parse(out.Events![0]!.CloudTrailEvent!);
    expect(end.insightDetails).toMatchObject({ state: 'End', insightType: 'ApiCallRateInsight' });
    expect(end.insightDetails.insightContext.statistics).toMatchObject({
      insight: { average: 10 },
      insightDuration: 20,
    });
    const plain = await client.send(new LookupEventsCommand({ MaxResults: 50 }));
    expect(plain.Events?.every((e) => !JSON.parse(e.CloudTrailEvent!).insightDetails)).toBe(true);
  });
});
