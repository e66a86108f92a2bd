import { describe, expect, it } from 'vitest';
import { makeRecord } from '@/test/records';
import { indexRecord, toWireEvent } from './lookup-event';

describe('indexRecord', () => {
  it('gives the access key of an API call', () => {
    expect(indexRecord(makeRecord()).accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
  });

  it('gives no access key for a console sign-in, as Event history shows it', () => {
    const signIn = makeRecord({
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'ASIAEXAMPLESESSION01' },
    });
    const event = indexRecord(signIn);
    expect(event.accessKeyId).toBeUndefined();
    expect(toWireEvent(event)).not.toHaveProperty('AccessKeyId');
    expect(toWireEvent(event)).toMatchObject({ Username: 'alice', ReadOnly: 'false' });
  });

  it('reads an Insights record by its subject API', () => {
    const event = indexRecord({
      eventVersion: '1.07',
      eventTime: '2026-11-20T12:00:00Z',
      awsRegion: 'us-east-1',
      eventID: '00000000-0000-4000-8000-0000000000aa',
      eventType: 'AwsCloudTrailInsight',
      sharedEventID: '00000000-0000-4000-8000-0000000000ab',
      insightDetails: {
        state: 'Start',
        eventSource: 'ssm.amazonaws.com',
        eventName: 'SendCommand',
        insightType: 'ApiCallRateInsight',
        insightContext: { statistics: { baseline: { average: 0.1 }, insight: { average: 12 } } },
      },
      eventCategory: 'Insight',
    });
    expect(event).toMatchObject({
      category: 'Insight',
      eventName: 'SendCommand',
      eventSource: 'ssm.amazonaws.com',
    });
  });
});
