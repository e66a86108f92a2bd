// @vitest-environment node
// A JSON 1.1 member whose type does not match the model is refused as SerializationException before any
// validation, at the top level and inside lists and structures; a missing member keeps the operation's
// own error; the Query protocol still reads numbers and booleans from text.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../handler';
import { createAccountState, trailArn, type TrailState } from '../state';
import { MemoryEventStore } from '../store/memory-event-store';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const TRAIL = 'trail1';
const TRAIL_ARN = trailArn(REGION, ACCOUNT, TRAIL);

const scope = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/${REGION}/${service}/aws4_request, Signature=x`;

function emulator() {
  const state = createAccountState(ACCOUNT);
  const trail: TrailState = {
    Name: TRAIL,
    TrailARN: TRAIL_ARN,
    HomeRegion: REGION,
    S3BucketName: 'trail-bucket',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: false,
    LogFileValidationEnabled: false,
    IsOrganizationTrail: false,
    isLogging: false,
    tags: [],
    createdTime: 0,
  };
  state.trails.set(TRAIL_ARN, trail);
  return createEmulator({ store: new MemoryEventStore(), state, audit: false });
}

const TARGETS = { cloudtrail: 'CloudTrail_20131101', kms: 'TrentService', logs: 'Logs_20140328' } as const;

async function call(service: keyof typeof TARGETS, operation: string, body: unknown) {
  const response = await emulator()(
    new Request('http://emulator.test/aws', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${TARGETS[service]}.${operation}`,
        authorization: scope(service),
      },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as { __type?: string; message?: string } };
}

const selector = (fields: unknown) => ({ AdvancedEventSelectors: [{ FieldSelectors: fields }] });

describe('JSON member types', () => {
  it.each<[string, keyof typeof TARGETS, string, Record<string, unknown>]>([
    ['a list as GetTrail Name', 'cloudtrail', 'GetTrail', { Name: ['trail1'] }],
    ['a structure as GetTrail Name', 'cloudtrail', 'GetTrail', { Name: {} }],
    ['a boolean as GetTrail Name', 'cloudtrail', 'GetTrail', { Name: true }],
    ['a number as GetTrail Name', 'cloudtrail', 'GetTrail', { Name: 12345 }],
    ['a number as DescribeTrails trailNameList item', 'cloudtrail', 'DescribeTrails', { trailNameList: [1] }],
    [
      'a string as CreateTrail IsMultiRegionTrail',
      'cloudtrail',
      'CreateTrail',
      { Name: 'new-trail', S3BucketName: 'trail-bucket', IsMultiRegionTrail: 'yes' },
    ],
    ['a numeric string as LookupEvents MaxResults', 'cloudtrail', 'LookupEvents', { MaxResults: '5' }],
    [
      'a number as a LookupAttributes AttributeValue',
      'cloudtrail',
      'LookupEvents',
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 5 }] },
    ],
    ['a string as LookupAttributes', 'cloudtrail', 'LookupEvents', { LookupAttributes: 'EventName' }],
    [
      'a string as AdvancedEventSelectors',
      'cloudtrail',
      'PutEventSelectors',
      { TrailName: TRAIL, AdvancedEventSelectors: 'x' },
    ],
    [
      'a string as an advanced selector FieldSelectors',
      'cloudtrail',
      'PutEventSelectors',
      { TrailName: TRAIL, ...selector('x') },
    ],
    [
      'a number in a field selector Equals list',
      'cloudtrail',
      'PutEventSelectors',
      { TrailName: TRAIL, ...selector([{ Field: 'eventCategory', Equals: [1] }]) },
    ],
    [
      'a string as IncludeManagementEvents',
      'cloudtrail',
      'PutEventSelectors',
      { TrailName: TRAIL, EventSelectors: [{ IncludeManagementEvents: 'true' }] },
    ],
    ['a string as AddTags TagsList', 'cloudtrail', 'AddTags', { ResourceId: TRAIL_ARN, TagsList: 'x' }],
    ['a number as a TagsList item', 'cloudtrail', 'AddTags', { ResourceId: TRAIL_ARN, TagsList: [7] }],
    [
      'a number as a tag Value',
      'cloudtrail',
      'AddTags',
      { ResourceId: TRAIL_ARN, TagsList: [{ Key: 'team', Value: 7 }] },
    ],
    ['a string as ListEventDataStores MaxResults', 'cloudtrail', 'ListEventDataStores', { MaxResults: 'x' }],
    ['a string as CreateDashboard Widgets', 'cloudtrail', 'CreateDashboard', { Name: 'dash', Widgets: 'x' }],
    [
      'a number as a widget QueryStatement',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', Widgets: [{ QueryStatement: 1, ViewProperties: { View: 'Table' } }] },
    ],
    [
      'a string as a widget ViewProperties',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', Widgets: [{ QueryStatement: 'SELECT 1', ViewProperties: 'Table' }] },
    ],
    [
      'a number in a widget QueryParameters list',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', Widgets: [{ QueryStatement: 'SELECT 1', QueryParameters: [1], ViewProperties: {} }] },
    ],
    [
      'a string as RefreshSchedule',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', RefreshSchedule: 'daily' },
    ],
    [
      'a string as a refresh Frequency Value',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', RefreshSchedule: { Frequency: { Unit: 'HOURS', Value: '6' } } },
    ],
    [
      'a number as UpdateDashboard RefreshSchedule Status',
      'cloudtrail',
      'UpdateDashboard',
      { DashboardId: 'dash', RefreshSchedule: { Status: 1 } },
    ],
    [
      'a string as CreateDashboard TagsList',
      'cloudtrail',
      'CreateDashboard',
      { Name: 'dash', TagsList: 'x' },
    ],
    ['a string as KMS ListAliases Limit', 'kms', 'ListAliases', { Limit: '10' }],
    ['a number as a KMS TagValue', 'kms', 'CreateKey', { Tags: [{ TagKey: 'team', TagValue: 1 }] }],
    ['a list as Logs tags', 'logs', 'CreateLogGroup', { logGroupName: 'group', tags: ['x'] }],
    ['a string as Logs DescribeLogGroups limit', 'logs', 'DescribeLogGroups', { limit: '5' }],
  ])('refuses %s with SerializationException', async (_label, service, operation, body) => {
    const { status, body: error } = await call(service, operation, body);
    expect(status).toBe(400);
    expect(error.__type).toBe('SerializationException');
    expect(error.message).toMatch(/cannot be converted to|found where not expected/);
  });

  it.each<[string, string, Record<string, unknown>, string, string]>([
    ['GetTrail without Name', 'GetTrail', {}, 'InvalidTrailNameException', 'Name is required.'],
    [
      'GetTrail with an empty Name',
      'GetTrail',
      { Name: '' },
      'InvalidTrailNameException',
      'Name is required.',
    ],
    [
      'AddTags without TagsList',
      'AddTags',
      { ResourceId: TRAIL_ARN },
      'InvalidTagParameterException',
      'TagsList is required.',
    ],
    [
      'LookupEvents with MaxResults out of range',
      'LookupEvents',
      { MaxResults: 51 },
      'InvalidMaxResultsException',
      'MaxResults must be between 1 and 50.',
    ],
    [
      'PutEventSelectors without selectors',
      'PutEventSelectors',
      { TrailName: TRAIL },
      'InvalidEventSelectorsException',
      'Specify EventSelectors or AdvancedEventSelectors.',
    ],
  ])('keeps the operation’s own error for %s', async (_label, operation, body, type, message) => {
    const { status, body: error } = await call('cloudtrail', operation, body);
    expect(status).toBe(400);
    expect(error).toEqual({ __type: type, message });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['GetTrail by name', 'GetTrail', { Name: TRAIL }],
    ['LookupEvents with a number', 'LookupEvents', { MaxResults: 5 }],
    ['AddTags with a tag', 'AddTags', { ResourceId: TRAIL_ARN, TagsList: [{ Key: 'team', Value: 'ops' }] }],
    [
      'PutEventSelectors with typed advanced selectors',
      'PutEventSelectors',
      { TrailName: TRAIL, ...selector([{ Field: 'eventCategory', Equals: ['Management'] }]) },
    ],
    ['ListEventDataStores with a number', 'ListEventDataStores', { MaxResults: 5 }],
  ])('answers a well-typed request: %s', async (_label, operation, body) => {
    const { status } = await call('cloudtrail', operation, body);
    expect(status).toBe(200);
  });

  it('still reads numbers from text in the Query protocol (IAM ListRoles MaxItems=1)', async () => {
    const response = await emulator()(
      new Request('http://emulator.test/aws', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: scope('iam'),
        },
        body: 'Action=ListRoles&Version=2010-05-08&MaxItems=1',
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<ListRolesResult>');
  });
});
