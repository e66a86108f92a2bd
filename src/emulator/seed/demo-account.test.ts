// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bucketPolicyAllowsCloudTrail,
  keyPolicyAllowsCloudTrail,
  roleAllowsCloudTrailLogs,
  topicPolicyAllowsCloudTrail,
} from '@/domain/cloudtrail-policies';
import type { CloudTrailRecord } from '@/domain/record';
import { validateRecord } from '@/domain/record-schema';
import { createDemoAccount, generateDemoEvents } from './demo-account';
import { DEMO_STORIES, demoStory, storyWindow } from './stories';

const now = new Date('2026-11-21T15:30:27.500Z');
const DAY_MS = 86_400_000;

function timed(): CloudTrailRecord[] {
  const started = performance.now();
  const events = generateDemoEvents({ now });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  console.info(`Generated ${events.length} demo events in ${seconds} s (rss ${rss} MB).`);
  return events;
}

const events = timed();

function sha256(records: readonly CloudTrailRecord[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(JSON.stringify(record));
  return hash.digest('hex');
}

function count<K>(key: (e: CloudTrailRecord) => K | undefined): Map<K, number> {
  const counts = new Map<K, number>();
  for (const e of events) {
    const k = key(e);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Generating and hashing 90 days twice takes seconds; a busy shared machine must not fail the test. */
const SLOW = 60_000;

const within = (e: CloudTrailRecord, window: { start: Date; end: Date }) =>
  e.eventTime >= window.start.toISOString().slice(0, 19) &&
  e.eventTime <= window.end.toISOString().slice(0, 19) + 'Z';

describe('the demo account', () => {
  it('is deterministic for a seed and a now', { timeout: SLOW }, () => {
    expect(sha256(generateDemoEvents({ now }))).toBe(sha256(events));
    expect(sha256(generateDemoEvents({ now, seed: 7, days: 3 }))).not.toBe(
      sha256(generateDemoEvents({ now, days: 3 })),
    );
  });

  it('makes every day on its own exactly as in the whole', { timeout: SLOW }, () => {
    const account = createDemoAccount({ now });
    for (const dayIndex of [89, 10, 6, 0]) {
      const date = new Date(now.getTime() - dayIndex * DAY_MS).toISOString().slice(0, 10);
      expect(account.generateDay(dayIndex)).toEqual(events.filter((e) => e.eventTime.startsWith(date)));
    }
    expect(() => account.generateDay(90)).toThrow(RangeError);
  });

  it('writes only valid records', { timeout: SLOW }, () => {
    const invalid = events
      .map((e) => [e.eventID, validateRecord(e)] as const)
      .filter(([, reasons]) => reasons.length > 0);
    expect(invalid.slice(0, 3)).toEqual([]);
  });

  it('has the volume and variety of a real account', () => {
    expect(events.length).toBeGreaterThanOrEqual(150_000);
    expect(count((e) => e.eventSource).size).toBeGreaterThanOrEqual(25);
    expect(count((e) => e.eventName).size).toBeGreaterThanOrEqual(200);
    const errors = events.filter((e) => e.errorCode).length / events.length;
    expect(errors).toBeGreaterThanOrEqual(0.05);
    expect(errors).toBeLessThanOrEqual(0.1);
    expect(new Set(events.map((e) => e.eventID)).size).toBe(events.length);
  });

  it('covers 90 days up to now, in time order, quieter at night and at weekends', () => {
    const first = new Date(now.getTime() - 90 * DAY_MS).toISOString();
    expect(events[0]!.eventTime >= first.slice(0, 19)).toBe(true);
    expect(events.at(-1)!.eventTime <= now.toISOString().slice(0, 19) + 'Z').toBe(true);
    expect(events.every((e, i) => i === 0 || events[i - 1]!.eventTime <= e.eventTime)).toBe(true);
    const byHour = count((e) => Number(e.eventTime.slice(11, 13)));
    expect(byHour.get(15)! / byHour.get(7)!).toBeGreaterThan(2); // 10:00 vs 02:00 US Eastern
    const byDay = count((e) => e.eventTime.slice(0, 10));
    const day = (date: string) => byDay.get(date)!;
    expect(day('2026-11-18') / day('2026-11-14')).toBeGreaterThan(1.4); // a Wednesday vs a Saturday
  });

  it('works mostly in us-east-1, global services only there', () => {
    const regions = count((e) => e.awsRegion);
    expect(regions.get('us-east-1')! / events.length).toBeGreaterThan(0.6);
    expect([...regions.keys()].filter((r) => r !== 'us-east-1').length).toBeGreaterThanOrEqual(3);
    const global = ['iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com'];
    expect(
      events.filter((e) => global.includes(e.eventSource)).every((e) => e.awsRegion === 'us-east-1'),
    ).toBe(true);
  });

  it('has every common kind of identity, shaped as CloudTrail records them', () => {
    const types = count((e) => e.userIdentity.type);
    for (const type of [
      'IAMUser',
      'AssumedRole',
      'Root',
      'AWSService',
      'FederatedUser',
      'IdentityCenterUser',
    ] as const) {
      expect(types.get(type), type).toBeGreaterThan(0);
    }
    const ids = events.map((e) => e.userIdentity);
    expect(
      ids
        .filter((u) => u.type === 'IAMUser' && u.accessKeyId?.startsWith('AKIA'))
        .every((u) => /^AKIA[A-Z2-7]{16}$/.test(u.accessKeyId!)),
    ).toBe(true);
    expect(ids.some((u) => u.type === 'AssumedRole' && /^ASIA[A-Z2-7]{16}$/.test(u.accessKeyId ?? ''))).toBe(
      true,
    );
    expect(ids.some((u) => u.sessionContext?.ec2RoleDelivery === '2.0')).toBe(true);
    expect(ids.some((u) => u.sessionContext?.sessionIssuer?.userName?.startsWith('AWSReservedSSO_'))).toBe(
      true,
    );
    expect(ids.some((u) => u.arn?.includes(':assumed-role/github-actions-deploy/'))).toBe(true);
    expect(
      ids
        .filter((u) => u.type === 'Root')
        .every((u) => u.principalId === u.accountId && u.arn?.endsWith(':root')),
    ).toBe(true);
    expect(ids.filter((u) => u.type === 'AWSService').every((u) => u.invokedBy && !u.accessKeyId)).toBe(true);
    expect(
      ids.some(
        (u) =>
          u.type === 'FederatedUser' &&
          u.arn?.includes(':federated-user/') &&
          u.sessionContext?.sessionIssuer?.type === 'IAMUser',
      ),
    ).toBe(true);
    expect(
      ids.some((u) => u.type === 'IdentityCenterUser' && u.onBehalfOf?.identityStoreArn && u.credentialId),
    ).toBe(true);
    expect(
      events.some((e) => e.eventType === 'AwsServiceEvent' && e.userIdentity.type === 'AWSService'),
    ).toBe(true);
    expect(events.filter((e) => e.userIdentity.invokedBy).every((e) => e.tlsDetails === undefined)).toBe(
      true,
    );
  });

  it('records console sign-ins, some of them failing', () => {
    const logins = events.filter((e) => e.eventName === 'ConsoleLogin');
    expect(logins.every((e) => e.eventType === 'AwsConsoleSignIn' && e.additionalEventData?.MFAUsed)).toBe(
      true,
    );
    const failures = logins.filter((e) => e.responseElements?.ConsoleLogin === 'Failure');
    expect(failures.some((e) => e.errorMessage === 'Failed authentication')).toBe(true);
    expect(failures.some((e) => e.userIdentity.userName === 'HIDDEN_DUE_TO_SECURITY_REASONS')).toBe(true);
    expect(logins.some((e) => e.userIdentity.type === 'Root' && e.userIdentity.accessKeyId === '')).toBe(
      true,
    );
  });

  it('marks reads as read-only and console sessions as such', () => {
    const reads = events.filter((e) => /^(Describe|List|Get)/.test(e.eventName));
    expect(reads.every((e) => e.readOnly === true)).toBe(true);
    expect(events.some((e) => e.sessionCredentialFromConsole === 'true')).toBe(true);
    expect(events.every((e) => e.managementEvent === true && e.eventCategory === 'Management')).toBe(true);
  });

  it('has three trails: one with Insights, one stopped in us-west-2', () => {
    const { trails } = createDemoAccount({ now });
    expect(trails).toHaveLength(3);
    const insights = trails.filter((t) => t.insightSelectors?.length);
    expect(insights.map((t) => t.insightSelectors?.map((s) => s.InsightType))).toEqual([
      ['ApiCallRateInsight', 'ApiErrorRateInsight'],
    ]);
    expect(trails.filter((t) => !t.isLogging).map((t) => [t.HomeRegion, t.IsMultiRegionTrail])).toEqual([
      ['us-west-2', false],
    ]);
  });

  it('has the buckets, key, topic and role its trails deliver to', () => {
    const { accountId, trails, resources } = createDemoAccount({ now });
    for (const trail of trails) {
      const bucket = resources.buckets.find((b) => b.name === trail.S3BucketName);
      expect(
        bucketPolicyAllowsCloudTrail(bucket?.policy, trail.S3BucketName, trail.S3KeyPrefix, accountId),
      ).toBe(true);
    }
    const management = trails.find((t) => t.KmsKeyId)!;
    const key = resources.kmsKeys.find((k) => k.arn === management.KmsKeyId);
    expect(keyPolicyAllowsCloudTrail(key?.policy ?? '', management.KmsKeyId!)).toBe(true);
    const topic = resources.snsTopics.find((t) => t.arn === management.SnsTopicARN);
    expect(topicPolicyAllowsCloudTrail(topic?.attributes.Policy ?? '', management.SnsTopicARN!)).toBe(true);
    const role = resources.iamRoles.find((r) => r.arn === management.CloudWatchLogsRoleArn)!;
    const group = management.CloudWatchLogsLogGroupArn!;
    expect(resources.logGroups.some((g) => `${g.arn}:*` === group)).toBe(true);
    const policies = Object.values(role.inlinePolicies);
    expect(
      roleAllowsCloudTrailLogs(role.assumeRolePolicyDocument, policies, group, accountId, 'us-east-1'),
    ).toBe(true);
  });
});

describe('the demo stories', () => {
  it('put the Insights stories within the last 28 days, not today', () => {
    for (const id of ['call-rate-spike', 'error-rate-spike'] as const) {
      expect(demoStory(id).dayIndex).toBeGreaterThan(0);
      expect(demoStory(id).dayIndex).toBeLessThanOrEqual(28 - 7);
    }
    expect(new Set(DEMO_STORIES.map((s) => s.id)).size).toBe(5);
  });

  it('spikes SendCommand over a quiet baseline of a few calls every day', () => {
    const story = demoStory('call-rate-spike');
    const window = storyWindow(story, now);
    const perDay = count((e) => (e.eventName === 'SendCommand' ? e.eventTime.slice(0, 10) : undefined));
    for (let back = 1; back <= 7; back++) {
      const date = new Date(window.start.getTime() - back * DAY_MS).toISOString().slice(0, 10);
      expect(perDay.get(date), date).toBeGreaterThan(0);
      expect(perDay.get(date)).toBeLessThan(10);
    }
    expect(events.filter((e) => e.eventName === 'SendCommand' && within(e, window)).length).toBeGreaterThan(
      300,
    );
  });

  it('spikes AccessDenied on GetBucketPolicy for half an hour', () => {
    const window = storyWindow(demoStory('error-rate-spike'), now);
    const denied = events.filter(
      (e) => e.eventName === 'GetBucketPolicy' && e.errorCode === 'AccessDenied' && within(e, window),
    );
    expect(denied.length).toBeGreaterThan(200);
  });

  it('stops and restarts CloudTrail logging at the story times', () => {
    const story = demoStory('logging-gap');
    const { start, end } = storyWindow(story, now);
    const stop = events.find((e) => e.eventName === 'StopLogging');
    const restart = events.find((e) => e.eventName === 'StartLogging');
    expect(stop?.eventTime).toBe(start.toISOString().slice(0, 19) + 'Z');
    expect(restart?.eventTime).toBe(end.toISOString().slice(0, 19) + 'Z');
    const trail = createDemoAccount({ now }).trails.find((t) => t.Name === 'management-events');
    expect([trail?.stopLoggingTime, trail?.startLoggingTime]).toEqual([start.getTime(), end.getTime()]);
  });

  it('uses the leaked key from an unknown address to create a backdoor user', () => {
    const window = storyWindow(demoStory('leaked-access-key'), now);
    const leaked = events.filter(
      (e) => e.userIdentity.accessKeyId === 'AKIA2XK7M3QZR5JH3E7W' && e.sourceIPAddress === '203.0.113.250',
    );
    expect(leaked.length).toBeGreaterThan(40);
    expect(leaked.every((e) => within(e, window))).toBe(true);
    expect(leaked.map((e) => e.eventName)).toEqual(
      expect.arrayContaining([
        'GetCallerIdentity',
        'ListBuckets',
        'DescribeInstances',
        'CreateUser',
        'AttachUserPolicy',
      ]),
    );
  });

  it('escalates jordan.lee through a new policy version', () => {
    const window = storyWindow(demoStory('privilege-escalation'), now);
    const escalation = events.filter(
      (e) =>
        within(e, window) &&
        e.eventSource === 'iam.amazonaws.com' &&
        e.userIdentity.userName === 'jordan.lee',
    );
    expect(escalation.map((e) => e.eventName)).toEqual(
      expect.arrayContaining(['CreatePolicyVersion', 'AttachRolePolicy']),
    );
  });
});
