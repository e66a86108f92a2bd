// What PutEventSelectors accepts on a trail (and CreateEventDataStore on a store), as a table (the selector editors show the same sentences).
import { describe, expect, it } from 'vitest';
import { advancedEventSelectorsError, eventSelectorsError } from './event-selector-rules';
import {
  MANAGEMENT_EVENTS_SELECTOR,
  type AdvancedEventSelector,
  type EventSelector,
} from './event-selectors';

const data = (...extra: AdvancedEventSelector['FieldSelectors']): AdvancedEventSelector => ({
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] },
    ...extra,
  ],
});
const network = (...extra: AdvancedEventSelector['FieldSelectors']): AdvancedEventSelector => ({
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['NetworkActivity'] },
    { Field: 'eventSource', Equals: ['kms.amazonaws.com'] },
    ...extra,
  ],
});

describe('advanced event selectors on a trail', () => {
  it.each<[string, AdvancedEventSelector[]]>([
    ['the console management selector', [MANAGEMENT_EVENTS_SELECTOR]],
    [
      'management writes without KMS and RDS Data API',
      [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
            { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
          ],
        },
      ],
    ],
    [
      'data events with every operator',
      [data({ Field: 'eventName', StartsWith: ['Put'], NotEndsWith: ['Item'] })],
    ],
    ['console-only data events', [data({ Field: 'sessionCredentialFromConsole', Equals: ['true'] })]],
    [
      'network activity denied at a VPC endpoint',
      [network({ Field: 'errorCode', Equals: ['VpceAccessDenied'] })],
    ],
    ['five selectors', Array.from({ length: 5 }, () => MANAGEMENT_EVENTS_SELECTOR)],
  ])('accepts %s', (_label, selectors) => {
    expect(advancedEventSelectorsError(selectors)).toBeUndefined();
  });

  it.each<[string, AdvancedEventSelector[], RegExp]>([
    ['none', [], /1 to 5/],
    ['six', Array.from({ length: 6 }, () => MANAGEMENT_EVENTS_SELECTOR), /1 to 5/],
    ['a selector without fields', [{ FieldSelectors: [] }], /at least one field selector/],
    [
      'a field without operators',
      [{ FieldSelectors: [{ Field: 'eventCategory' }] }],
      /at least one operator/,
    ],
    [
      'an empty operator',
      [{ FieldSelectors: [{ Field: 'eventCategory', Equals: [] }] }],
      /at least one value/,
    ],
    [
      'a field used twice',
      [data({ Field: 'eventName', Equals: ['a'] }, { Field: 'eventName', Equals: ['b'] })],
      /more than once/,
    ],
    [
      'two categories at once',
      [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
      /exactly one/,
    ],
    ['readOnly maybe', [data({ Field: 'readOnly', Equals: ['maybe'] })], /true or false/],
    [
      'sessionCredentialFromConsole false',
      [data({ Field: 'sessionCredentialFromConsole', Equals: ['false'] })],
      /only the value true/,
    ],
    [
      'a made-up resource type',
      [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['S3 objects'] },
          ],
        },
      ],
      /resources.type is invalid/,
    ],
    [
      'errorCode on network activity other than VpceAccessDenied',
      [network({ Field: 'errorCode', Equals: ['AccessDenied'] })],
      /VpceAccessDenied/,
    ],
    ['a value over 2048 characters', [data({ Field: 'eventName', Equals: ['x'.repeat(2049)] })], /2048/],
    ['a field name with spaces', [data({ Field: 'event name', Equals: ['x'] })], /not a valid field name/],
  ])('refuses %s', (_label, selectors, message) => {
    expect(advancedEventSelectorsError(selectors)).toMatch(message);
  });
});

describe('advanced event selectors of an event data store', () => {
  const management = (...extra: AdvancedEventSelector['FieldSelectors']): AdvancedEventSelector => ({
    FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...extra],
  });
  it.each<[string, AdvancedEventSelector[]]>([
    [
      'configuration items',
      [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['ConfigurationItem'] }] }],
    ],
    ['Insights events', [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }]],
    ['management events by name', [management({ Field: 'eventName', Equals: ['CreateBucket'] })]],
    [
      'management events from any source',
      [management({ Field: 'eventSource', Equals: ['s3.amazonaws.com'] })],
    ],
    [
      'management events by caller',
      [management({ Field: 'userIdentity.arn', StartsWith: ['arn:aws:iam::'] })],
    ],
  ])('accepts %s, which a trail refuses', (_label, selectors) => {
    expect(advancedEventSelectorsError(selectors, 'event data store')).toBeUndefined();
    expect(advancedEventSelectorsError(selectors)).toMatch(/on a trail|not supported/);
  });

  it.each<[string, AdvancedEventSelector[], RegExp]>([
    [
      'another field beside an event data store-only category',
      [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['ConfigurationItem'] },
            { Field: 'eventName', Equals: ['x'] },
          ],
        },
      ],
      /Field eventName is not supported for ConfigurationItem events on an event data store/,
    ],
    [
      'an unknown category',
      [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Nope'] }] }],
      /Valid values are: Management, Data, NetworkActivity, Insight, ConfigurationItem, Evidence, ActivityAuditLog/,
    ],
    ['an empty list', [], /event data store can have 1 to 5/],
  ])('refuses %s', (_label, selectors, message) => {
    expect(advancedEventSelectorsError(selectors, 'event data store')).toMatch(message);
  });
});

describe('basic event selectors', () => {
  it.each<[string, EventSelector[], RegExp | undefined]>([
    ['the API default', [{ ReadWriteType: 'All', IncludeManagementEvents: true }], undefined],
    [
      'S3 prefixes and all Lambda functions',
      [
        {
          DataResources: [
            { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::b-1/logs/'] },
            { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] },
          ],
        },
      ],
      undefined,
    ],
    [
      'a DynamoDB table ARN',
      [
        {
          DataResources: [
            {
              Type: 'AWS::DynamoDB::Table',
              Values: ['arn:aws:dynamodb:us-east-1:111122223333:table/orders'],
            },
          ],
        },
      ],
      undefined,
    ],
    [
      'an S3 bucket without the trailing slash',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::bucket'] }] }],
      /DataResources.Values is invalid/,
    ],
    [
      'a data resource without values',
      [{ DataResources: [{ Type: 'AWS::S3::Object', Values: [] }] }],
      /at least one value/,
    ],
    [
      'excluding S3 events',
      [{ ExcludeManagementEventSources: ['s3.amazonaws.com'] }],
      /ExcludeManagementEventSources is invalid/,
    ],
    [
      '250 resources',
      [
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: Array.from({ length: 250 }, (_, i) => `arn:aws:s3:::bucket-${i}/`),
            },
          ],
        },
      ],
      undefined,
    ],
    [
      '251 resources across selectors',
      [
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-${i}/`),
            },
          ],
        },
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: Array.from({ length: 51 }, (_, i) => `arn:aws:s3:::other-${i}/`),
            },
          ],
        },
      ],
      /250 data resources/,
    ],
  ])('%s', (_label, selectors, problem) => {
    const error = eventSelectorsError(selectors);
    if (problem) expect(error).toMatch(problem);
    else expect(error).toBeUndefined();
  });
});
