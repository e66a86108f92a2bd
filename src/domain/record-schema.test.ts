import { describe, expect, it } from 'vitest';
import { validateRecord } from './record-schema';

// docs/cloudtrail-facts.md#records, trimmed.
const consoleLogin = {
  eventVersion: '1.11',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDACKCEVSQ6C2EXAMPLE',
    arn: 'arn:aws:iam::111122223333:user/anaya',
    accountId: '111122223333',
    userName: 'anaya',
  },
  eventTime: '2025-03-10T16:24:34Z',
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  awsRegion: 'us-east-1',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
  requestParameters: null,
  responseElements: { ConsoleLogin: 'Success' },
  additionalEventData: {
    LoginTo: 'https://console.aws.amazon.com/console/home',
    MobileVersion: 'No',
    MFAUsed: 'Yes',
  },
  eventID: 'fed06f42-cb12-4764-8c69-121063dc79b9',
  readOnly: false,
  eventType: 'AwsConsoleSignIn',
  managementEvent: true,
  recipientAccountId: '111122223333',
  eventCategory: 'Management',
  tlsDetails: {
    tlsVersion: 'TLSv1.3',
    cipherSuite: 'TLS_AES_128_GCM_SHA256',
    clientProvidedHostHeader: 'signin.aws.amazon.com',
  },
};

// docs/cloudtrail-facts.md#records, trimmed.
const insightStart = {
  eventVersion: '1.07',
  eventTime: '2025-03-12T21:13:00Z',
  awsRegion: 'us-east-1',
  eventID: 'a1b2c3d4-9b6f-45f8-bc6b-9b41c052ebc7',
  eventType: 'AwsCloudTrailInsight',
  recipientAccountId: '111122223333',
  sharedEventID: 'e5f6a7b8-02b2-4e93-9aab-08ed47ea5fd3',
  insightDetails: {
    state: 'Start',
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    insightType: 'ApiCallRateInsight',
    insightContext: { statistics: { baseline: { average: 0.0442 }, insight: { average: 15 } } },
  },
  eventCategory: 'Insight',
};

const without = (field: string) =>
  Object.fromEntries(Object.entries(consoleLogin).filter(([key]) => key !== field));

describe('validateRecord', () => {
  it.each([
    ['a console sign-in (§9.1)', consoleLogin],
    ['an Insights Start event (§9.5)', insightStart],
    [
      'a service event whose userIdentity has no type',
      {
        ...consoleLogin,
        userIdentity: { accountId: '111122223333', invokedBy: 'secretsmanager.amazonaws.com' },
      },
    ],
    ['an old record without eventCategory', { ...without('eventCategory'), eventVersion: '1.05' }],
    ['a record whose requestParameters were omitted for size', without('requestParameters')],
    ['milliseconds in eventTime', { ...consoleLogin, eventTime: '2025-03-10T16:24:34.123Z' }],
    [
      'resources with only some members',
      { ...consoleLogin, resources: [{ ARN: 'arn:aws:s3:::bucket' }, { type: 'AWS::KMS::Key' }] },
    ],
  ])('accepts %s', (_, record) => {
    expect(validateRecord(record)).toEqual([]);
  });

  it.each([
    ['not an object', 'text', 'The record is not a JSON object.'],
    ['an array', [consoleLogin], 'The record is not a JSON object.'],
    ['no eventTime', without('eventTime'), 'eventTime is missing.'],
    [
      'a local eventTime',
      { ...consoleLogin, eventTime: '2025-03-10T16:24:34+01:00' },
      'eventTime is not an ISO 8601 UTC time such as 2025-03-10T16:24:34Z.',
    ],
    [
      'an impossible eventTime',
      { ...consoleLogin, eventTime: '2025-13-45T16:24:34Z' },
      'eventTime is not an ISO 8601 UTC time such as 2025-03-10T16:24:34Z.',
    ],
    ['no eventID', without('eventID'), 'eventID is missing.'],
    ['an eventID that is no UUID', { ...consoleLogin, eventID: 'abc-123' }, 'eventID is not a UUID.'],
    [
      'an eventVersion without minor',
      { ...consoleLogin, eventVersion: '1' },
      'eventVersion is not a version like 1.11.',
    ],
    ['a numeric eventVersion', { ...consoleLogin, eventVersion: 1.11 }, 'eventVersion must be a string.'],
    [
      'a foreign eventSource',
      { ...consoleLogin, eventSource: 'signin.example.com' },
      'eventSource must end with .amazonaws.com.',
    ],
    ['no eventName', without('eventName'), 'eventName is missing.'],
    ['no awsRegion', without('awsRegion'), 'awsRegion is missing.'],
    ['no sourceIPAddress', without('sourceIPAddress'), 'sourceIPAddress is missing.'],
    [
      'an unknown eventType',
      { ...consoleLogin, eventType: 'AwsApiCalls' },
      'eventType AwsApiCalls is not one of AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn, AwsCloudTrailInsight, AwsVpceEvent.',
    ],
    ['no eventCategory at 1.11', without('eventCategory'), 'eventCategory is missing.'],
    [
      'an unknown eventCategory',
      { ...consoleLogin, eventCategory: 'Audit' },
      'eventCategory must be Management, Data or NetworkActivity.',
    ],
    ['no userIdentity', without('userIdentity'), 'userIdentity is missing.'],
    ['a string userIdentity', { ...consoleLogin, userIdentity: 'anaya' }, 'userIdentity must be an object.'],
    [
      'an unknown identity type',
      { ...consoleLogin, userIdentity: { type: 'Robot' } },
      'userIdentity.type "Robot" is not a known identity type.',
    ],
    [
      'a numeric userName',
      { ...consoleLogin, userIdentity: { type: 'IAMUser', userName: 7 } },
      'userIdentity.userName must be a string.',
    ],
    [
      'a string sessionIssuer',
      { ...consoleLogin, userIdentity: { type: 'AssumedRole', sessionContext: { sessionIssuer: 'role' } } },
      'userIdentity.sessionContext.sessionIssuer must be an object.',
    ],
    [
      'string requestParameters',
      { ...consoleLogin, requestParameters: 'none' },
      'requestParameters must be an object or null.',
    ],
    [
      'array responseElements',
      { ...consoleLogin, responseElements: [] },
      'responseElements must be an object or null.',
    ],
    [
      'resources that are no array',
      { ...consoleLogin, resources: { ARN: 'x' } },
      'resources must be an array.',
    ],
    [
      'a resource that is no object',
      { ...consoleLogin, resources: ['arn:aws:s3:::bucket'] },
      'resources[0] must be an object.',
    ],
    [
      'a numeric resource ARN',
      { ...consoleLogin, resources: [{ ARN: 1 }] },
      'resources[0].ARN must be a string.',
    ],
    ['a string readOnly', { ...consoleLogin, readOnly: 'false' }, 'readOnly must be true or false.'],
    [
      'a short recipientAccountId',
      { ...consoleLogin, recipientAccountId: '1111' },
      'recipientAccountId is not a 12-digit account ID.',
    ],
    [
      'a boolean sessionCredentialFromConsole',
      { ...consoleLogin, sessionCredentialFromConsole: true },
      'sessionCredentialFromConsole must be the string "true".',
    ],
    ['a string tlsDetails', { ...consoleLogin, tlsDetails: 'TLSv1.3' }, 'tlsDetails must be an object.'],
    [
      'an errorMessage over 1 KB',
      { ...consoleLogin, errorMessage: 'x'.repeat(1025) },
      'errorMessage is longer than 1 KB.',
    ],
    [
      'an Insights event with a bad state',
      { ...insightStart, insightDetails: { ...insightStart.insightDetails, state: 'Begin' } },
      'insightDetails.state must be Start or End.',
    ],
    [
      'an Insights event without sharedEventID',
      { ...insightStart, sharedEventID: undefined },
      'sharedEventID is missing.',
    ],
    [
      'an Insights event with a management category',
      { ...insightStart, eventCategory: 'Management' },
      'eventCategory of an Insights event must be Insight.',
    ],
  ])('rejects %s', (_, record, reason) => {
    expect(validateRecord(record)).toEqual([reason]);
  });

  it('lists every problem of a record, not only the first', () => {
    expect(validateRecord({ ...consoleLogin, eventID: 'x', eventSource: 'x', readOnly: 1 })).toEqual([
      'eventID is not a UUID.',
      'eventSource must end with .amazonaws.com.',
      'readOnly must be true or false.',
    ]);
  });
});
