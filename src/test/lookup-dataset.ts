// The records the LookupEvents contract suite runs against: ordinary calls, plus one of each identity
// and API whose Username or Resources Event history derives in its own way (docs/cloudtrail-facts.md#event-history-and-lookupevents).
import type { AnyRecord, CloudTrailRecord } from '@/domain/record';
import { makeInsightRecord, makeRecord, T0, TEST_ACCOUNT, testUuid } from './records';

export const MINUTE = 60_000;
/** The emulator's clock in the suite: after every record, so nothing it records lands between them. */
export const LOOKUP_NOW = T0 + 60 * MINUTE;

/** 60 calls in us-east-1, one a minute back from T0; even minutes write, odd minutes read. */
export const ordinary: CloudTrailRecord[] = Array.from({ length: 60 }, (_, i) =>
  makeRecord({
    time: T0 - (i + 10) * MINUTE,
    eventName: i % 2 === 0 ? 'RunInstances' : 'DescribeInstances',
    readOnly: i % 2 === 1,
  }),
);

/** An IAM CreateUser: the record has no `resources`, Event history still references the user. */
export const createUser = makeRecord({
  time: T0,
  eventSource: 'iam.amazonaws.com',
  eventName: 'CreateUser',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEBOB000001',
    arn: `arn:aws:iam::${TEST_ACCOUNT}:user/bob`,
    accountId: TEST_ACCOUNT,
    accessKeyId: 'AKIAEXAMPLEBOB000001',
    userName: 'bob',
  },
  requestParameters: { userName: 'carol' },
  responseElements: {
    user: {
      path: '/',
      userName: 'carol',
      userId: 'AIDAEXAMPLECAROL0001',
      arn: `arn:aws:iam::${TEST_ACCOUNT}:user/carol`,
      createDate: 'Nov 20, 2026, 12:00:00 PM',
    },
  },
});

export const rootLogin = makeRecord({
  time: T0 - MINUTE,
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventType: 'AwsConsoleSignIn',
  userIdentity: {
    type: 'Root',
    principalId: TEST_ACCOUNT,
    arn: `arn:aws:iam::${TEST_ACCOUNT}:root`,
    accountId: TEST_ACCOUNT,
  },
  requestParameters: null,
  responseElements: { ConsoleLogin: 'Success' },
});

/** A failed sign-in with a user name the account does not have. */
export const hiddenLogin = makeRecord({
  time: T0 - 2 * MINUTE,
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventType: 'AwsConsoleSignIn',
  userIdentity: {
    type: 'IAMUser',
    principalId: '',
    accountId: TEST_ACCOUNT,
    accessKeyId: '',
    userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
  },
  errorMessage: 'No username found in supplied account',
  requestParameters: null,
  responseElements: { ConsoleLogin: 'Failure' },
});

export const assumedRole = makeRecord({
  time: T0 - 3 * MINUTE,
  eventSource: 's3.amazonaws.com',
  eventName: 'PutBucketPolicy',
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLEROLE00001:i-0d15bf185eb766168',
    arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/app-role/i-0d15bf185eb766168`,
    accountId: TEST_ACCOUNT,
    accessKeyId: 'ASIAEXAMPLETEMP00001',
  },
  requestParameters: { bucketName: 'logs-bucket', policy: '{}' },
});

export const serviceEvent = makeRecord({
  time: T0 - 4 * MINUTE,
  eventSource: 'ec2.amazonaws.com',
  eventName: 'SharedSnapshotVolumeCreated',
  eventType: 'AwsServiceEvent',
  userIdentity: { accountId: TEST_ACCOUNT, invokedBy: 'ec2.amazonaws.com', type: 'AWSService' },
  sourceIPAddress: 'ec2.amazonaws.com',
  userAgent: 'ec2.amazonaws.com',
  requestParameters: null,
});

/** Two calls in the same second: the tie is broken by event ID, and paging never repeats or skips. */
export const tieA = makeRecord({ time: T0 - 5 * MINUTE, eventID: testUuid(0xa0001), eventName: 'TieBreak' });
export const tieB = makeRecord({ time: T0 - 5 * MINUTE, eventID: testUuid(0xb0001), eventName: 'TieBreak' });

export const inEurope = makeRecord({
  time: T0 - 6 * MINUTE,
  awsRegion: 'eu-west-1',
  eventName: 'RunInstances',
});

export const insightStart = makeInsightRecord({ time: T0 - 7 * MINUTE });
export const insightEnd = makeInsightRecord({
  time: T0 - 2 * MINUTE,
  sharedEventID: insightStart.sharedEventID,
  insightDetails: { ...insightStart.insightDetails, state: 'End' },
});

export const special = [createUser, rootLogin, hiddenLogin, assumedRole, serviceEvent, tieA, tieB];

export const LOOKUP_RECORDS: AnyRecord[] = [...ordinary, ...special, inEurope, insightStart, insightEnd];

/** The us-east-1 management events, newest first (ties by event ID descending). */
export const EAST_NEWEST_FIRST: CloudTrailRecord[] = [...ordinary, ...special].sort(
  (a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime) || (a.eventID < b.eventID ? 1 : -1),
);
