// STS, console sign-in and the IAM Identity Center portal: how principals get credentials.
// STS records every call as readOnly (real records), in us-east-1 for the global endpoint.
import type { JsonObject, UserIdentity } from '@/domain/record';
import { GITHUB_OIDC_PROVIDER, ROLES, USERS, type Role } from '../identities';
import type { Prng } from '../prng';
import { ACCOUNT_ID } from '../resources';
import { HOUR_MS, javaDate } from '../time';
import { defineService, err, fixed, noParameters, param, req, throttled } from './define';
import type { Builder, CallContext, Payload } from './types';

const denied = err(
  'AccessDenied',
  1,
  (c) =>
    `User: ${c.callerArn} is not authorized to perform: ${c.action} on resource: ${param(c.params, 'roleArn', `arn:aws:iam::${ACCOUNT_ID}:role/*`)}`,
);

/** The role and session name a service principal asks for when it assumes a role for you. */
const SERVICE_ROLES: Record<string, ReadonlyArray<readonly [Role, (rng: Prng) => string]>> = {
  'lambda.amazonaws.com': [
    [ROLES.ordersLambda, () => 'orders-api'],
    [ROLES.resizerLambda, () => 'image-resizer'],
    [ROLES.reportLambda, () => 'nightly-report'],
  ],
  'ecs-tasks.amazonaws.com': [[ROLES.taskExecution, (rng) => rng.hex(32)]],
  'ec2.amazonaws.com': [
    [ROLES.webApp, (rng) => `i-0${rng.hex(16)}`],
    [ROLES.eksNode, (rng) => `i-0${rng.hex(16)}`],
  ],
  'config.amazonaws.com': [[ROLES.config, () => 'AWSConfig-Describe']],
  'autoscaling.amazonaws.com': [[ROLES.autoScaling, () => 'AutoScaling']],
  'eks.amazonaws.com': [[ROLES.eksCluster, () => 'AmazonEKS']],
  'guardduty.amazonaws.com': [[ROLES.guardDuty, () => 'GuardDuty']],
};

/** Roles people and scripts assume on purpose. */
const ASSUMABLE = [ROLES.ops, ROLES.breakGlass, ROLES.deploy];

export function temporaryCredentials(rng: Prng, timeMs: number, hours = 1): JsonObject {
  return {
    accessKeyId: `ASIA2XK7M3QZ${rng.base32(8)}`,
    sessionToken: `IQoJb3JpZ2luX2VjE${rng.alnum(47)}`,
    expiration: javaDate(timeMs + hours * HOUR_MS),
  };
}

export function assumeRolePayload(
  c: CallContext,
  r: Role,
  sessionName: string,
  extra: JsonObject = {},
): Payload {
  return {
    requestParameters: { roleArn: r.arn, roleSessionName: sessionName, ...extra },
    responseElements: {
      credentials: temporaryCredentials(c.rng, c.timeMs),
      assumedRoleUser: {
        assumedRoleId: `${r.roleId}:${sessionName}`,
        arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${r.name}/${sessionName}`,
      },
    },
    resources: [{ accountId: ACCOUNT_ID, type: 'AWS::IAM::Role', ARN: r.arn }],
  };
}

function sessionNameOf(identity: UserIdentity): string {
  return identity.userName ?? identity.arn?.split('/').at(-1) ?? 'session';
}

const assumeRole: Builder = (c) => {
  const byService =
    c.identity.invokedBy && c.identity.type === 'AWSService'
      ? SERVICE_ROLES[c.identity.invokedBy]
      : undefined;
  if (byService) {
    const [r, session] = c.rng.pick(byService);
    return assumeRolePayload(c, r, session(c.rng));
  }
  return assumeRolePayload(c, c.rng.pick(ASSUMABLE), sessionNameOf(c.identity), { durationSeconds: 3600 });
};

const REPOSITORIES = ['shopfront/shop-web', 'shopfront/orders-api', 'shopfront/infrastructure'];

const assumeRoleWithWebIdentity: Builder = (c) => {
  const subject = c.identity.userName ?? `repo:${c.rng.pick(REPOSITORIES)}:ref:refs/heads/main`;
  const base = assumeRolePayload(c, ROLES.deploy, 'GitHubActions', { durationSeconds: 3600 });
  return {
    ...base,
    responseElements: {
      ...base.responseElements,
      subjectFromWebIdentityToken: subject,
      provider: GITHUB_OIDC_PROVIDER,
      audience: 'sts.amazonaws.com',
    },
  };
};

const getFederationToken: Builder = (c) => ({
  requestParameters: { name: 'reporting-daily', durationSeconds: 43200 },
  responseElements: {
    credentials: temporaryCredentials(c.rng, c.timeMs, 12),
    federatedUser: {
      federatedUserId: `${ACCOUNT_ID}:reporting-daily`,
      arn: `arn:aws:sts::${ACCOUNT_ID}:federated-user/reporting-daily`,
    },
  },
});

export const sts = defineService(
  {
    key: 'sts',
    source: 'sts.amazonaws.com',
    global: true,
    eventVersion: '1.08',
    host: () => 'sts.us-east-1.amazonaws.com',
    denied,
    errorRate: 0.005,
    machineOnly: ['AssumeRoleWithWebIdentity', 'GetFederationToken'],
    errors: [
      err('ExpiredTokenException', 1, () => 'The security token included in the request is expired'),
      throttled('Throttling'),
    ],
  },
  [
    ['AssumeRole', 100, { build: assumeRole, readOnly: true, errors: [denied], errorRate: 0.01 }],
    ['GetCallerIdentity', 20, noParameters],
    ['AssumeRoleWithWebIdentity', 3, { build: assumeRoleWithWebIdentity, readOnly: true }],
    [
      'GetSessionToken',
      0.5,
      {
        build: (c) => ({
          requestParameters: { durationSeconds: 43200 },
          responseElements: { credentials: temporaryCredentials(c.rng, c.timeMs, 12) },
        }),
        readOnly: true,
      },
    ],
    ['GetFederationToken', 0.5, { build: getFederationToken, readOnly: true }],
    [
      'DecodeAuthorizationMessage',
      0.2,
      { build: fixed({ encodedMessage: 'HIDDEN_DUE_TO_SECURITY_REASONS' }), readOnly: true },
    ],
    ['GetAccessKeyInfo', 0.2, req((c) => ({ accessKeyId: c.rng.pick(Object.values(USERS)).accessKeyId }))],
  ],
);

/** Sign-in events: eventType AwsConsoleSignIn, us-east-1, host signin.aws.amazon.com (docs/cloudtrail-facts.md#records). */
export const signin = defineService(
  {
    key: 'signin',
    source: 'signin.amazonaws.com',
    global: true,
    host: () => 'signin.aws.amazon.com',
    denied: err('Failed authentication', 1, () => 'Failed authentication'),
    errorRate: 0,
  },
  [
    ['ConsoleLogin', 1, { eventType: 'AwsConsoleSignIn', readOnly: false }],
    ['CheckMfa', 0.5, { eventType: 'AwsConsoleSignIn', readOnly: false }],
    ['SwitchRole', 0.5, { eventType: 'AwsConsoleSignIn', readOnly: false }],
  ],
);

/** The AWS access portal, called with an Identity Center bearer token (IdentityCenterUser, docs/cloudtrail-facts.md#records). */
export const sso = defineService(
  {
    key: 'sso',
    source: 'sso.amazonaws.com',
    host: (region) => `portal.sso.${region}.amazonaws.com`,
    denied: err('AccessDeniedException', 1, () => 'Session token not found or invalid'),
    errorRate: 0.01,
  },
  [
    ['ListAccounts', 3, fixed({ maxResults: 100 })],
    ['ListAccountRoles', 3, fixed({ accountId: ACCOUNT_ID, maxResults: 100 })],
    [
      'GetRoleCredentials',
      4,
      req((c) => ({
        accountId: ACCOUNT_ID,
        roleName: c.rng.pick(['AdministratorAccess', 'ReadOnlyAccess']),
      })),
    ],
    ['Logout', 0.5, noParameters],
  ],
);
