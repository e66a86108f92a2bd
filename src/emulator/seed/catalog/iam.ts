// IAM: a global service, recorded in us-east-1. Records carry no `resources` (docs/cloudtrail-facts.md#trails-console).
// Error codes and messages as IAM returns them (IAM API reference, Common Errors; real records).
import { ROLES, USERS } from '../identities';
import { ACCOUNT_ID, AWS_MANAGED_POLICIES, CUSTOMER_POLICIES, GROUPS, policyArn } from '../resources';
import { javaDate } from '../time';
import { defineService, fixed, named, noParameters, req } from './define';
import type { Builder } from './types';
import {
  denied,
  noLoginProfile,
  noSuchPolicy,
  noSuchRole,
  noSuchRolePolicy,
  noSuchUser,
  roleExists,
  throttling,
  userExists,
  versionLimit,
} from './iam-errors';

const ROLE_NAMES = Object.values(ROLES).map((r) => r.name);
const USER_NAMES = [
  USERS.maria,
  USERS.jordan,
  USERS.jenkins,
  USERS.dataPipeline,
  USERS.grafana,
  USERS.backup,
].map((u) => u.name);
const POLICY_ARNS = [...AWS_MANAGED_POLICIES, ...CUSTOMER_POLICIES.map(policyArn)];
const INLINE_POLICIES = ['allow-kms-decrypt', 'read-app-secrets', 'write-order-queue', 'cloudwatch-put'];

const role = named('roleName', ROLE_NAMES);
const user = named('userName', USER_NAMES);
const policy = named('policyArn', POLICY_ARNS);
const policyVersion = req((c) => ({
  policyArn: c.rng.pick(POLICY_ARNS),
  versionId: `v${c.rng.between(1, 4)}`,
}));
const rolePolicy = req((c) => ({
  roleName: c.rng.pick(ROLE_NAMES),
  policyName: c.rng.pick(INLINE_POLICIES),
}));
const rolePolicyArn = req((c) => ({ roleName: c.rng.pick(ROLE_NAMES), policyArn: c.rng.pick(POLICY_ARNS) }));
const userPolicyArn = req((c) => ({ userName: c.rng.pick(USER_NAMES), policyArn: c.rng.pick(POLICY_ARNS) }));
const userGroup = req((c) => ({ groupName: c.rng.pick(GROUPS), userName: c.rng.pick(USER_NAMES) }));
const group = named('groupName', GROUPS);
const list = fixed({ maxItems: 1000 });
const tagRole = req((c) => ({
  roleName: c.rng.pick(ROLE_NAMES),
  tags: [{ key: 'team', value: 'platform' }],
}));

const createRole: Builder = (c) => {
  const roleName = `shop-${c.rng.pick(['batch', 'etl', 'api', 'worker'])}-${c.rng.hex(6)}`;
  const roleId = `AROA2XK7M3QZ${c.rng.base32(9)}`;
  const trust =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  return {
    requestParameters: { roleName, assumeRolePolicyDocument: trust },
    responseElements: {
      role: {
        path: '/',
        roleName,
        roleId,
        arn: `arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`,
        createDate: javaDate(c.timeMs),
        assumeRolePolicyDocument: encodeURIComponent(trust),
      },
    },
  };
};

export function createUserPayload(userName: string, userId: string, timeMs: number) {
  return {
    requestParameters: { userName },
    responseElements: {
      user: {
        path: '/',
        userName,
        userId,
        arn: `arn:aws:iam::${ACCOUNT_ID}:user/${userName}`,
        createDate: javaDate(timeMs),
      },
    },
  };
}

export function createAccessKeyPayload(userName: string, accessKeyId: string, timeMs: number) {
  return {
    requestParameters: { userName },
    responseElements: {
      accessKey: { accessKeyId, status: 'Active', userName, createDate: javaDate(timeMs) },
    },
  };
}

const createUser: Builder = (c) =>
  createUserPayload(`contractor-${c.rng.hex(4)}`, `AIDA2XK7M3QZ${c.rng.base32(9)}`, c.timeMs);
const createAccessKey: Builder = (c) =>
  createAccessKeyPayload(c.rng.pick(USER_NAMES), `AKIA2XK7M3QZ${c.rng.base32(8)}`, c.timeMs);

const createPolicyVersion: Builder = (c) => {
  const arn = policyArn(c.rng.pick(CUSTOMER_POLICIES));
  return {
    requestParameters: {
      policyArn: arn,
      policyDocument:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]}',
      setAsDefault: true,
    },
    responseElements: {
      policyVersion: {
        versionId: `v${c.rng.between(2, 5)}`,
        isDefaultVersion: true,
        createDate: javaDate(c.timeMs),
      },
    },
  };
};

export const iam = defineService(
  {
    key: 'iam',
    source: 'iam.amazonaws.com',
    global: true,
    denied,
    errors: [denied, throttling],
    errorRate: 0.02,
  },
  [
    ['ListUsers', 8, list],
    ['GetUser', 6, { build: user, errors: [noSuchUser, denied], errorRate: 0.02 }],
    ['ListRoles', 10, list],
    ['GetRole', 25, { build: role, errors: [noSuchRole, denied], errorRate: 0.04 }],
    ['ListRolePolicies', 10, role],
    ['ListAttachedRolePolicies', 12, role],
    ['GetRolePolicy', 8, { build: rolePolicy, errors: [noSuchRolePolicy, denied], errorRate: 0.06 }],
    ['ListPolicies', 6, fixed({ scope: 'Local', onlyAttached: false, maxItems: 1000 })],
    ['GetPolicy', 12, { build: policy, errors: [noSuchPolicy, denied], errorRate: 0.01 }],
    ['GetPolicyVersion', 12, policyVersion],
    ['ListPolicyVersions', 4, policy],
    ['ListEntitiesForPolicy', 1, policy],
    ['ListAttachedUserPolicies', 4, user],
    ['ListUserPolicies', 3, user],
    ['ListGroups', 3, list],
    ['GetGroup', 2, group],
    ['ListGroupsForUser', 4, user],
    ['ListAttachedGroupPolicies', 1, group],
    ['ListAccessKeys', 5, user],
    ['GetAccessKeyLastUsed', 3, req((c) => ({ accessKeyId: c.rng.pick(Object.values(USERS)).accessKeyId }))],
    ['ListMFADevices', 3, user],
    ['ListVirtualMFADevices', 1, noParameters],
    ['GetAccountSummary', 3, noParameters],
    ['GetAccountPasswordPolicy', 2, noParameters],
    ['ListAccountAliases', 2, noParameters],
    ['ListInstanceProfiles', 2, list],
    ['GetInstanceProfile', 3, req(() => ({ instanceProfileName: ROLES.webApp.name }))],
    ['ListInstanceProfilesForRole', 4, role],
    ['ListOpenIDConnectProviders', 1, noParameters],
    ['ListSAMLProviders', 1, noParameters],
    ['ListServerCertificates', 1, noParameters],
    ['GetLoginProfile', 2, { build: user, errors: [noLoginProfile], errorRate: 0.5 }],
    ['GenerateCredentialReport', 0.5, noParameters],
    ['GetCredentialReport', 0.5, noParameters],
    [
      'GetAccountAuthorizationDetails',
      0.5,
      fixed({ filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] }),
    ],
    ['ListRoleTags', 3, role],
    ['ListUserTags', 1, user],
    [
      'SimulatePrincipalPolicy',
      0.3,
      req((c) => ({ policySourceArn: c.rng.pick(Object.values(ROLES)).arn, actionNames: ['s3:GetObject'] })),
    ],
    ['GenerateServiceLastAccessedDetails', 0.3, req((c) => ({ arn: c.rng.pick(Object.values(ROLES)).arn }))],
    ['GetServiceLastAccessedDetails', 0.3, req((c) => ({ jobId: c.rng.uuid() }))],
    ['CreateRole', 0.5, { build: createRole, errors: [roleExists, denied], errorRate: 0.1 }],
    ['DeleteRole', 0.2, { build: role, errors: [noSuchRole, denied] }],
    ['AttachRolePolicy', 0.7, rolePolicyArn],
    ['DetachRolePolicy', 0.3, rolePolicyArn],
    [
      'PutRolePolicy',
      0.5,
      req((c) => ({
        roleName: c.rng.pick(ROLE_NAMES),
        policyName: c.rng.pick(INLINE_POLICIES),
        policyDocument:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}',
      })),
    ],
    ['DeleteRolePolicy', 0.2, { build: rolePolicy, errors: [noSuchRolePolicy, denied] }],
    ['UpdateAssumeRolePolicy', 0.2, role],
    ['TagRole', 0.4, tagRole],
    ['UntagRole', 0.1, req((c) => ({ roleName: c.rng.pick(ROLE_NAMES), tagKeys: ['team'] }))],
    [
      'CreatePolicyVersion',
      0.3,
      { build: createPolicyVersion, errors: [versionLimit, denied], errorRate: 0.15 },
    ],
    ['DeletePolicyVersion', 0.2, policyVersion],
    ['SetDefaultPolicyVersion', 0.1, policyVersion],
    ['CreateUser', 0.1, { build: createUser, errors: [userExists, denied] }],
    ['DeleteUser', 0.05, user],
    ['CreateAccessKey', 0.15, createAccessKey],
    [
      'UpdateAccessKey',
      0.1,
      req((c) => ({
        userName: c.rng.pick(USER_NAMES),
        accessKeyId: `AKIA2XK7M3QZ${c.rng.base32(8)}`,
        status: 'Inactive',
      })),
    ],
    [
      'DeleteAccessKey',
      0.1,
      req((c) => ({ userName: c.rng.pick(USER_NAMES), accessKeyId: `AKIA2XK7M3QZ${c.rng.base32(8)}` })),
    ],
    ['AttachUserPolicy', 0.08, userPolicyArn],
    ['DetachUserPolicy', 0.05, userPolicyArn],
    ['AddUserToGroup', 0.08, userGroup],
    ['RemoveUserFromGroup', 0.04, userGroup],
    [
      'CreateLoginProfile',
      0.04,
      req((c) => ({ userName: c.rng.pick(USER_NAMES), passwordResetRequired: true })),
    ],
    [
      'UpdateLoginProfile',
      0.04,
      req((c) => ({ userName: c.rng.pick(USER_NAMES), passwordResetRequired: true })),
    ],
    ['ChangePassword', 0.05, noParameters],
    [
      'AddRoleToInstanceProfile',
      0.05,
      req((c) => ({ instanceProfileName: c.rng.pick(ROLE_NAMES), roleName: c.rng.pick(ROLE_NAMES) })),
    ],
    ['CreateServiceLinkedRole', 0.05, fixed({ aWSServiceName: 'elasticloadbalancing.amazonaws.com' })],
    [
      'EnableMFADevice',
      0.03,
      req((c) => ({
        userName: c.rng.pick(USER_NAMES),
        serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/${c.rng.pick(USER_NAMES)}`,
      })),
    ],
    [
      'TagUser',
      0.05,
      req((c) => ({ userName: c.rng.pick(USER_NAMES), tags: [{ key: 'cost-center', value: 'shop' }] })),
    ],
  ],
);
