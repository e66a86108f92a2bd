// IAM (Query protocol, 2010-05-08), as far as the CloudWatch Logs part of the Create trail flow needs it:
// CreateRole, PutRolePolicy, ListRoles. IAM is global: its events are recorded in us-east-1 (reference
// event-history-insights.md §9.2). Codes, statuses and messages: IAM API reference / iam model.
import { iamRoleArn } from '@/domain/aws-arn';
import { iamRoleNameError } from '@/domain/trail-rules';
import { queryErrorCode } from '../../audit/audit-case';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, IamRoleState, Tag } from '../../state';
import {
  constraintMessage,
  decodeIndexToken,
  encodeIndexToken,
  isRecord,
  optionalInteger,
  optionalList,
  optionalString,
  queryProtocol,
  requiredString,
} from '../input';
import type { AuditMapper } from '../service';
import { checkPolicyDocument } from './iam-policy-check';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const IAM_ACTIONS = ['CreateRole', 'PutRolePolicy', 'ListRoles'] as const;

// Query protocol: members arrive as text (`MaxItems=10`), so a wrong type is a ValidationError here.
const validation = queryProtocol((message) => new ServiceError('ValidationError', message, 400));
const PATH = /^(\/|\/[\u0021-\u007e]+\/)$/;
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

function role(state: AccountState, name: string): IamRoleState {
  const found = state.iamRoles.get(name.toLowerCase());
  if (!found) throw new ServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
  return found;
}

/** Role (API_Role.html); IAM returns policy documents URL-encoded (RFC 3986). */
function roleOutput(r: IamRoleState) {
  return {
    Path: r.path,
    RoleName: r.roleName,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: new Date(r.createDate),
    AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument),
    ...(r.description !== undefined && { Description: r.description }),
    MaxSessionDuration: r.maxSessionDuration,
    ...(r.tags.length > 0 && { Tags: r.tags }),
  };
}

/** Unique ids of roles start with AROA and are 21 characters (reference_identifiers.html). */
function roleId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AROA${[...crypto.getRandomValues(new Uint8Array(17))].map((b) => alphabet[b % 32]).join('')}`;
}

function createRole(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const name = requiredString(input.RoleName, 'RoleName', validation);
  if (iamRoleNameError(name)) {
    throw validation(
      constraintMessage(name, 'roleName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]+'),
    );
  }
  const path = optionalString(input.Path, 'Path', validation) ?? '/';
  if (path.length > 512 || !PATH.test(path)) {
    throw validation(
      constraintMessage(
        path,
        'path',
        'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
      ),
    );
  }
  const document = requiredString(input.AssumeRolePolicyDocument, 'AssumeRolePolicyDocument', validation);
  checkPolicyDocument(document, 'trust');
  const description = optionalString(input.Description, 'Description', validation);
  if (description !== undefined && description.length > 1000) {
    throw validation(
      constraintMessage(description, 'description', 'Member must have length less than or equal to 1000'),
    );
  }
  const maxSessionDuration =
    optionalInteger(input.MaxSessionDuration, 'MaxSessionDuration', validation) ?? 3600;
  if (maxSessionDuration < 3600 || maxSessionDuration > 43200) {
    throw validation(
      constraintMessage(
        String(maxSessionDuration),
        'maxSessionDuration',
        'Member must have value between 3600 and 43200',
      ),
    );
  }
  const tags: Tag[] = (optionalList(input.Tags, 'Tags', validation) ?? []).map((t) => {
    if (!isRecord(t) || typeof t.Key !== 'string') throw validation('Each tag must have a Key.');
    return { Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' };
  });
  if (tags.length > 50)
    throw new ServiceError('LimitExceeded', 'Cannot exceed quota for TagsPerRole: 50.', 409);
  if (state.iamRoles.has(name.toLowerCase())) {
    throw new ServiceError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
  }
  const created: IamRoleState = {
    roleName: name,
    roleId: roleId(),
    arn: iamRoleArn(context.accountId, path, name),
    path,
    createDate: context.now,
    assumeRolePolicyDocument: document,
    ...(description !== undefined && { description }),
    maxSessionDuration,
    inlinePolicies: {},
    tags,
  };
  state.iamRoles.set(name.toLowerCase(), created);
  return { Role: roleOutput(created) };
}

function putRolePolicy(state: AccountState, input: Record<string, unknown>) {
  const roleName = requiredString(input.RoleName, 'RoleName', validation);
  const policyName = requiredString(input.PolicyName, 'PolicyName', validation);
  const document = requiredString(input.PolicyDocument, 'PolicyDocument', validation);
  if (!POLICY_NAME.test(policyName)) {
    throw validation(
      constraintMessage(
        policyName,
        'policyName',
        'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
      ),
    );
  }
  checkPolicyDocument(document, 'identity');
  const target = role(state, roleName);
  target.inlinePolicies = { ...target.inlinePolicies, [policyName]: document };
  return undefined;
}

function listRoles(state: AccountState, input: Record<string, unknown>) {
  const prefix = optionalString(input.PathPrefix, 'PathPrefix', validation) ?? '/';
  const maxItems = optionalInteger(input.MaxItems, 'MaxItems', validation) ?? 100;
  if (maxItems < 1 || maxItems > 1000) {
    throw validation(
      constraintMessage(String(maxItems), 'maxItems', 'Member must have value between 1 and 1000'),
    );
  }
  const marker = optionalString(input.Marker, 'Marker', validation);
  const start = marker ? decodeIndexToken(marker, () => validation('Invalid Marker.')) : 0;
  const roles = [...state.iamRoles.values()]
    .filter((r) => r.path.startsWith(prefix))
    .sort((a, b) => (a.roleName.toLowerCase() < b.roleName.toLowerCase() ? -1 : 1));
  const page = roles.slice(start, start + maxItems);
  const truncated = start + maxItems < roles.length;
  return {
    Roles: page.map(roleOutput),
    IsTruncated: truncated,
    ...(truncated && { Marker: encodeIndexToken(start + maxItems) }),
  };
}

export function iamOperations(state: AccountState): Record<string, Operation> {
  return {
    CreateRole: (input, context) => createRole(state, input, context),
    PutRolePolicy: (input) => putRolePolicy(state, input),
    ListRoles: (input) => listRoles(state, input),
  };
}

export const iamAudit: AuditMapper = { region: () => 'us-east-1', errorCode: queryErrorCode };
