// What a trail delivers: every advanced selector field with every operator, the basic selectors, data
// resource types, Regions, global service events and Insights.
import { describe, expect, it } from 'vitest';
import { makeInsightRecord, makeRecord } from '@/test/records';
import {
  FIELD_OPERATORS,
  type AdvancedFieldSelector,
  type EventSelector,
  type FieldOperator,
} from './event-selectors';
import type { CloudTrailRecord } from './record';
import { selectionWhatIf, trailSelectsRecord, type SelectingTrail } from './trail-selection';

const base: SelectingTrail = {
  HomeRegion: 'us-east-1',
  IsMultiRegionTrail: false,
  IncludeGlobalServiceEvents: true,
};

const dataEvent = makeRecord({
  eventSource: 'lambda.amazonaws.com',
  eventName: 'Invoke',
  eventType: 'AwsApiCall',
  readOnly: false,
  managementEvent: false,
  eventCategory: 'Data',
  errorCode: 'ResourceNotFoundException',
  vpcEndpointId: 'vpce-0abc',
  sessionCredentialFromConsole: 'true',
  userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Deploy/ci' },
  resources: [
    { type: 'AWS::Lambda::Function', ARN: 'arn:aws:lambda:us-east-1:111122223333:function:orders' },
  ],
});

/** Per field: the record's value, an operand each select operator matches, one it does not. */
const FIELDS: Array<[field: string, value: string]> = [
  ['eventCategory', 'Data'],
  ['readOnly', 'false'],
  ['eventSource', 'lambda.amazonaws.com'],
  ['eventName', 'Invoke'],
  ['eventType', 'AwsApiCall'],
  ['errorCode', 'ResourceNotFoundException'],
  ['vpcEndpointId', 'vpce-0abc'],
  ['sessionCredentialFromConsole', 'true'],
  ['userIdentity.arn', 'arn:aws:sts::111122223333:assumed-role/Deploy/ci'],
  ['resources.type', 'AWS::Lambda::Function'],
  ['resources.ARN', 'arn:aws:lambda:us-east-1:111122223333:function:orders'],
];

/** An operand that matches the value under the operator's test, and one that does not. */
function operands(op: FieldOperator, value: string): { hit: string; miss: string } {
  const test = op.replace(/^Not/, '');
  if (test === 'Equals') return { hit: value, miss: `${value}-other` };
  if (test === 'StartsWith') return { hit: value.slice(0, 3), miss: `x${value.slice(0, 3)}` };
  return { hit: value.slice(-3), miss: `${value.slice(-3)}x` };
}

const cases = FIELDS.flatMap(([field, value]) =>
  FIELD_OPERATORS.flatMap((op) => {
    const { hit, miss } = operands(op, value);
    const negated = op.startsWith('Not');
    return [
      { field, op, operand: hit, expected: !negated },
      { field, op, operand: miss, expected: negated },
    ];
  }),
);

describe('trailSelectsRecord: advanced selector fields and operators', () => {
  it.each(cases)('$field $op $operand → $expected', ({ field, op, operand, expected }) => {
    const condition = { Field: field, [op]: [operand] } as AdvancedFieldSelector;
    const fields: AdvancedFieldSelector[] =
      field === 'eventCategory' ? [condition] : [{ Field: 'eventCategory', Equals: ['Data'] }, condition];
    const trail = { ...base, advancedEventSelectors: [{ FieldSelectors: fields }] };
    expect(trailSelectsRecord(trail, dataEvent)).toBe(expected);
  });

  it('covers every field a trail selector accepts with every operator', () => {
    expect(new Set(cases.map((c) => `${c.field}:${c.op}`)).size).toBe(FIELDS.length * 6);
  });

  it('ORs the selectors of a trail and ANDs the fields of one selector', () => {
    const trail: SelectingTrail = {
      ...base,
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'eventName', Equals: ['Invoke'] },
            { Field: 'readOnly', Equals: ['true'] },
          ],
        },
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      ],
    };
    expect(trailSelectsRecord(trail, dataEvent)).toBe(false);
    expect(trailSelectsRecord(trail, makeRecord())).toBe(true);
  });
});

const read = makeRecord({ eventName: 'DescribeInstances', readOnly: true });
const write = makeRecord({ eventName: 'RunInstances', readOnly: false });
const kms = makeRecord({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true });
const s3Object = (arn: string): CloudTrailRecord =>
  makeRecord({
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    readOnly: true,
    managementEvent: false,
    eventCategory: 'Data',
    resources: [
      { type: 'AWS::S3::Object', ARN: arn },
      { type: 'AWS::S3::Bucket', ARN: arn.replace(/\/.*$/, '') },
    ],
  });
const table = makeRecord({
  eventSource: 'dynamodb.amazonaws.com',
  eventName: 'GetItem',
  readOnly: true,
  managementEvent: false,
  eventCategory: 'Data',
  resources: [{ type: 'AWS::DynamoDB::Table', ARN: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }],
});

describe('trailSelectsRecord: basic event selectors', () => {
  it.each<[string, EventSelector[] | undefined, CloudTrailRecord, boolean]>([
    ['the API default logs all management events', undefined, read, true],
    ['the API default logs no data events', undefined, dataEvent, false],
    ['ReadOnly keeps reads', [{ ReadWriteType: 'ReadOnly' }], read, true],
    ['ReadOnly drops writes', [{ ReadWriteType: 'ReadOnly' }], write, false],
    ['WriteOnly keeps writes', [{ ReadWriteType: 'WriteOnly' }], write, true],
    ['WriteOnly drops reads', [{ ReadWriteType: 'WriteOnly' }], read, false],
    ['All keeps both', [{ ReadWriteType: 'All' }], read, true],
    [
      'excluded sources are dropped',
      [{ ReadWriteType: 'All', ExcludeManagementEventSources: ['kms.amazonaws.com'] }],
      kms,
      false,
    ],
    [
      'IncludeManagementEvents false drops management events',
      [{ IncludeManagementEvents: false }],
      read,
      false,
    ],
    [
      'an S3 object prefix selects objects under it',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::shop/reports/'] }] }],
      s3Object('arn:aws:s3:::shop/reports/q1.csv'),
      true,
    ],
    [
      'an S3 object prefix leaves other objects',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::shop/reports/'] }] }],
      s3Object('arn:aws:s3:::shop/tmp/x'),
      false,
    ],
    [
      'arn:aws:s3 selects every object',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
      s3Object('arn:aws:s3:::anything/at/all'),
      true,
    ],
    [
      'a Lambda function ARN selects that function',
      [
        {
          DataResources: [
            {
              Type: 'AWS::Lambda::Function',
              Values: ['arn:aws:lambda:us-east-1:111122223333:function:orders'],
            },
          ],
        },
      ],
      dataEvent,
      true,
    ],
    [
      'another Lambda function is not selected',
      [
        {
          DataResources: [
            {
              Type: 'AWS::Lambda::Function',
              Values: ['arn:aws:lambda:us-east-1:111122223333:function:other'],
            },
          ],
        },
      ],
      dataEvent,
      false,
    ],
    [
      'arn:aws:dynamodb selects every table',
      [{ DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] }],
      table,
      true,
    ],
    [
      'a data resource of another type does not select',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
      table,
      false,
    ],
  ] as const)('%s', (_label, eventSelectors, record, expected) => {
    const trail: SelectingTrail = {
      ...base,
      eventSelectors: eventSelectors ? [...eventSelectors] : undefined,
    };
    expect(trailSelectsRecord(trail, record)).toBe(expected);
  });
});

describe('trailSelectsRecord: Regions, global service events and Insights', () => {
  const inRegion = (region: string, source = 'ec2.amazonaws.com') =>
    makeRecord({ awsRegion: region, eventSource: source, eventName: 'X' });
  const iam = inRegion('us-east-1', 'iam.amazonaws.com');

  it.each([
    ['a single-Region trail logs its home Region', base, inRegion('us-east-1'), true],
    ['a single-Region trail skips other Regions', base, inRegion('eu-west-1'), false],
    [
      'a multi-Region trail logs every Region',
      { ...base, IsMultiRegionTrail: true },
      inRegion('ap-south-2'),
      true,
    ],
    ['a us-east-1 trail with global events gets IAM', base, iam, true],
    [
      'without global service events IAM is dropped',
      { ...base, IncludeGlobalServiceEvents: false },
      iam,
      false,
    ],
    ['a trail in another home Region does not get IAM', { ...base, HomeRegion: 'eu-west-1' }, iam, false],
    [
      'a multi-Region trail from elsewhere gets IAM',
      { ...base, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true },
      iam,
      true,
    ],
    [
      'Regional STS events are not global',
      { ...base, HomeRegion: 'eu-west-1', IncludeGlobalServiceEvents: false },
      inRegion('eu-west-1', 'sts.amazonaws.com'),
      true,
    ],
  ] as const)('%s', (_label, trail, record, expected) => {
    expect(trailSelectsRecord(trail, record)).toBe(expected);
  });

  it('delivers Insights events only to trails with that Insights type', () => {
    const insight = makeInsightRecord();
    insight.insightDetails.insightType = 'ApiCallRateInsight';
    expect(trailSelectsRecord(base, insight)).toBe(false);
    expect(
      trailSelectsRecord({ ...base, insightSelectors: [{ InsightType: 'ApiErrorRateInsight' }] }, insight),
    ).toBe(false);
    expect(
      trailSelectsRecord({ ...base, insightSelectors: [{ InsightType: 'ApiCallRateInsight' }] }, insight),
    ).toBe(true);
    // Event selectors do not apply to Insights events.
    expect(
      trailSelectsRecord(
        {
          ...base,
          eventSelectors: [{ IncludeManagementEvents: false }],
          insightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
        },
        insight,
      ),
    ).toBe(true);
  });
});

describe('selectionWhatIf', () => {
  it('counts what a selection delivers and names what it drops, most dropped first', () => {
    const records = [read, read, write, kms, kms, dataEvent];
    const out = selectionWhatIf({ ...base, eventSelectors: [{ ReadWriteType: 'ReadOnly' }] }, records);
    expect(out).toEqual({
      delivered: 4,
      dropped: 2,
      droppedNames: [
        { eventName: 'Invoke', count: 1 },
        { eventName: 'RunInstances', count: 1 },
      ],
    });
  });

  it('names a dropped Insights event as one, not as calls of its API', () => {
    const insight = makeInsightRecord();
    insight.insightDetails.eventName = 'SendCommand';
    insight.insightDetails.insightType = 'ApiCallRateInsight';
    expect(selectionWhatIf(base, [insight]).droppedNames).toEqual([
      { eventName: 'SendCommand (Insights event, API call rate)', count: 1 },
    ]);
  });
});
