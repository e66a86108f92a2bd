import { describe, expect, it } from 'vitest';
import { buildIdentityIndex, resolveAll, resolveIdentity } from './identity-resolution';
import type { CloudTrailRecord, JsonObject, UserIdentity } from './record';

const A = '111111111111';
const B = '222222222222';
let n = 0;

function rec(
  identity: UserIdentity,
  eventName: string,
  time: string,
  extra: Partial<CloudTrailRecord> = {},
): CloudTrailRecord {
  n += 1;
  return {
    eventVersion: '1.11',
    userIdentity: identity,
    eventTime: time,
    eventSource: ISSUERS.has(eventName) ? 'sts.amazonaws.com' : 'ec2.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    requestParameters: null,
    responseElements: null,
    eventID: `e${n}`,
    eventType: 'AwsApiCall',
    ...extra,
  };
}
const ISSUERS = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
]);

const user = (name: string, key: string, account = A): UserIdentity => ({
  type: 'IAMUser',
  principalId: `AIDA${name}`,
  arn: `arn:aws:iam::${account}:user/${name}`,
  accountId: account,
  accessKeyId: key,
  userName: name,
});

function role(roleName: string, session: string, key: string, created: string, account = A): UserIdentity {
  return {
    type: 'AssumedRole',
    principalId: `AROA${roleName}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
    accountId: account,
    accessKeyId: key,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: `AROA${roleName}`,
        arn: `arn:aws:iam::${account}:role/${roleName}`,
        accountId: account,
        userName: roleName,
      },
      attributes: { creationDate: created, mfaAuthenticated: 'false' },
    },
  };
}

function issued(key: string, roleArn?: string): JsonObject {
  const response: JsonObject = { credentials: { accessKeyId: key, expiration: 'x', sessionToken: 'y' } };
  if (roleArn) response.assumedRoleUser = { arn: roleArn, assumedRoleId: 'AROA:x' };
  return response;
}

/** A federated sign-in (SAML or web identity) and one call made with the role session it returned. */
function federated(type: 'SAMLUser' | 'WebIdentityUser', name: string, eventName: string, roleName: string) {
  const key = `ASIA${type}`;
  const t = '2026-01-01T09:00:00Z';
  return {
    name: `${type} federation (${eventName})`,
    records: [
      rec({ type, userName: name, identityProvider: 'provider' }, eventName, t, {
        responseElements: issued(key),
      }),
      rec(role(roleName, name, key, t), 'RunInstances', '2026-01-01T09:03:00Z'),
    ],
    origin: name,
    kinds: [type, 'Role'],
    outside: false,
  };
}

describe('resolveIdentity', () => {
  const alice = user('alice', 'AKIAALICE');
  const t0 = '2026-01-01T10:00:00Z';
  const t1 = '2026-01-01T10:00:05Z';
  const t2 = '2026-01-01T10:05:00Z';

  it.each([
    {
      name: 'user → role → role in another account (AssumeRole by key)',
      records: [
        rec(alice, 'AssumeRole', t0, { responseElements: issued('ASIA1') }),
        rec(role('Admin', 'alice', 'ASIA1', t0), 'AssumeRole', t1, { responseElements: issued('ASIA2') }),
        // The trusting account's copy of the same call names the caller only by account.
        rec({ type: 'AWSAccount', accountId: A, principalId: 'AROAAdmin:alice' }, 'AssumeRole', t1, {
          responseElements: issued('ASIA2'),
          recipientAccountId: B,
        }),
        rec(role('Audit', 'alice', 'ASIA2', t1, B), 'TerminateInstances', t2),
      ],
      origin: 'alice',
      kinds: ['IAMUser', 'Role', 'Role'],
      outside: false,
    },
    federated('SAMLUser', 'bob@corp', 'AssumeRoleWithSAML', 'Dev'),
    federated('WebIdentityUser', 'repo:org/app:ref:refs/heads/main', 'AssumeRoleWithWebIdentity', 'deploy'),
    {
      name: 'GetFederationToken',
      records: [
        rec(alice, 'GetFederationToken', t0, { responseElements: issued('ASIAF') }),
        rec(
          {
            type: 'FederatedUser',
            arn: `arn:aws:sts::${A}:federated-user/report`,
            accountId: A,
            accessKeyId: 'ASIAF',
            sessionContext: { attributes: { creationDate: t0, mfaAuthenticated: 'false' } },
          },
          'GetObject',
          t2,
        ),
      ],
      origin: 'alice',
      kinds: ['IAMUser', 'FederatedUser'],
      outside: false,
    },
    {
      name: 'GetSessionToken',
      records: [
        rec(alice, 'GetSessionToken', t0, { responseElements: issued('ASIAT') }),
        rec({ ...alice, accessKeyId: 'ASIAT' }, 'DescribeInstances', t2),
      ],
      origin: 'alice',
      kinds: ['IAMUser', 'IAMUser'],
      outside: false,
    },
    {
      name: 'a role session whose AssumeRole is not in the store',
      records: [rec(role('Admin', 'x', 'ASIAZ', t0), 'DeleteTrail', t2)],
      origin: 'Admin',
      kinds: ['Role'],
      outside: true,
    },
    {
      name: 'outside the store, but sourceIdentity names the person',
      records: [
        rec(
          (() => {
            const r = role('Admin', 'x', 'ASIAQ', t0);
            r.sessionContext!.sourceIdentity = 'carol';
            return r;
          })(),
          'DeleteTrail',
          t2,
        ),
      ],
      origin: 'carol',
      kinds: ['Role'],
      outside: true,
    },
    {
      name: 'assumed-role ARN and creationDate when the session key does not match',
      records: [
        rec(alice, 'AssumeRole', t0, {
          responseElements: issued('ASIAOTHER', `arn:aws:sts::${A}:assumed-role/Admin/alice`),
        }),
        rec(role('Admin', 'alice', 'ASIAREAL', t1), 'ListUsers', t2),
      ],
      origin: 'alice',
      kinds: ['IAMUser', 'Role'],
      outside: false,
    },
    {
      name: 'an IAM Identity Center permission set',
      records: [
        rec(
          (() => {
            const r = role('AWSReservedSSO_Admin_1', 'dana@example.com', 'ASIASSO', t0);
            r.sessionContext!.sessionIssuer!.arn = `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1`;
            return r;
          })(),
          'StopLogging',
          t2,
        ),
      ],
      origin: 'dana@example.com',
      kinds: ['IdentityCenterUser', 'Role'],
      outside: false,
    },
    {
      name: 'a service-linked role: the AWS service that assumed it',
      records: [
        rec(
          (() => {
            const r = role('AWSServiceRoleForAutoScaling', 'AutoScaling', 'ASIASLR', t0);
            r.sessionContext!.sessionIssuer!.arn = `arn:aws:iam::${A}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
            r.invokedBy = 'autoscaling.amazonaws.com';
            return r;
          })(),
          'RunInstances',
          t2,
        ),
      ],
      origin: 'autoscaling.amazonaws.com',
      kinds: ['AWSService', 'Role'],
      outside: false,
    },
  ])('$name', ({ records, origin, kinds, outside }) => {
    const resolved = resolveAll(records);
    const last = resolved.get(records.at(-1)!.eventID)!;
    expect(last.origin.name).toBe(origin);
    expect(last.chain.map((s) => s.principal.kind)).toEqual(kinds);
    expect(last.outsideLogs).toBe(outside);
    expect(last.sessionId).toBe(records.at(-1)!.userIdentity.accessKeyId);
  });

  it('links a console session to its ConsoleLogin', () => {
    const login = rec({ ...alice, accessKeyId: '' }, 'ConsoleLogin', t0, {
      responseElements: { ConsoleLogin: 'Success' },
    });
    const action = rec(
      {
        ...alice,
        accessKeyId: 'ASIACON',
        sessionContext: { attributes: { creationDate: t1, mfaAuthenticated: 'true' } },
      },
      'CreateUser',
      t2,
      { sessionCredentialFromConsole: 'true' },
    );
    const resolution = resolveIdentity(buildIdentityIndex([login, action]), action);
    expect(resolution.origin.name).toBe('alice');
    expect(resolution.chain).toEqual([
      expect.objectContaining({ via: 'ConsoleLogin', sessionId: 'ASIACON' }),
    ]);
  });

  it('does not follow a failed AssumeRole', () => {
    const failed = rec(alice, 'AssumeRole', t0, {
      responseElements: issued('ASIAE'),
      errorCode: 'AccessDenied',
    });
    const action = rec(role('Admin', 'alice', 'ASIAE', t0), 'ListUsers', t2);
    expect(resolveAll([failed, action]).get(action.eventID)!.outsideLogs).toBe(true);
  });

  it('stops on a cycle of keys', () => {
    const a = rec(role('R1', 's', 'ASIAC1', t0), 'AssumeRole', t0, { responseElements: issued('ASIAC2') });
    const b = rec(role('R2', 's', 'ASIAC2', t0), 'AssumeRole', t0, { responseElements: issued('ASIAC1') });
    const resolved = resolveAll([a, b]);
    expect(resolved.get(b.eventID)!.chain.length).toBeLessThanOrEqual(2);
  });
});
