// The errors IAM returns, with its messages (IAM API reference, Common Errors; real records).
import { ACCOUNT_ID } from '../resources';
import { err, param, throttled } from './define';
import type { ErrorContext } from './types';

export const denied = err(
  'AccessDenied',
  1,
  (c: ErrorContext) =>
    `User: ${c.callerArn} is not authorized to perform: ${c.action} on resource: ${iamResource(c)} because no identity-based policy allows the ${c.action} action`,
);

function iamResource(c: ErrorContext): string {
  const role = param(c.params, 'roleName');
  if (role) return `role ${role}`;
  const user = param(c.params, 'userName');
  if (user) return `user ${user}`;
  return param(c.params, 'policyArn', `arn:aws:iam::${ACCOUNT_ID}:*`);
}

export const noSuchRole = err(
  'NoSuchEntityException',
  1,
  (c) => `The role with name ${param(c.params, 'roleName')} cannot be found.`,
);
export const noSuchUser = err(
  'NoSuchEntityException',
  1,
  (c) => `The user with name ${param(c.params, 'userName')} cannot be found.`,
);
export const noSuchPolicy = err(
  'NoSuchEntityException',
  1,
  (c) => `Policy ${param(c.params, 'policyArn')} was not found.`,
);
export const noSuchRolePolicy = err(
  'NoSuchEntityException',
  1,
  (c) => `The role policy with name ${param(c.params, 'policyName')} cannot be found.`,
);
export const noLoginProfile = err(
  'NoSuchEntityException',
  1,
  (c) => `Login Profile for User ${param(c.params, 'userName')} cannot be found.`,
);
export const roleExists = err(
  'EntityAlreadyExistsException',
  1,
  (c) => `Role with name ${param(c.params, 'roleName')} already exists.`,
);
export const userExists = err(
  'EntityAlreadyExistsException',
  1,
  (c) => `User with name ${param(c.params, 'userName')} already exists.`,
);
export const versionLimit = err(
  'LimitExceededException',
  1,
  () => 'Cannot exceed quota for PolicyVersionsPerPolicy: 5.',
);
export const throttling = throttled('Throttling');
