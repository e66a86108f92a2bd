// "Does this trail log this event": selector evaluation (filtering-data-events.html conditions).
import { describe, expect, it } from 'vitest';
import { makeRecord } from '@/test/records';
import {
  DEFAULT_EVENT_SELECTORS,
  MANAGEMENT_EVENTS_SELECTOR,
  fieldMatches,
  trailLogsCategory,
  trailLogsEvent,
  type AdvancedEventSelector,
  type TrailSelectors,
} from './event-selectors';

const putObject = makeRecord({
  eventSource: 's3.amazonaws.com',
  eventName: 'PutObject',
  readOnly: false,
  managementEvent: false,
  eventCategory: 'Data',
  resources: [
    { type: 'AWS::S3::Object', ARN: 'arn:aws:s3:::shop-data/reports/q1.csv' },
    { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::shop-data', accountId: '111122223333' },
  ],
});
const kmsDecrypt = makeRecord({ eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', readOnly: true });
const runInstances = makeRecord({ eventName: 'RunInstances', readOnly: false });

const s3Writes: AdvancedEventSelector = {
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    { Field: 'readOnly', Equals: ['false'] },
    { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::shop-data/'], NotEndsWith: ['.tmp'] },
  ],
};

describe('fieldMatches', () => {
  it.each<[string, Parameters<typeof fieldMatches>[0], string[], boolean]>([
    [
      'select operators are ORed',
      { Field: 'eventName', Equals: ['A'], StartsWith: ['Get'] },
      ['GetObject'],
      true,
    ],
    ['no select matches', { Field: 'eventName', Equals: ['A'], EndsWith: ['x'] }, ['GetObject'], false],
    [
      'a deselect match drops the event',
      { Field: 'eventName', StartsWith: ['Get'], NotEquals: ['GetObject'] },
      ['GetObject'],
      false,
    ],
    [
      'deselects alone pass other values',
      { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
      ['s3.amazonaws.com'],
      true,
    ],
    ['a missing value fails a select', { Field: 'errorCode', Equals: ['AccessDenied'] }, [], false],
    ['a missing value passes a deselect', { Field: 'errorCode', NotEquals: ['AccessDenied'] }, [], true],
  ])('%s', (_label, field, values, expected) => {
    expect(fieldMatches(field, values)).toBe(expected);
  });
});

describe('trailLogsEvent', () => {
  it.each<[string, TrailSelectors, typeof runInstances, boolean]>([
    ['the default logs management events', {}, runInstances, true],
    ['the default logs no data events', {}, putObject, false],
    [
      'the console management selector',
      { advancedEventSelectors: [MANAGEMENT_EVENTS_SELECTOR] },
      kmsDecrypt,
      true,
    ],
    [
      'a management selector excluding KMS',
      {
        advancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Management'] },
              { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
            ],
          },
        ],
      },
      kmsDecrypt,
      false,
    ],
    [
      'an S3 data selector on the object, not its bucket',
      { advancedEventSelectors: [s3Writes] },
      putObject,
      true,
    ],
    [
      'an S3 data selector for writes only',
      { advancedEventSelectors: [s3Writes] },
      { ...putObject, readOnly: true },
      false,
    ],
    [
      'basic write-only selectors',
      { eventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] },
      kmsDecrypt,
      false,
    ],
    [
      'basic S3 data resources by bucket prefix',
      {
        eventSelectors: [
          {
            IncludeManagementEvents: false,
            DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::shop-data/'] }],
          },
        ],
      },
      putObject,
      true,
    ],
    [
      'basic data resources for all buckets',
      { eventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] },
      putObject,
      true,
    ],
    [
      'basic excluded management sources',
      { eventSelectors: [{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }] },
      kmsDecrypt,
      false,
    ],
  ])('%s', (_label, trail, record, expected) => {
    expect(trailLogsEvent(trail, record)).toBe(expected);
  });
});

describe('trailLogsCategory', () => {
  it('knows whether a trail logs read and write management events', () => {
    expect(trailLogsCategory({}, 'Management', 'write')).toBe(true);
    expect(trailLogsCategory({ eventSelectors: [...DEFAULT_EVENT_SELECTORS] }, 'Data', 'read')).toBe(false);
    const readOnly: TrailSelectors = {
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['true'] },
          ],
        },
      ],
    };
    expect(trailLogsCategory(readOnly, 'Management', 'read')).toBe(true);
    expect(trailLogsCategory(readOnly, 'Management', 'write')).toBe(false);
    expect(
      trailLogsCategory({ eventSelectors: [{ ReadWriteType: 'ReadOnly' }] }, 'Management', 'write'),
    ).toBe(false);
    expect(trailLogsCategory({ advancedEventSelectors: [s3Writes] }, 'Data', 'write')).toBe(true);
  });
});
