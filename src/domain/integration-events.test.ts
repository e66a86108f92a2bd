import { describe, expect, it } from 'vitest';
import { integrationRecord, readEventData } from './integration-events';
import { channelNameError, isIntegrationStore, parseChannelArn } from './lake-channels';

const ACCOUNT = '123456789012';
const valid = {
  version: '1.0',
  userIdentity: { type: 'CustomUser', principalId: 'alice' },
  eventSource: 'app.example.com',
  eventName: 'Login',
  eventTime: '2026-11-20T10:00:00Z',
  UID: 'u-1',
  recipientAccountId: ACCOUNT,
};
const text = (fields: Record<string, unknown>) => JSON.stringify({ ...valid, ...fields });

describe('readEventData', () => {
  it.each([
    ['valid', text({}), undefined],
    ['optional fields', text({ userAgent: 'ua', requestParameters: { a: 1 }, errorCode: 'E' }), undefined],
    ['time without Z', text({ eventTime: '2026-11-20T10:00:00' }), undefined],
    ['not JSON', '{', 'InvalidData'],
    ['an array', '[]', 'InvalidData'],
    ['no version', text({ version: undefined }), 'FieldNotFound'],
    ['no UID', text({ UID: null }), 'FieldNotFound'],
    ['no principalId', text({ userIdentity: { type: 'CustomUser' } }), 'FieldNotFound'],
    ['userIdentity a string', text({ userIdentity: 'alice' }), 'InvalidData'],
    [
      'details a string',
      text({ userIdentity: { type: 't', principalId: 'p', details: 'x' } }),
      'InvalidData',
    ],
    ['eventName a number', text({ eventName: 7 }), 'InvalidData'],
    ['requestParameters a list', text({ requestParameters: [1] }), 'InvalidData'],
    ['time with an offset', text({ eventTime: '2026-11-20T10:00:00+02:00' }), 'InvalidData'],
    ['another account', text({ recipientAccountId: '210987654321' }), 'InvalidRecipient'],
    ['over 256 KB', text({ additionalEventData: { pad: 'x'.repeat(256 * 1024) } }), 'FieldTooLong'],
  ])('%s', (_name, eventData, errorCode) => {
    const read = readEventData(eventData, ACCOUNT);
    expect('failure' in read ? read.failure.errorCode : undefined).toBe(errorCode);
  });

  it('builds the record Lake keeps, with the eventData as sent', () => {
    const read = readEventData(text({ eventTime: '2026-11-20T10:00:00.250Z' }), ACCOUNT);
    if (!('eventData' in read)) throw new Error('expected valid event data');
    const record = integrationRecord({
      eventId: 'e-1',
      eventData: read.eventData,
      region: 'eu-west-1',
      accountId: ACCOUNT,
      channelArn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:channel/c-1`,
      ingestedMs: Date.UTC(2026, 10, 20, 11),
    });
    expect(record).toMatchObject({
      eventCategory: 'ActivityAuditLog',
      eventType: 'ActivityLog',
      eventID: 'e-1',
      eventTime: '2026-11-20T10:00:00Z',
      awsRegion: 'eu-west-1',
      metadata: {
        ingestionTime: '2026-11-20T11:00:00Z',
        channelARN: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:channel/c-1`,
      },
      eventData: { UID: 'u-1' },
    });
  });
});

describe('channel rules', () => {
  it.each([
    ['my-app', undefined],
    ['a.b_c-1', undefined],
    ['ab', 'between'],
    ['x'.repeat(129), 'between'],
    ['has space', 'only letters'],
  ])('name %s', (name, problem) => {
    const error = channelNameError(name);
    if (problem === undefined) expect(error).toBeUndefined();
    else expect(error).toContain(problem);
  });

  it('parses channel ARNs and nothing else', () => {
    expect(parseChannelArn(`arn:aws:cloudtrail:us-east-2:${ACCOUNT}:channel/01234567890`)).toEqual({
      region: 'us-east-2',
      accountId: ACCOUNT,
      id: '01234567890',
    });
    expect(parseChannelArn(`arn:aws:cloudtrail:us-east-2:${ACCOUNT}:eventdatastore/x`)).toBeUndefined();
    expect(parseChannelArn('channel/x')).toBeUndefined();
  });

  it('takes as integration stores only those that collect ActivityAuditLog alone', () => {
    const store = (...categories: string[]) => ({
      advancedEventSelectors: categories.map((c) => ({
        FieldSelectors: [{ Field: 'eventCategory', Equals: [c] }],
      })),
    });
    expect(isIntegrationStore(store('ActivityAuditLog'))).toBe(true);
    expect(isIntegrationStore(store('Management'))).toBe(false);
    expect(isIntegrationStore(store('ActivityAuditLog', 'Management'))).toBe(false);
    expect(isIntegrationStore(store())).toBe(false);
  });
});
