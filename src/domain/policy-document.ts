// Just enough IAM policy evaluation to answer "does this policy let CloudTrail do X": statements with
// Effect, Principal, Action/NotAction and Resource/NotResource, `*` and `?` wildcards, explicit Deny
// winning over Allow (IAM policy evaluation logic, reference_policies_evaluation-logic.html).
// Conditions are not evaluated: a statement with a Condition counts as if the condition held.

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

/** Parses a policy JSON text; undefined when it is not an object with a Statement (one or a list). */
export function parsePolicy(text: string): PolicyDocument | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const statement = (parsed as { Statement?: unknown }).Statement;
  const statements = Array.isArray(statement) ? statement : statement ? [statement] : undefined;
  if (!statements || statements.some((s) => typeof s !== 'object' || s === null || Array.isArray(s)))
    return undefined;
  return { ...(parsed as object), Statement: statements as PolicyStatement[] };
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

export interface PolicyRequest {
  action: string;
  resource: string;
  /** For resource policies: the service principal asking, e.g. `cloudtrail.amazonaws.com`. */
  principalService?: string;
}

function principalMatches(principal: unknown, service: string | undefined): boolean {
  if (service === undefined) return principal === undefined; // identity policies name no principal
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const { Service, AWS } = principal as { Service?: string | string[]; AWS?: string | string[] };
  return list(Service).includes(service) || list(AWS).includes('*');
}

function statementApplies(statement: PolicyStatement, request: PolicyRequest): boolean {
  if (!principalMatches(statement.Principal, request.principalService)) return false;
  const actionOk =
    statement.Action !== undefined
      ? list(statement.Action).some((a) => wildcard(a, request.action, true))
      : statement.NotAction !== undefined &&
        !list(statement.NotAction).some((a) => wildcard(a, request.action, true));
  if (!actionOk) return false;
  if (statement.Resource !== undefined)
    return list(statement.Resource).some((r) => wildcard(r, request.resource, false));
  if (statement.NotResource !== undefined) {
    return !list(statement.NotResource).some((r) => wildcard(r, request.resource, false));
  }
  // Trust policies have no Resource: the role itself is the resource.
  return request.principalService !== undefined;
}

/** Allowed by some statement and denied by none. */
export function policyAllows(policy: PolicyDocument, request: PolicyRequest): boolean {
  const applying = policy.Statement.filter((s) => statementApplies(s, request));
  if (applying.some((s) => s.Effect === 'Deny')) return false;
  return applying.some((s) => s.Effect === 'Allow');
}
