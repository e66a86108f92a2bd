import { describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { createAccountState, deserializeState, serializeState, trailArn } from './state';

describe('state snapshots', () => {
  it('round-trips every collection', () => {
    const state = createAccountState(
      TEST_ACCOUNT,
      [
        {
          Name: 'main',
          TrailARN: trailArn('us-east-1', TEST_ACCOUNT, 'main'),
          HomeRegion: 'us-east-1',
          S3BucketName: 'logs',
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          LogFileValidationEnabled: true,
          IsOrganizationTrail: false,
          isLogging: true,
          startLoggingTime: T0,
          advancedEventSelectors: [
            {
              Name: 'Management events selector',
              FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
            },
          ],
          insightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
          tags: [{ Key: 'team', Value: 'sec' }],
          createdTime: T0,
        },
      ],
      {
        buckets: [{ name: 'logs', region: 'us-east-1', creationDate: T0, policy: '{"Statement":[]}' }],
        kmsKeys: [
          {
            keyId: 'k',
            arn: `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:key/k`,
            region: 'us-east-1',
            description: '',
            creationDate: T0,
            enabled: true,
            keyUsage: 'ENCRYPT_DECRYPT',
            keySpec: 'SYMMETRIC_DEFAULT',
            tags: [],
          },
        ],
        kmsAliases: [
          {
            aliasName: 'alias/a',
            aliasArn: `arn:aws:kms:us-east-1:${TEST_ACCOUNT}:alias/a`,
            region: 'us-east-1',
            targetKeyId: 'k',
            creationDate: T0,
            lastUpdatedDate: T0,
          },
        ],
        snsTopics: [
          {
            arn: `arn:aws:sns:us-east-1:${TEST_ACCOUNT}:t`,
            name: 't',
            region: 'us-east-1',
            attributes: {},
            tags: [],
          },
        ],
        logGroups: [
          {
            name: 'g',
            region: 'us-east-1',
            arn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g`,
            creationTime: T0,
            logGroupClass: 'STANDARD',
            tags: { Env: 'prod' },
          },
        ],
        iamRoles: [
          {
            roleName: 'Role',
            roleId: 'AROAEXAMPLE0000000001',
            arn: `arn:aws:iam::${TEST_ACCOUNT}:role/Role`,
            path: '/',
            createDate: T0,
            assumeRolePolicyDocument: '{}',
            maxSessionDuration: 3600,
            inlinePolicies: { p: '{}' },
            tags: [],
          },
        ],
      },
    );
    const copy = deserializeState(serializeState(state));
    expect(copy).toEqual(state);
    expect(copy.iamRoles.get('role')?.roleName).toBe('Role');
  });

  it('reads an older snapshot with trails only, and refuses a foreign document', () => {
    const copy = deserializeState(JSON.stringify({ accountId: TEST_ACCOUNT, trails: [] }));
    expect(copy.buckets.size).toBe(0);
    expect(() => deserializeState('{"hello":"world"}')).toThrow(/accountId/);
    expect(() => deserializeState(JSON.stringify({ version: 99, accountId: TEST_ACCOUNT }))).toThrow(
      /version 99/,
    );
  });
});
