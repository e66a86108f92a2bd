// A generated fixture for the documentation's Lake queries: three principals over five services, reads and
// writes, console sign-ins with and without MFA, access denials and a throttle, management and data events,
// two Regions and one event long before the others. The tests compute each expected answer from this list
// in plain TypeScript, so an answer is checked against the data, not against the engine.
import type { CloudTrailRecord, UserIdentity } from '@/domain/record';
import { makeRecord, TEST_ACCOUNT } from '@/test/records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const user = (name: string): UserIdentity => ({
  type: 'IAMUser',
  principalId: `AIDA${name.toUpperCase()}EXAMPLE`,
  arn: `arn:aws:iam::${TEST_ACCOUNT}:user/${name}`,
  accountId: TEST_ACCOUNT,
  userName: name,
});

const carol: UserIdentity = {
  type: 'AssumedRole',
  principalId: 'AROACAROLEXAMPLE:carol',
  arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/Auditor/carol`,
  accountId: TEST_ACCOUNT,
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROACAROLEXAMPLE',
      arn: `arn:aws:iam::${TEST_ACCOUNT}:role/Auditor`,
      accountId: TEST_ACCOUNT,
      userName: 'Auditor',
    },
    attributes: { creationDate: '2026-11-01T00:00:00Z', mfaAuthenticated: 'false' },
  },
};

type Spec = [count: number, overrides: Partial<CloudTrailRecord>];

const SPECS: Spec[] = [
  [3, { eventName: 'RunInstances', userIdentity: user('alice') }],
  [1, { eventName: 'TerminateInstances', awsRegion: 'eu-west-1', userIdentity: user('alice') }],
  [
    1,
    {
      eventName: 'CreateBucket',
      eventSource: 's3.amazonaws.com',
      requestParameters: { bucketName: 'new-bucket' },
      sessionCredentialFromConsole: 'true',
      userIdentity: user('alice'),
    },
  ],
  [2, { eventName: 'Publish', eventSource: 'sns.amazonaws.com', userIdentity: user('alice') }],
  [
    1,
    {
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      eventType: 'AwsConsoleSignIn',
      additionalEventData: { MFAUsed: 'Yes' },
      userIdentity: user('alice'),
    },
  ],
  [4, { eventName: 'DescribeInstances', readOnly: true, userIdentity: user('bob') }],
  [
    2,
    {
      eventName: 'DeleteBucket',
      eventSource: 's3.amazonaws.com',
      requestParameters: { bucketName: 'logs-bucket' },
      errorCode: 'AccessDenied',
      errorMessage: 'Access Denied',
      userIdentity: user('bob'),
    },
  ],
  [
    1,
    { eventName: 'ListTopics', eventSource: 'sns.amazonaws.com', readOnly: true, userIdentity: user('bob') },
  ],
  [
    1,
    {
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      eventType: 'AwsConsoleSignIn',
      additionalEventData: { MFAUsed: 'No' },
      userIdentity: user('bob'),
    },
  ],
  [4, { eventName: 'ListUsers', eventSource: 'iam.amazonaws.com', readOnly: true, userIdentity: carol }],
  [
    2,
    {
      eventName: 'GetObject',
      eventSource: 's3.amazonaws.com',
      readOnly: true,
      managementEvent: false,
      eventCategory: 'Data',
      requestParameters: { bucketName: 'logs-bucket', key: 'a.txt' },
      userIdentity: carol,
    },
  ],
  [
    1,
    {
      eventName: 'AssumeRole',
      eventSource: 'sts.amazonaws.com',
      readOnly: true,
      errorCode: 'ThrottlingException',
      userIdentity: carol,
    },
  ],
];

/** Midnight UTC two days before `now`: the fixture's events fall on that day and the next. */
export function fixtureBase(now: number): number {
  return Math.floor(now / DAY) * DAY - 2 * DAY;
}

/** The fixture's events, spread one every 50 minutes from `base`, plus one 40 days before it. */
export function docFixture(base: number): CloudTrailRecord[] {
  const records: CloudTrailRecord[] = [];
  let minute = 0;
  for (const [count, overrides] of SPECS) {
    for (let i = 0; i < count; i++) {
      records.push(makeRecord({ ...overrides, time: base + minute * 60_000 }));
      minute += 50;
    }
  }
  records.push(
    makeRecord({
      eventName: 'ListBuckets',
      eventSource: 's3.amazonaws.com',
      readOnly: true,
      userIdentity: user('bob'),
      time: base - 40 * DAY,
    }),
  );
  return records;
}
