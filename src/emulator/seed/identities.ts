// The account's principals and the userIdentity shapes CloudTrail records for them (docs/cloudtrail-facts.md#records).
// Identity objects are shared by every record of the same session: records are never mutated.
import type { UserIdentity } from '@/domain/record';
import { ACCOUNT_ID, IDENTITY_STORE_ID } from './resources';

export interface IamUser {
  name: string;
  userId: string;
  arn: string;
  /** The long-term access key (AKIA…) the user's scripts use. */
  accessKeyId: string;
}

function iamUser(name: string, userId: string, accessKeyId: string): IamUser {
  return { name, userId, arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`, accessKeyId };
}

export const USERS = {
  maria: iamUser('maria.garcia', 'AIDA2XK7M3QZ4N5P6R7S8', 'AKIA2XK7M3QZ6T4V5W2Y'),
  jordan: iamUser('jordan.lee', 'AIDA2XK7M3QZHC4RWB7TE', 'AKIA2XK7M3QZNDU6GXKP'),
  jenkins: iamUser('jenkins-legacy', 'AIDA2XK7M3QZLF5V3PQ2A', 'AKIA2XK7M3QZR5JH3E7W'),
  dataPipeline: iamUser('data-pipeline', 'AIDA2XK7M3QZB2W6YH4KD', 'AKIA2XK7M3QZVY3T7M2C'),
  grafana: iamUser('grafana-reader', 'AIDA2XK7M3QZT7K2D5XN6', 'AKIA2XK7M3QZ2LQ4HF6B'),
  backup: iamUser('backup-agent', 'AIDA2XK7M3QZQ3N7E2RV4', 'AKIA2XK7M3QZE6PW4NXJ'),
  /** Created by the leaked key (stories.ts). */
  backdoor: iamUser('svc-backup-sync', 'AIDA2XK7M3QZXW4M6C3JU', 'AKIA2XK7M3QZJ7FA2S5L'),
} as const;

export interface Role {
  name: string;
  roleId: string;
  arn: string;
}

function role(name: string, roleId: string, path = '/'): Role {
  return { name, roleId, arn: `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}` };
}

const SSO_PATH = '/aws-reserved/sso.amazonaws.com/';
const slr = (service: string) => `/aws-service-role/${service}/`;

export const ROLES = {
  ssoAdmin: role('AWSReservedSSO_AdministratorAccess_5e3a0c1b2d4f6a78', 'AROA2XK7M3QZK4S7C5D2E', SSO_PATH),
  ssoReadOnly: role('AWSReservedSSO_ReadOnlyAccess_9b1c7d2e4f6a8b0c', 'AROA2XK7M3QZP6V3N8F4G', SSO_PATH),
  webApp: role('web-app-ec2-role', 'AROA2XK7M3QZW5E2B7H3J'),
  eksNode: role('shop-prod-eks-node-role', 'AROA2XK7M3QZN3R6T2K5L'),
  ordersLambda: role('orders-api-lambda-role', 'AROA2XK7M3QZO7L4M3P6Q'),
  resizerLambda: role('image-resizer-lambda-role', 'AROA2XK7M3QZI2Y5R4S7T'),
  reportLambda: role('nightly-report-lambda-role', 'AROA2XK7M3QZR6P3U5V2W'),
  deploy: role('github-actions-deploy', 'AROA2XK7M3QZG4H7X6Y3Z'),
  ops: role('OpsAutomationRole', 'AROA2XK7M3QZA5J2Z7B4C'),
  taskExecution: role('ecsTaskExecutionRole', 'AROA2XK7M3QZE3T6C2D5F'),
  scanner: role('SecurityAuditScanner', 'AROA2XK7M3QZS7C4F3G6H'),
  breakGlass: role('ops-break-glass', 'AROA2XK7M3QZB6G5H4J7K'),
  rotationLambda: role('secrets-rotation-lambda-role', 'AROA2XK7M3QZT5R4Q3P2N'),
  eksCluster: role('shop-prod-eks-cluster-role', 'AROA2XK7M3QZC2K7L5M3N'),
  config: role('AWSServiceRoleForConfig', 'AROA2XK7M3QZF4M3P6Q2R', slr('config.amazonaws.com')),
  autoScaling: role(
    'AWSServiceRoleForAutoScaling',
    'AROA2XK7M3QZU6Q5S2T7V',
    slr('autoscaling.amazonaws.com'),
  ),
  ecs: role('AWSServiceRoleForECS', 'AROA2XK7M3QZD5S4V7W3X', slr('ecs.amazonaws.com')),
  guardDuty: role(
    'AWSServiceRoleForAmazonGuardDuty',
    'AROA2XK7M3QZY3V2X6Z5A',
    slr('guardduty.amazonaws.com'),
  ),
} as const;

/** Temporary credentials: one session of a role or a console sign-in. */
export interface Session {
  name: string;
  accessKeyId: string;
  creationDate: string;
}

export interface AssumedRoleOptions {
  mfa?: boolean;
  /** Instance-profile credentials: "2.0" when delivered by IMDSv2 (docs/cloudtrail-facts.md#records). */
  ec2RoleDelivery?: '1.0' | '2.0';
  /** A service acting with the role (service-linked roles): no tlsDetails on such records. */
  invokedBy?: string;
}

export function userIdentity(user: IamUser, accessKeyId = user.accessKeyId): UserIdentity {
  return {
    type: 'IAMUser',
    principalId: user.userId,
    arn: user.arn,
    accountId: ACCOUNT_ID,
    accessKeyId,
    userName: user.name,
  };
}

/** An IAM user's console session: ASIA credentials and session attributes. */
export function consoleUserIdentity(user: IamUser, session: Session): UserIdentity {
  return {
    ...userIdentity(user, session.accessKeyId),
    sessionContext: { attributes: { creationDate: session.creationDate, mfaAuthenticated: 'true' } },
  };
}

export function assumedRoleIdentity(
  r: Role,
  session: Session,
  options: AssumedRoleOptions = {},
): UserIdentity {
  const identity: UserIdentity = {
    type: 'AssumedRole',
    principalId: `${r.roleId}:${session.name}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${r.name}/${session.name}`,
    accountId: ACCOUNT_ID,
    accessKeyId: session.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: r.roleId,
        arn: r.arn,
        accountId: ACCOUNT_ID,
        userName: r.name,
      },
      attributes: { creationDate: session.creationDate, mfaAuthenticated: options.mfa ? 'true' : 'false' },
      ...(options.ec2RoleDelivery ? { ec2RoleDelivery: options.ec2RoleDelivery } : {}),
    },
  };
  if (options.invokedBy) identity.invokedBy = options.invokedBy;
  return identity;
}

/** Root: principalId is the account id; accessKeyId is "" for console use (docs/cloudtrail-facts.md#records). */
export function rootIdentity(session?: Session): UserIdentity {
  const identity: UserIdentity = {
    type: 'Root',
    principalId: ACCOUNT_ID,
    arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
    accountId: ACCOUNT_ID,
    accessKeyId: session?.accessKeyId ?? '',
  };
  if (session)
    identity.sessionContext = {
      attributes: { creationDate: session.creationDate, mfaAuthenticated: 'true' },
    };
  return identity;
}

/** A service principal acting on its own (e.g. lambda.amazonaws.com assuming a function's role). */
export function serviceIdentity(service: string): UserIdentity {
  return { type: 'AWSService', invokedBy: service };
}

/** A service's own events (AwsServiceEvent): the account and the service, no principal. */
export function serviceEventIdentity(service: string, typed: boolean): UserIdentity {
  return typed
    ? { type: 'AWSService', accountId: ACCOUNT_ID, invokedBy: service }
    : { accountId: ACCOUNT_ID, invokedBy: service };
}

/** A principal of another account, as the trusting account records it (docs/cloudtrail-facts.md#records AWSAccount). */
export function awsAccountIdentity(accountId: string, principalId: string): UserIdentity {
  return { type: 'AWSAccount', principalId, accountId };
}

/** GetFederationToken sessions: the issuer is the IAM user that asked for the token (docs/cloudtrail-facts.md#records). */
export function federatedIdentity(issuer: IamUser, session: Session): UserIdentity {
  return {
    type: 'FederatedUser',
    principalId: `${ACCOUNT_ID}:${session.name}`,
    arn: `arn:aws:sts::${ACCOUNT_ID}:federated-user/${session.name}`,
    accountId: ACCOUNT_ID,
    accessKeyId: session.accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: 'IAMUser',
        principalId: issuer.userId,
        arn: issuer.arn,
        accountId: ACCOUNT_ID,
        userName: issuer.name,
      },
      attributes: { creationDate: session.creationDate, mfaAuthenticated: 'false' },
    },
  };
}

export const IDENTITY_STORE_ARN = `arn:aws:identitystore::${ACCOUNT_ID}:identitystore/${IDENTITY_STORE_ID}`;

/** Calls made with an IAM Identity Center bearer token (docs/cloudtrail-facts.md#records: onBehalfOf, credentialId). */
export function identityCenterIdentity(userId: string, credentialId: string): UserIdentity {
  return {
    type: 'IdentityCenterUser',
    accountId: ACCOUNT_ID,
    onBehalfOf: { userId, identityStoreArn: IDENTITY_STORE_ARN },
    credentialId,
  };
}

export const GITHUB_OIDC_PROVIDER = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;

/** The GitHub Actions OIDC token that AssumeRoleWithWebIdentity exchanges for the deploy role. */
export function webIdentityUser(subject: string): UserIdentity {
  return {
    type: 'WebIdentityUser',
    principalId: `${GITHUB_OIDC_PROVIDER}:sts.amazonaws.com:${subject}`,
    userName: subject,
    identityProvider: GITHUB_OIDC_PROVIDER,
  };
}

/** The people who sign in through IAM Identity Center, with their identity-store user ids. */
export const SSO_PEOPLE = [
  { email: 'priya.nair@example.com', userId: '94482488-3041-7026-18f3-be45837cd0e4', role: ROLES.ssoAdmin },
  { email: 'tom.becker@example.com', userId: 'c4a8e4b8-f0a1-70c3-5e2d-7a9b1c3d5e6f', role: ROLES.ssoAdmin },
  { email: 'alex.kim@example.com', userId: '2418d4c8-9051-70e7-a3b4-c5d6e7f8a9b0', role: ROLES.ssoReadOnly },
] as const;
