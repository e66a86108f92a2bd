// Resource-based policies on CloudTrail Lake resources (PutResourcePolicy, GetResourcePolicy,
// DeleteResourcePolicy): which resources take one, the actions each kind allows and what makes a policy
// document valid. Sources (under https://docs.aws.amazon.com/awscloudtrail/latest/): the API reference
// pages of the three operations (ResourceArn 3–256 characters of `[a-zA-Z0-9._/\-:]`, ResourcePolicy
// 1–8192 characters; a channel's policy has 1–20 statements of 1–50 principals and only the action
// cloudtrail-data:PutAuditEvents) and userguide/security_iam_resource-based-policy-examples.html (the
// actions allowed on an event data store; a dashboard's policy lets only the principal
// cloudtrail.amazonaws.com run cloudtrail:StartDashboardRefresh; a channel's names accounts, users, roles
// or federated users, its Resource must be the channel's ARN, an external ID is the condition key
// cloudtrail:ExternalId, and the channel owner may call PutAuditEvents unless the policy denies it).
import { CLOUDTRAIL_PRINCIPAL } from './cloudtrail-policies';

/** The kinds of CloudTrail resource that take a resource-based policy. */
export type PolicyResourceKind = 'eventdatastore' | 'dashboard' | 'channel';

export const RESOURCE_ARN_MIN = 3;
export const RESOURCE_ARN_MAX = 256;
export const RESOURCE_ARN_PATTERN = /^[a-zA-Z0-9._/\-:]+$/;
export const RESOURCE_POLICY_MAX = 8192;

/** "The following actions are supported in resource-based policies for event data stores". */
export const EVENT_DATA_STORE_POLICY_ACTIONS: readonly string[] = [
  'cloudtrail:StartQuery',
  'cloudtrail:CancelQuery',
  'cloudtrail:ListQueries',
  'cloudtrail:DescribeQuery',
  'cloudtrail:GetQueryResults',
  'cloudtrail:GenerateQuery',
  'cloudtrail:GenerateQueryResultsSummary',
  'cloudtrail:GetEventDataStore',
];

/** "The only Action allowed in the policy is cloudtrail:StartDashboardRefresh." */
export const DASHBOARD_POLICY_ACTIONS: readonly string[] = ['cloudtrail:StartDashboardRefresh'];

/** "Contains only one action: cloudtrail-data:PutAuditEvents" (PutResourcePolicy). */
export const CHANNEL_POLICY_ACTIONS: readonly string[] = ['cloudtrail-data:PutAuditEvents'];
export const CHANNEL_POLICY_MAX_STATEMENTS = 20;
export const CHANNEL_POLICY_MAX_PRINCIPALS = 50;
/** The condition key of the external ID a partner gives (PutAuditEvents' externalId). */
export const EXTERNAL_ID_CONDITION_KEY = 'cloudtrail:ExternalId';

export const POLICY_ACTIONS: Readonly<Record<PolicyResourceKind, readonly string[]>> = {
  eventdatastore: EVENT_DATA_STORE_POLICY_ACTIONS,
  dashboard: DASHBOARD_POLICY_ACTIONS,
  channel: CHANNEL_POLICY_ACTIONS,
};

const KIND_LABEL: Record<PolicyResourceKind, string> = {
  eventdatastore: 'an event data store',
  dashboard: 'a dashboard',
  channel: 'a channel',
};

// IAM policy grammar (reference_policies_grammar.html): the two policy language versions.
const POLICY_VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const PRINCIPAL_KEYS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const ACCOUNT_ID = /^\d{12}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] | undefined => {
  const list = Array.isArray(value) ? value : [value];
  return list.length > 0 && list.every((v) => typeof v === 'string' && v !== '')
    ? (list as string[])
    : undefined;
};

function principalError(principal: unknown, kind: PolicyResourceKind): string | undefined {
  if (principal === undefined) return 'Each statement of a resource-based policy must name a Principal.';
  if (kind === 'dashboard') {
    const onlyCloudTrail =
      isObject(principal) &&
      Object.keys(principal).length === 1 &&
      strings(principal.Service)?.join() === CLOUDTRAIL_PRINCIPAL;
    return onlyCloudTrail
      ? undefined
      : `The only principal a dashboard's resource-based policy can name is the service ${CLOUDTRAIL_PRINCIPAL}.`;
  }
  if (kind === 'channel') return channelPrincipalError(principal);
  if (principal === '*') return undefined;
  if (!isObject(principal) || Object.keys(principal).length === 0) {
    return 'The Principal of a statement must be "*" or an object such as {"AWS": "123456789012"}.';
  }
  for (const [key, value] of Object.entries(principal)) {
    if (!PRINCIPAL_KEYS.has(key)) return `The principal type ${key} is not valid.`;
    const values = strings(value);
    if (!values) return `The ${key} principal must be a string or a list of strings.`;
    for (const name of values) {
      const valid =
        name === '*' ||
        (key === 'AWS' && (ACCOUNT_ID.test(name) || IAM_PRINCIPAL_ARN.test(name))) ||
        (key === 'Service' && SERVICE_PRINCIPAL.test(name)) ||
        key === 'Federated' ||
        key === 'CanonicalUser';
      if (!valid) return `The principal ${name} is not valid.`;
    }
  }
  return undefined;
}

/** A channel's principals are AWS accounts, users, roles or federated users: 1–50 of them. */
function channelPrincipalError(principal: unknown): string | undefined {
  const names =
    isObject(principal) && Object.keys(principal).length === 1 ? strings(principal.AWS) : undefined;
  if (!names) {
    return 'The Principal of a channel\'s resource-based policy must be {"AWS": …}: account IDs or the ARNs of users, roles or federated users.';
  }
  if (names.length > CHANNEL_POLICY_MAX_PRINCIPALS) {
    return `A statement of a channel's resource-based policy can name at most ${CHANNEL_POLICY_MAX_PRINCIPALS} principals.`;
  }
  const refused = names.find((name) => !ACCOUNT_ID.test(name) && !IAM_PRINCIPAL_ARN.test(name));
  return refused === undefined ? undefined : `The principal ${refused} is not an account ID or an IAM ARN.`;
}

function statementError(
  statement: unknown,
  index: number,
  kind: PolicyResourceKind,
  resourceArn: string | undefined,
): string | undefined {
  const where = `Statement ${index + 1}`;
  if (!isObject(statement)) return `${where} of the resource-based policy is not an object.`;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    return `${where}: Effect must be Allow or Deny.`;
  }
  const principal = principalError(statement.Principal, kind);
  if (principal) return `${where}: ${principal}`;
  if (statement.NotAction !== undefined || statement.NotPrincipal !== undefined) {
    return `${where}: NotAction and NotPrincipal are not supported in the resource-based policy of ${KIND_LABEL[kind]}.`;
  }
  const actions = strings(statement.Action);
  if (!actions) return `${where}: Action must name at least one action.`;
  const allowed = POLICY_ACTIONS[kind];
  const lowerCase = new Set(allowed.map((a) => a.toLowerCase()));
  // IAM action names are case-insensitive; a wildcard could grant an action the resource does not support.
  const refused = actions.find((action) => !lowerCase.has(action.toLowerCase()));
  if (refused) {
    return `${where}: the action ${refused} is not supported in the resource-based policy of ${KIND_LABEL[kind]}. Supported actions: ${allowed.join(', ')}.`;
  }
  if (statement.Resource !== undefined && !strings(statement.Resource)) {
    return `${where}: Resource must be an ARN or a list of ARNs.`;
  }
  if (kind === 'channel' && resourceArn !== undefined) {
    const other = strings(statement.Resource)?.find((arn) => arn !== resourceArn);
    if (other !== undefined) {
      return `${where}: the Resource ${other} is not the channel the policy is attached to (${resourceArn}).`;
    }
  }
  return undefined;
}

/** Why a policy text cannot be attached to a resource of this kind (ResourcePolicyNotValidException). */
export function resourcePolicyError(
  text: string,
  kind: PolicyResourceKind,
  /** The ARN the policy is attached to: a channel's policy may name no other Resource. */
  resourceArn?: string,
): string | undefined {
  if (text.length > RESOURCE_POLICY_MAX) {
    return `The resource-based policy is ${text.length} characters long; the maximum is ${RESOURCE_POLICY_MAX}.`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'The resource-based policy is not a valid JSON document.';
  }
  if (!isObject(parsed)) return 'The resource-based policy must be a JSON object.';
  if (parsed.Version !== undefined && !POLICY_VERSIONS.has(parsed.Version as string)) {
    return 'The policy Version must be 2012-10-17 or 2008-10-17.';
  }
  const statement = parsed.Statement;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0) return 'The resource-based policy must contain at least one Statement.';
  if (kind === 'channel' && statements.length > CHANNEL_POLICY_MAX_STATEMENTS) {
    return `A channel's resource-based policy can have at most ${CHANNEL_POLICY_MAX_STATEMENTS} statements.`;
  }
  for (const [index, each] of statements.entries()) {
    const problem = statementError(each, index, kind, resourceArn);
    if (problem) return problem;
  }
  return undefined;
}

/** The messages of the operations' other errors (the API reference words none). */
export const RESOURCE_POLICY_MESSAGES = {
  notFound: (arn: string) => `Resource not found: ${arn}`,
  otherAccount: (arn: string, accountId: string) =>
    `${arn} does not map to a resource in your account (${accountId}).`,
  typeNotSupported: (type: string) =>
    `Resource-based policies are not supported on resources of type ${type}; attach them to an event data store, dashboard or channel.`,
  policyNotFound: (arn: string) => `There is no resource-based policy attached to ${arn}.`,
};

const CLOUDTRAIL_RESOURCE_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):([a-zA-Z]+)\/(.+)$/;

/** A CloudTrail resource ARN split (`arn:aws:cloudtrail:<region>:<account>:<type>/<id>`). */
export interface CloudTrailResourceArn {
  region: string;
  accountId: string;
  /** `eventdatastore`, `dashboard`, `channel`, `trail`, … */
  type: string;
  id: string;
}

/**
 * The resource a ResourceArn names, or why it names none (ResourceARNNotValidException: "the provided
 * resource does not exist, or the ARN format of the resource is not valid").
 */
export function parseResourceArn(arn: string): CloudTrailResourceArn | string {
  if (arn.length < RESOURCE_ARN_MIN || arn.length > RESOURCE_ARN_MAX || !RESOURCE_ARN_PATTERN.test(arn)) {
    return `ResourceArn must be ${RESOURCE_ARN_MIN} to ${RESOURCE_ARN_MAX} characters: letters, numbers, periods, underscores, slashes, hyphens and colons.`;
  }
  const match = CLOUDTRAIL_RESOURCE_ARN.exec(arn);
  if (!match) {
    return `${arn} is not the ARN of a CloudTrail event data store, dashboard or channel, such as arn:aws:cloudtrail:us-east-2:123456789012:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE.`;
  }
  return { region: match[1]!, accountId: match[2]!, type: match[3]!, id: match[4]! };
}

/** Whether an account ID or IAM principal ARN belongs to this account. */
const ofAccount = (name: string, accountId: string) =>
  name === accountId || (IAM_PRINCIPAL_ARN.test(name) && name.split(':')[4] === accountId);

/**
 * Whether the condition of a statement holds for a call with this external ID. Only the external ID key
 * is known here (StringEquals, StringNotEquals); a condition on any other key cannot be evaluated, so it
 * does not hold.
 */
function conditionHolds(condition: unknown, externalId: string | undefined): boolean {
  if (condition === undefined) return true;
  if (!isObject(condition)) return false;
  return Object.entries(condition).every(([operator, keys]) => {
    if (!isObject(keys)) return false;
    return Object.entries(keys).every(([key, value]) => {
      if (key.toLowerCase() !== EXTERNAL_ID_CONDITION_KEY.toLowerCase()) return false;
      const values = strings(value) ?? [];
      const equal = externalId !== undefined && values.includes(externalId);
      if (operator === 'StringEquals') return equal;
      if (operator === 'StringNotEquals') return !equal;
      return false;
    });
  });
}

/**
 * Whether a channel's policy denies its owner's PutAuditEvents: "the channel owner can call the
 * PutAuditEvents API on the channel unless the policy denies the owner access" (user guide). The emulator
 * has one account, the owner, so Allow statements (which admit other accounts) never apply to a call.
 */
export function channelPolicyDeniesOwner(
  text: string,
  accountId: string,
  externalId: string | undefined,
): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isObject(parsed)) return false;
  const statement = parsed.Statement;
  const statements = Array.isArray(statement) ? statement : [statement];
  return statements.some(
    (each) =>
      isObject(each) &&
      each.Effect === 'Deny' &&
      isObject(each.Principal) &&
      (strings(each.Principal.AWS) ?? []).some((name) => ofAccount(name, accountId)) &&
      conditionHolds(each.Condition, externalId),
  );
}
