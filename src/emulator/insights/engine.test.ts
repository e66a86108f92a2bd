// The Insights engine over stored events: records per the trail Insights schema (docs/cloudtrail-facts.md#insights),
// deterministic IDs, only for trails with Insights on, attributions.
import { describe, expect, it } from 'vitest';
import { attributionRows } from '@/domain/insights';
import type { CloudTrailRecord, InsightRecord } from '@/domain/record';
import { makeRecord, TEST_ACCOUNT } from '@/test/records';
import { trailArn, type TrailState } from '../state';
import { MemoryEventStore } from '../store/memory-event-store';
import { createInsightsEngine } from './engine';
import { countedPart } from './minute-counts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const DAY0 = Date.parse('2026-11-01T00:00:00Z');
const SPIKE = DAY0 + 20 * DAY + 14 * 60 * MINUTE; // 2026-11-21T14:00Z
const NOW = DAY0 + 22 * DAY;
const user = (name: string) => `arn:aws:iam::${TEST_ACCOUNT}:user/${name}`;

function trail(extra: Partial<TrailState> = {}): TrailState {
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
    createdTime: DAY0,
    insightSelectors: [{ InsightType: 'ApiCallRateInsight' }, { InsightType: 'ApiErrorRateInsight' }],
    ...extra,
  };
}

function call(time: number, extra: Partial<CloudTrailRecord> = {}, name = 'alice'): CloudTrailRecord {
  return makeRecord({
    time,
    userIdentity: { type: 'IAMUser', arn: user(name), accountId: TEST_ACCOUNT, userName: name },
    ...extra,
  });
}

/** 22 days of one RunInstances call per 30 minutes from alice, and on day 20 a 30-minute burst from seven users. */
function callRateSpike(): CloudTrailRecord[] {
  const records: CloudTrailRecord[] = [];
  for (let t = DAY0; t < NOW; t += 30 * MINUTE)
    if (t < SPIKE || t >= SPIKE + 30 * MINUTE) records.push(call(t));
  // Per minute: mallory 8, eve 4, and one call each from five more users: 17 calls per minute.
  const burst = [
    ...Array<string>(8).fill('mallory'),
    ...Array<string>(4).fill('eve'),
    'u1',
    'u2',
    'u3',
    'u4',
    'u5',
  ];
  for (let m = 0; m < 30; m++) {
    burst.forEach((name, i) =>
      records.push(
        call(
          SPIKE + m * MINUTE + i * 1000,
          { userAgent: i < 8 ? 'python-requests/2.31' : 'aws-cli/2.17.28' },
          name,
        ),
      ),
    );
  }
  return records;
}

async function analysed(records: CloudTrailRecord[], trails: TrailState[] = [trail()], now = NOW) {
  const store = new MemoryEventStore();
  await store.append(records);
  const engine = createInsightsEngine({ store });
  engine.observe(records);
  const insights = await engine.analyse(trails, now);
  return { store, engine, insights };
}

const details = (r: InsightRecord) => r.insightDetails;

describe('Insights engine', () => {
  it('raises a Start/End pair per the Insights record schema for a call-rate spike', async () => {
    const { insights } = await analysed(callRateSpike());
    expect(insights.map((r) => [r.eventTime, details(r).state])).toEqual([
      ['2026-11-21T14:00:00Z', 'Start'],
      ['2026-11-21T14:30:00Z', 'End'],
    ]);
    const [start, end] = insights as [InsightRecord, InsightRecord];
    for (const record of insights) {
      expect(record).toMatchObject({
        eventVersion: '1.07',
        eventType: 'AwsCloudTrailInsight',
        eventCategory: 'Insight',
        awsRegion: 'us-east-1',
        recipientAccountId: TEST_ACCOUNT,
        sharedEventID: start.sharedEventID,
        insightDetails: {
          eventSource: 'ec2.amazonaws.com',
          eventName: 'RunInstances',
          insightType: 'ApiCallRateInsight',
        },
      });
      expect(record.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // No eventName, eventSource, userIdentity at the top level of an Insights event (§4.4).
      expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['eventName']));
      expect(record).not.toHaveProperty('userIdentity');
      expect(details(record)).not.toHaveProperty('errorCode');
    }
    expect(start.eventID).not.toBe(end.eventID);
    // 2 calls per hour = 0.03333 per minute; Start = first minute's rate, End = average over the duration.
    expect(details(start).insightContext.statistics).toEqual({
      baseline: { average: 0.03333 },
      insight: { average: 17 },
      baselineDuration: 7 * 1440 + 14 * 60,
    });
    expect(details(end).insightContext.statistics).toEqual({
      baseline: { average: 0.03333 },
      insight: { average: 17 },
      insightDuration: 30,
      baselineDuration: 7 * 1440 + 14 * 60,
    });
  });

  it('counts what countedPart keeps of a record as it counts the whole record', async () => {
    const records = [...callRateSpike(), call(SPIKE, { readOnly: true, eventName: 'DescribeInstances' })];
    const whole = await analysed(records);
    const parts = records.flatMap((record) => countedPart(record) ?? []);
    expect(parts).toHaveLength(records.length - 1);
    expect(parts[0]!.requestParameters).toBeNull();
    const store = new MemoryEventStore();
    await store.append(records);
    const engine = createInsightsEngine({ store });
    engine.observe(parts);
    expect(await engine.analyse([trail()], NOW)).toEqual(whole.insights);
    expect(whole.insights).toHaveLength(2);
  });

  it('attributes the insight to the top five identities, user agents and error codes', async () => {
    const { insights } = await analysed(callRateSpike());
    const attributions = details(insights[1]!).insightContext.attributions!;
    expect(attributions.map((a) => a.attribute)).toEqual(['userIdentityArn', 'userAgent', 'errorCode']);
    const identities = attributions[0]!;
    expect(identities.insight).toEqual([
      { value: user('mallory'), average: 8 },
      { value: user('eve'), average: 4 },
      { value: user('u1'), average: 1 },
      { value: user('u2'), average: 1 },
      { value: user('u3'), average: 1 },
    ]);
    expect(identities.baseline).toEqual([{ value: user('alice'), average: 0.03333 }]);
    // The console's Other row is the remainder of the insight average (u4, u5).
    expect(attributionRows(identities.insight, 17).at(-1)).toEqual({
      value: 'Other',
      average: 2,
      percent: 11.8,
      other: true,
    });
    expect(attributions[1]!.insight).toEqual([
      { value: 'aws-cli/2.17.28', average: 9 },
      { value: 'python-requests/2.31', average: 8 },
    ]);
    expect(attributions[2]!.insight).toEqual([{ value: 'null', average: 17 }]);
  });

  it('is deterministic and never appends an insight twice', async () => {
    const records = callRateSpike();
    const { store, engine, insights } = await analysed(records);
    const again = await analysed(records);
    expect(again.insights).toEqual(insights);
    const count = await store.count();
    expect(await engine.analyse([trail()], NOW)).toEqual([]);
    engine.observe(records); // the same records again are not counted twice
    expect(engine.detect([trail()], NOW)).toEqual(insights);
    expect(await store.count()).toBe(count);
    const page = await store.lookup({ region: 'us-east-1', insight: true, limit: 50 });
    expect(page.events.map((e) => e.eventId).sort()).toEqual(insights.map((r) => r.eventID).sort());
  });

  it('raises a Start alone while the period is open, and the End once it has ended', async () => {
    const records = callRateSpike();
    const { engine } = await analysed(records, [trail()], SPIKE + 10 * MINUTE);
    const later = await engine.analyse([trail()], NOW);
    expect(later.map((r) => details(r).state)).toEqual(['End']);
  });

  it('runs only for trails with management Insights on, over the events they log', async () => {
    const records = callRateSpike();
    const cases: Array<[string, Partial<TrailState>]> = [
      ['no Insights', { insightSelectors: undefined }],
      ['error rate only', { insightSelectors: [{ InsightType: 'ApiErrorRateInsight' }] }],
      [
        'data event Insights',
        { insightSelectors: [{ InsightType: 'ApiCallRateInsight', EventCategories: ['Data'] }] },
      ],
      ['another Region', { IsMultiRegionTrail: false, HomeRegion: 'eu-west-1' }],
      [
        'read-only management events',
        { eventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true }] },
      ],
      [
        'EC2 excluded',
        {
          advancedEventSelectors: [
            {
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Management'] },
                { Field: 'eventSource', NotEquals: ['ec2.amazonaws.com'] },
              ],
            },
          ],
        },
      ],
    ];
    for (const [, extra] of cases) {
      expect((await analysed(records, [trail(extra)])).insights).toEqual([]);
    }
    expect((await analysed(records, [trail({ IsMultiRegionTrail: false })])).insights).toHaveLength(2);
  });

  it('raises an error-rate insight naming its error code, over read and write calls', async () => {
    const records: CloudTrailRecord[] = [];
    for (let t = DAY0; t < NOW; t += 20 * MINUTE) {
      records.push(call(t, { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', readOnly: true }));
    }
    for (let t = DAY0; t < NOW; t += 6 * 60 * MINUTE) {
      records.push(
        call(t, {
          eventSource: 'iam.amazonaws.com',
          eventName: 'ListUsers',
          readOnly: true,
          errorCode: 'AccessDenied',
        }),
      );
    }
    for (let m = 0; m < 25; m++) {
      for (let i = 0; i < 12; i++) {
        records.push(
          call(
            SPIKE + m * MINUTE + i * 1000,
            {
              eventSource: 'iam.amazonaws.com',
              eventName: 'ListUsers',
              readOnly: true,
              errorCode: 'AccessDenied',
              userAgent: 'Boto3/1.34.0',
            },
            'intruder',
          ),
        );
      }
    }
    const { insights } = await analysed(records);
    expect(insights).toHaveLength(2);
    const [start, end] = insights as [InsightRecord, InsightRecord];
    expect(details(start)).toMatchObject({
      state: 'Start',
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListUsers',
      insightType: 'ApiErrorRateInsight',
      errorCode: 'AccessDenied',
    });
    expect(end.eventTime).toBe('2026-11-21T14:25:00Z');
    expect(details(end).insightContext.statistics).toMatchObject({
      insight: { average: 12 },
      insightDuration: 25,
    });
    const attributions = details(end).insightContext.attributions!;
    expect(attributions.map((a) => a.attribute)).toEqual(['userIdentityArn', 'userAgent']);
    expect(attributions[0]!.insight).toEqual([{ value: user('intruder'), average: 12 }]);
  });
});
