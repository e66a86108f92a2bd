// Small, readable records for tests: every field a test does not care about gets a valid default.
import type { CloudTrailRecord, InsightRecord } from '@/domain/record';
import { isoSeconds } from '@/domain/iso-time';

export const TEST_ACCOUNT = '111122223333';
export const T0 = Date.parse('2026-11-20T12:00:00Z');

let sequence = 0;

/** A v4-shaped UUID from a counter, so tests are deterministic. */
export function testUuid(n = ++sequence): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function makeRecord(overrides: Partial<CloudTrailRecord> & { time?: number } = {}): CloudTrailRecord {
  const { time, ...rest } = overrides;
  return {
    eventVersion: '1.11',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEUSERID0001',
      arn: `arn:aws:iam::${TEST_ACCOUNT}:user/alice`,
      accountId: TEST_ACCOUNT,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      userName: 'alice',
    },
    eventTime: isoSeconds(time ?? T0),
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.17.28',
    requestParameters: { instanceType: 't3.micro' },
    responseElements: null,
    requestID: testUuid(),
    eventID: testUuid(),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: TEST_ACCOUNT,
    eventCategory: 'Management',
    ...rest,
  };
}

export function makeInsightRecord(overrides: Partial<InsightRecord> & { time?: number } = {}): InsightRecord {
  const { time, ...rest } = overrides;
  return {
    eventVersion: '1.07',
    eventTime: isoSeconds(time ?? T0),
    awsRegion: 'us-east-1',
    eventID: testUuid(),
    eventType: 'AwsCloudTrailInsight',
    recipientAccountId: TEST_ACCOUNT,
    sharedEventID: testUuid(),
    insightDetails: {
      state: 'Start',
      eventSource: 'ssm.amazonaws.com',
      eventName: 'SendCommand',
      insightType: 'ApiCallRateInsight',
      insightContext: { statistics: { baseline: { average: 0.04 }, insight: { average: 15 } } },
    },
    eventCategory: 'Insight',
    ...rest,
  };
}
