import { describe, expect, it } from 'vitest';
import { makeRecord, TEST_ACCOUNT } from '@/test/records';
import { eventFields, type LookupEventLike } from './event-fields';
import {
  compileRefine,
  createRefineIndex,
  refineEvents,
  refineSuggestions,
  type RefineQuery,
  type RefineToken,
} from './refine';
import type { CloudTrailRecord } from './record';

function wire(record: CloudTrailRecord, extra: Partial<LookupEventLike> = {}): LookupEventLike {
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    EventSource: record.eventSource,
    EventTime: new Date(record.eventTime),
    ReadOnly: String(record.readOnly),
    Username: record.userIdentity.userName,
    Resources: [],
    CloudTrailEvent: JSON.stringify(record),
    ...extra,
  };
}

const denied = wire(
  makeRecord({
    eventName: 'GetObject',
    errorCode: 'AccessDenied',
    sourceIPAddress: '198.51.100.7',
    awsRegion: 'eu-west-1',
  }),
);
const throttled = wire(makeRecord({ errorCode: 'ThrottlingException', userAgent: 'Boto3/1.34.0' }));
const ok = wire(
  makeRecord({
    eventName: 'CreateUser',
    eventSource: 'iam.amazonaws.com',
    requestParameters: { userName: 'Carol', path: '/ops/' },
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/admin/jane`,
      principalId: 'AROAEXAMPLE:jane',
    },
    eventType: 'AwsApiCall',
  }),
  { Resources: [{ ResourceType: 'AWS::IAM::User', ResourceName: 'Carol' }] },
);
const events = [denied, throttled, ok];

const ids = (query: RefineQuery) => refineEvents(events, query).map((e) => e.EventId);
const and = (...tokens: RefineToken[]): RefineQuery => ({ operation: 'and', tokens });
const or = (...tokens: RefineToken[]): RefineQuery => ({ operation: 'or', tokens });

describe('refine', () => {
  it('keeps everything without tokens', () => {
    expect(compileRefine(and())).toBeUndefined();
    expect(ids(and())).toEqual(events.map((e) => e.EventId));
  });

  it.each<[string, RefineToken, LookupEventLike[]]>([
    ['= error code', { propertyKey: 'errorCode', operator: '=', value: 'AccessDenied' }, [denied]],
    ['= is exact and case-sensitive', { propertyKey: 'errorCode', operator: '=', value: 'accessdenied' }, []],
    [
      '!= error code keeps events without one',
      { propertyKey: 'errorCode', operator: '!=', value: 'AccessDenied' },
      [throttled, ok],
    ],
    ['contains ignores case', { propertyKey: 'errorCode', operator: ':', value: 'throttl' }, [throttled]],
    ['does not contain', { propertyKey: 'errorCode', operator: '!:', value: 'Denied' }, [throttled, ok]],
    ['source IP', { propertyKey: 'sourceIPAddress', operator: '=', value: '198.51.100.7' }, [denied]],
    ['region', { propertyKey: 'awsRegion', operator: '=', value: 'eu-west-1' }, [denied]],
    ['user agent', { propertyKey: 'userAgent', operator: ':', value: 'boto3' }, [throttled]],
    ['identity ARN', { propertyKey: 'userIdentityArn', operator: ':', value: 'assumed-role/admin' }, [ok]],
    [
      'identity type',
      { propertyKey: 'userIdentityType', operator: '=', value: 'IAMUser' },
      [denied, throttled],
    ],
    ['event type', { propertyKey: 'eventType', operator: '!=', value: 'AwsApiCall' }, []],
    [
      'event category',
      { propertyKey: 'eventCategory', operator: '=', value: 'Management' },
      [denied, throttled, ok],
    ],
    [
      'text in request parameters',
      { propertyKey: 'requestParameters', operator: ':', value: '"/ops/"' },
      [ok],
    ],
    ['a resource name among several', { propertyKey: 'resourceName', operator: '=', value: 'Carol' }, [ok]],
    ['free text in any field', { operator: ':', value: 'CAROL' }, [ok]],
    ['free text negated', { operator: '!:', value: 'carol' }, [denied, throttled]],
    ['an unknown property matches nothing', { propertyKey: 'nope', operator: '=', value: 'x' }, []],
  ])('%s', (_label, token, expected) => {
    expect(ids(and(token))).toEqual(expected.map((e) => e.EventId));
  });

  it('combines tokens with AND and with OR', () => {
    const accessDenied = { propertyKey: 'errorCode', operator: '=', value: 'AccessDenied' };
    const throttling = { propertyKey: 'errorCode', operator: '=', value: 'ThrottlingException' };
    const inEurope = { propertyKey: 'awsRegion', operator: '=', value: 'eu-west-1' };
    expect(ids(or(accessDenied, throttling))).toEqual([denied.EventId, throttled.EventId]);
    expect(ids(and(accessDenied, throttling))).toEqual([]);
    expect(ids(and(accessDenied, inEurope))).toEqual([denied.EventId]);
  });

  it('refines pages appended after a column was built', () => {
    const index = createRefineIndex([denied]);
    const query = or(
      { propertyKey: 'errorCode', operator: ':', value: 'denied' },
      { operator: ':', value: 'boto3' },
    );
    expect(index.filter(query)).toEqual([denied]);
    index.append([throttled, ok]);
    expect(index.filter(query)).toEqual([denied, throttled]);
  });

  it('agrees with the per-event predicate used while downloading', () => {
    const query = or(
      { propertyKey: 'userIdentityType', operator: '=', value: 'AssumedRole' },
      { operator: ':', value: '198.51' },
    );
    expect(events.filter(compileRefine(query)!)).toEqual(refineEvents(events, query));
  });

  it('treats a CloudTrailEvent that is not JSON as having no record fields', () => {
    const broken: LookupEventLike = { EventId: 'broken', EventName: 'X', CloudTrailEvent: '{"errorCode":' };
    expect(eventFields(broken)).toMatchObject({ eventName: 'X', errorCode: '', record: undefined });
    expect(refineEvents([broken], and({ propertyKey: 'errorCode', operator: '!=', value: 'a' }))).toEqual([
      broken,
    ]);
  });

  it('parses CloudTrailEvent once per event', () => {
    const event = wire(makeRecord());
    expect(eventFields(event)).toBe(eventFields(event));
  });

  it('suggests the distinct values of the loaded events', () => {
    const suggestions = refineSuggestions(events);
    expect(suggestions).toEqual(
      expect.arrayContaining([
        { propertyKey: 'errorCode', value: 'AccessDenied' },
        { propertyKey: 'errorCode', value: 'ThrottlingException' },
        { propertyKey: 'awsRegion', value: 'eu-west-1' },
        { propertyKey: 'userIdentityType', value: 'AssumedRole' },
      ]),
    );
    expect(suggestions.filter((s) => s.propertyKey === 'errorCode')).toHaveLength(2);
  });
});
