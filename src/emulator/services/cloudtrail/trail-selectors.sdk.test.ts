// @vitest-environment node
// Event selectors, Insights selectors and tags through the AWS SDK v3 (docs/cloudtrail-facts.md#trails–4.10).
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  PutEventSelectorsCommand,
  PutInsightSelectorsCommand,
  type AdvancedEventSelector,
  type EventSelector,
} from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { MANAGEMENT_EVENTS_SELECTOR } from '@/domain/event-selectors';
import { TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient } from '@/test/sdk';
import { useTrailEmulator } from '@/test/trail-emulator';
import { trailArn } from '../../state';

const ARN = trailArn('us-east-1', TEST_ACCOUNT, 'main');
useTrailEmulator({ suffix: 'sel', trail: { Name: 'main', IsMultiRegionTrail: true } });

const ct = (region = 'us-east-1') => cloudTrailClient(region);
const describeMain = async () =>
  (await ct().send(new DescribeTrailsCommand({ trailNameList: ['main'] }))).trailList![0]!;

describe('Event selectors', () => {
  it('answers the basic default for a trail created through the API', async () => {
    expect(await ct().send(new GetEventSelectorsCommand({ TrailName: 'main' }))).toMatchObject({
      TrailARN: ARN,
      EventSelectors: [
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [],
          ExcludeManagementEventSources: [],
        },
      ],
    });
    expect((await describeMain()).HasCustomEventSelectors).toBe(false);
  });

  it('puts basic selectors with defaults filled, then advanced ones that replace them', async () => {
    const basic: EventSelector[] = [
      {
        ReadWriteType: 'WriteOnly',
        DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::trail-logs-sel/'] }],
      },
    ];
    const put = await ct().send(new PutEventSelectorsCommand({ TrailName: ARN, EventSelectors: basic }));
    expect(put.EventSelectors).toEqual([
      { ...basic[0], IncludeManagementEvents: true, ExcludeManagementEventSources: [] },
    ]);
    expect((await describeMain()).HasCustomEventSelectors).toBe(true);
    const advanced: AdvancedEventSelector[] = [
      MANAGEMENT_EVENTS_SELECTOR,
      {
        Name: 'S3 writes',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'readOnly', Equals: ['false'] },
          { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::trail-logs-sel/'] },
        ],
      },
    ];
    await ct().send(new PutEventSelectorsCommand({ TrailName: 'main', AdvancedEventSelectors: advanced }));
    const got = await ct().send(new GetEventSelectorsCommand({ TrailName: 'main' }));
    expect(got.AdvancedEventSelectors).toEqual(advanced);
    expect(got.EventSelectors).toBeUndefined();
    // A shadow Region reads them through the ARN.
    expect(
      (await ct('eu-west-1').send(new GetEventSelectorsCommand({ TrailName: ARN }))).AdvancedEventSelectors,
    ).toEqual(advanced);
  });

  it.each<
    [string, { EventSelectors?: EventSelector[]; AdvancedEventSelectors?: AdvancedEventSelector[] }, RegExp]
  >([
    ['both kinds', { EventSelectors: [{}], AdvancedEventSelectors: [management()] }, /not both/],
    ['six selectors', { EventSelectors: Array.from({ length: 6 }, () => ({})) }, /1 to 5 event selectors/],
    [
      'a bad ReadWriteType',
      { EventSelectors: [{ ReadWriteType: 'read-only' as never }] },
      /ReadWriteType is invalid/,
    ],
    [
      'an unknown data resource type',
      { EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Bucket', Values: ['arn:aws:s3'] }] }] },
      /^Value AWS::S3::Bucket for DataResources.Type is invalid. Valid values are: AWS::DynamoDB::Table, AWS::Lambda::Function, AWS::S3::Object$/,
    ],
    [
      'a wildcard S3 value',
      { EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::*/*'] }] }] },
      /^Value arn:aws:s3:::\*\/\* for DataResources.Values is invalid.$/,
    ],
    [
      '251 data resources',
      {
        EventSelectors: [
          {
            DataResources: [
              {
                Type: 'AWS::S3::Object',
                Values: Array.from({ length: 251 }, (_, i) => `arn:aws:s3:::bucket-${i}/`),
              },
            ],
          },
        ],
      },
      /250 data resources/,
    ],
    [
      '501 values across advanced selectors',
      {
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'eventName', Equals: Array.from({ length: 499 }, (_, i) => `Op${i}`) },
            ],
          },
        ],
      },
      /500 values/,
    ],
    [
      'no eventCategory',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'readOnly', Equals: ['true'] }] }] },
      /eventCategory/,
    ],
    [
      'an event data store category',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }] },
      /invalid on a trail/,
    ],
    [
      'eventName on management events',
      { AdvancedEventSelectors: [management([{ Field: 'eventName', Equals: ['RunInstances'] }])] },
      /not supported for Management/,
    ],
    [
      'excluding another event source',
      { AdvancedEventSelectors: [management([{ Field: 'eventSource', NotEquals: ['s3.amazonaws.com'] }])] },
      /can exclude only/,
    ],
    [
      'readOnly with StartsWith',
      { AdvancedEventSelectors: [management([{ Field: 'readOnly', StartsWith: ['t'] }])] },
      /Operator StartsWith/,
    ],
    [
      'data events without resources.type',
      { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }] },
      /resources.type/,
    ],
    [
      'network activity without an event source',
      {
        AdvancedEventSelectors: [
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['NetworkActivity'] }] },
        ],
      },
      /eventSource/,
    ],
  ])('refuses %s with InvalidEventSelectorsException', async (_label, selectors, message) => {
    await expect(
      ct().send(new PutEventSelectorsCommand({ TrailName: 'main', ...selectors })),
    ).rejects.toMatchObject({
      name: 'InvalidEventSelectorsException',
      message: expect.stringMatching(message),
    });
  });

  it('asks for one kind of selectors when given neither or both', async () => {
    await expect(ct().send(new PutEventSelectorsCommand({ TrailName: 'main' }))).rejects.toMatchObject({
      name: 'InvalidEventSelectorsException',
      message: 'Specify EventSelectors or AdvancedEventSelectors.',
    });
    await expect(
      ct().send(
        new PutEventSelectorsCommand({
          TrailName: 'main',
          EventSelectors: [{ ReadWriteType: 'All' }],
          AdvancedEventSelectors: [MANAGEMENT_EVENTS_SELECTOR],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidEventSelectorsException',
      message: 'Specify either EventSelectors or AdvancedEventSelectors, but not both.',
    });
  });

  it('puts selectors only from the home Region', async () => {
    await expect(
      ct('eu-west-1').send(
        new PutEventSelectorsCommand({
          TrailName: ARN,
          AdvancedEventSelectors: [MANAGEMENT_EVENTS_SELECTOR],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidHomeRegionException' });
  });
});

describe('Insights selectors', () => {
  it('answers InsightNotEnabledException until selectors are put, replaces them, and [] turns them off', async () => {
    await expect(ct().send(new GetInsightSelectorsCommand({ TrailName: 'main' }))).rejects.toMatchObject({
      name: 'InsightNotEnabledException',
      message:
        'Trail main does not have Insights enabled. Edit the trail settings to enable Insights, and then try the operation again.',
    });
    await ct().send(
      new PutInsightSelectorsCommand({
        TrailName: 'main',
        InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
      }),
    );
    const both = [
      { InsightType: 'ApiErrorRateInsight' as const },
      { InsightType: 'ApiCallRateInsight' as const },
    ];
    const put = await ct().send(new PutInsightSelectorsCommand({ TrailName: ARN, InsightSelectors: both }));
    expect(put).toMatchObject({ TrailARN: ARN, InsightSelectors: both });
    expect((await ct().send(new GetInsightSelectorsCommand({ TrailName: 'main' }))).InsightSelectors).toEqual(
      both,
    );
    expect((await describeMain()).HasInsightSelectors).toBe(true);
    await ct().send(new PutInsightSelectorsCommand({ TrailName: 'main', InsightSelectors: [] }));
    expect((await describeMain()).HasInsightSelectors).toBe(false);
    await expect(ct().send(new GetInsightSelectorsCommand({ TrailName: 'main' }))).rejects.toMatchObject({
      name: 'InsightNotEnabledException',
    });
  });

  it('refuses an unknown type, and API call rate on a trail that logs no write management events', async () => {
    await expect(
      ct().send(
        new PutInsightSelectorsCommand({
          TrailName: 'main',
          InsightSelectors: [{ InsightType: 'ApiSpeed' as never }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidInsightSelectorsException' });
    await ct().send(
      new PutEventSelectorsCommand({
        TrailName: 'main',
        AdvancedEventSelectors: [management([{ Field: 'readOnly', Equals: ['true'] }])],
      }),
    );
    await expect(
      ct().send(
        new PutInsightSelectorsCommand({
          TrailName: 'main',
          InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidInsightSelectorsException',
      message: expect.stringMatching(/You must be logging Write management events/),
    });
    await expect(
      ct().send(
        new PutInsightSelectorsCommand({
          TrailName: 'main',
          InsightSelectors: [{ InsightType: 'ApiErrorRateInsight' }],
        }),
      ),
    ).resolves.toBeDefined();
  });
});

function management(extra: AdvancedEventSelector['FieldSelectors'] = []): AdvancedEventSelector {
  return { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...extra!] };
}
