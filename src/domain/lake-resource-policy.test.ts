import { describe, expect, it } from 'vitest';
import {
  channelPolicyDeniesOwner,
  parseResourceArn,
  resourcePolicyError,
  type PolicyResourceKind,
} from './lake-resource-policy';

const doc = (statement: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...extra, Statement: [{ Effect: 'Allow', ...statement }] });

describe('resourcePolicyError', () => {
  const cases: Array<[PolicyResourceKind, string, string | undefined]> = [
    [
      'eventdatastore',
      doc({ Principal: { AWS: '111122223333' }, Action: 'cloudtrail:StartQuery' }),
      undefined,
    ],
    [
      'eventdatastore',
      doc({ Principal: { AWS: 'arn:aws:iam::111122223333:role/r' }, Action: ['CloudTrail:ListQueries'] }),
      undefined,
    ],
    [
      'eventdatastore',
      doc({
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'cloudtrail:StartQuery',
        Resource: 'arn:aws:cloudtrail:us-east-1:123456789012:dashboard/*',
      }),
      undefined,
    ],
    [
      'dashboard',
      doc({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'cloudtrail:StartDashboardRefresh' }),
      undefined,
    ],
    ['eventdatastore', 'not json', 'not a valid JSON document'],
    ['eventdatastore', '"a string"', 'must be a JSON object'],
    ['eventdatastore', '{"Statement": []}', 'at least one Statement'],
    [
      'eventdatastore',
      doc({ Principal: '*', Action: 'cloudtrail:StartQuery' }, { Version: '2020-01-01' }),
      'Version must be',
    ],
    [
      'eventdatastore',
      doc({ Effect: 'allow', Principal: '*', Action: 'cloudtrail:StartQuery' }),
      'Effect must be Allow or Deny',
    ],
    [
      'eventdatastore',
      doc({ Principal: { Group: 'x' }, Action: 'cloudtrail:StartQuery' }),
      'principal type Group',
    ],
    [
      'eventdatastore',
      doc({ Principal: { Service: 'cloudtrail' }, Action: 'cloudtrail:StartQuery' }),
      'principal cloudtrail is not valid',
    ],
    ['eventdatastore', doc({ Principal: '*' }), 'Action must name at least one action'],
    [
      'eventdatastore',
      doc({ Principal: '*', Action: 'cloudtrail:Start*' }),
      'cloudtrail:Start* is not supported',
    ],
    [
      'eventdatastore',
      doc({ Principal: '*', Action: 'cloudtrail:StartQuery', Resource: 5 }),
      'Resource must be',
    ],
    ['dashboard', doc({ Principal: '*', Action: 'cloudtrail:StartDashboardRefresh' }), 'only principal'],
    [
      'dashboard',
      doc({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'cloudtrail:GetDashboard' }),
      'cloudtrail:GetDashboard is not supported in the resource-based policy of a dashboard',
    ],
    ['dashboard', 'x'.repeat(8193), 'the maximum is 8192'],
  ];
  it.each(cases)('%s %s', (kind, text, message) => {
    const problem = resourcePolicyError(text, kind);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(message);
  });
});

describe('parseResourceArn', () => {
  it.each([
    [
      'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/abc-123',
      { type: 'eventdatastore', id: 'abc-123' },
    ],
    [
      'arn:aws:cloudtrail:eu-west-1:123456789012:dashboard/exampleDash',
      { type: 'dashboard', region: 'eu-west-1' },
    ],
    ['arn:aws:cloudtrail:us-east-2:123456789012:channel/01234567890', { type: 'channel' }],
  ])('%s', (arn, parts) => expect(parseResourceArn(arn)).toMatchObject(parts));

  it.each([
    'ab',
    'a'.repeat(257),
    'arn:aws:cloudtrail:us-east-1:123456789012:trail/a b',
    'arn:aws:s3:::bucket',
    'arn:aws:cloudtrail:us-east-1:12345:eventdatastore/x',
  ])('refuses %s', (arn) => expect(typeof parseResourceArn(arn)).toBe('string'));
});

describe('channelPolicyDeniesOwner', () => {
  const OWNER = '123456789012';
  const deny = (principal: unknown, condition?: unknown) =>
    JSON.stringify({
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: principal },
          Action: 'cloudtrail-data:PutAuditEvents',
          ...(condition !== undefined && { Condition: condition }),
        },
      ],
    });
  const notSecret = { StringNotEquals: { 'cloudtrail:ExternalId': 'secret' } };
  it.each<[string, string, string | undefined, boolean]>([
    ['a Deny of the owner account', deny(OWNER), undefined, true],
    ['a Deny of the owner root ARN', deny(`arn:aws:iam::${OWNER}:root`), undefined, true],
    ['a Deny of a role of the owner', deny([`arn:aws:iam::${OWNER}:role/app`]), undefined, true],
    ['a Deny of another account', deny('444455556666'), undefined, false],
    ['a Deny unless the external ID, without one', deny(OWNER, notSecret), undefined, true],
    ['a Deny unless the external ID, with it', deny(OWNER, notSecret), 'secret', false],
    [
      'a Deny with the external ID',
      deny(OWNER, { StringEquals: { 'cloudtrail:ExternalId': 'leaked' } }),
      'leaked',
      true,
    ],
    [
      'a Deny on a condition key it cannot evaluate',
      deny(OWNER, { Bool: { 'aws:SecureTransport': 'false' } }),
      undefined,
      false,
    ],
    [
      'an Allow of the owner',
      JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: OWNER } }] }),
      undefined,
      false,
    ],
  ])('%s', (_label, policy, externalId, denied) =>
    expect(channelPolicyDeniesOwner(policy, OWNER, externalId)).toBe(denied),
  );
});
