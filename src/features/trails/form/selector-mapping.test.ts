// The events form ↔ advanced event selectors: each template writes its condition and reads back as
// itself, basic selectors read as the advanced selectors that log the same events, and the written
// selectors pass the domain rules PutEventSelectors applies.
import { describe, expect, it } from 'vitest';
import { advancedEventSelectorsError } from '@/domain/event-selector-rules';
import { MANAGEMENT_EVENTS_SELECTOR } from '@/domain/event-selectors';
import { basicToAdvanced, formSelectors, managementSelector, selectorsToValues } from './selector-mapping';
import { DATA_TEMPLATE_OPTIONS, NETWORK_TEMPLATE_OPTIONS } from './selector-options';
import { defaultTrailFormValues, type TrailFormValues } from './trail-form-values';

const defaults = defaultTrailFormValues('111122223333', ['0a1b2c3d', '0a1b2c3d', '0a1b2c3d']);
const events = (values: Partial<TrailFormValues>): TrailFormValues => ({ ...defaults, ...values });

describe('management events', () => {
  it.each([
    [true, true, false, false, MANAGEMENT_EVENTS_SELECTOR.FieldSelectors],
    [
      true,
      false,
      false,
      false,
      [...MANAGEMENT_EVENTS_SELECTOR.FieldSelectors, { Field: 'readOnly', Equals: ['true'] }],
    ],
    [
      false,
      true,
      true,
      true,
      [
        ...MANAGEMENT_EVENTS_SELECTOR.FieldSelectors,
        { Field: 'readOnly', Equals: ['false'] },
        { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
      ],
    ],
  ])(
    'read %s write %s exclude KMS %s exclude RDS Data %s',
    (read, write, excludeKms, excludeRdsData, fields) => {
      const selector = managementSelector({ read, write, excludeKms, excludeRdsData });
      expect(selector).toEqual({ Name: 'Management events selector', FieldSelectors: fields });
      expect(advancedEventSelectorsError([selector])).toBeUndefined();
      expect(selectorsToValues([selector], defaults)).toMatchObject({
        management: true,
        read,
        write,
        excludeKms,
        excludeRdsData,
      });
    },
  );
});

describe('templates', () => {
  it.each(DATA_TEMPLATE_OPTIONS.filter((o) => o.value !== 'custom'))(
    'data: $label reads back as itself',
    ({ value }) => {
      const values = events({
        data: true,
        dataSelectors: [{ name: 'S3', resourceType: 'AWS::S3::Object', template: value, conditions: [] }],
      });
      const selectors = formSelectors(values);
      expect(advancedEventSelectorsError(selectors)).toBeUndefined();
      expect(selectorsToValues(selectors, defaults).dataSelectors).toEqual(values.dataSelectors);
    },
  );

  it.each(NETWORK_TEMPLATE_OPTIONS.filter((o) => o.value !== 'custom'))(
    'network: $label reads back as itself',
    ({ value }) => {
      const values = events({
        network: true,
        networkSelectors: [{ name: '', eventSource: 'kms.amazonaws.com', template: value, conditions: [] }],
      });
      const selectors = formSelectors(values);
      expect(advancedEventSelectorsError(selectors)).toBeUndefined();
      expect(selectorsToValues(selectors, defaults).networkSelectors).toEqual(values.networkSelectors);
    },
  );

  it('custom conditions group by field and read back as rows', () => {
    const conditions = [
      { field: 'eventName', operator: 'Equals' as const, value: 'PutObject' },
      { field: 'eventName', operator: 'Equals' as const, value: 'DeleteObject' },
      { field: 'resources.ARN', operator: 'StartsWith' as const, value: 'arn:aws:s3:::finance/' },
    ];
    const values = events({
      data: true,
      dataSelectors: [{ name: '', resourceType: 'AWS::S3::Object', template: 'custom', conditions }],
    });
    const [, data] = formSelectors(values);
    expect(data?.FieldSelectors.slice(2)).toEqual([
      { Field: 'eventName', Equals: ['PutObject', 'DeleteObject'] },
      { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::finance/'] },
    ]);
    expect(selectorsToValues(formSelectors(values), defaults).dataSelectors[0]?.conditions).toEqual(
      conditions,
    );
  });
});

describe('basic selectors', () => {
  it('read as the advanced selectors that log the same events', () => {
    const advanced = basicToAdvanced([
      {
        ReadWriteType: 'WriteOnly',
        IncludeManagementEvents: true,
        ExcludeManagementEventSources: ['kms.amazonaws.com'],
        DataResources: [
          { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::finance/'] },
          { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] },
        ],
      },
    ]);
    expect(advancedEventSelectorsError(advanced)).toBeUndefined();
    const values = selectorsToValues(advanced, defaults);
    expect(values).toMatchObject({
      management: true,
      read: false,
      write: true,
      excludeKms: true,
      data: true,
    });
    expect(values.dataSelectors.map((s) => [s.resourceType, s.template])).toEqual([
      ['AWS::S3::Object', 'custom'],
      ['AWS::Lambda::Function', 'write'],
    ]);
  });
});
