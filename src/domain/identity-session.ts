// Who a record's userIdentity is, and which credentials' session it belongs to (docs/cloudtrail-facts.md#records userIdentity;
// AWS docs "CloudTrail userIdentity element": temporary credentials carry sessionContext.attributes.creationDate
// and an ASIA access key that is unique to the session; console sessions have sessionCredentialFromConsole).
import type { CloudTrailRecord, UserIdentity } from './record';

export type PrincipalKind =
  | 'IAMUser'
  | 'Root'
  | 'Role'
  | 'FederatedUser'
  | 'WebIdentityUser'
  | 'SAMLUser'
  | 'IdentityCenterUser'
  | 'SourceIdentity'
  | 'AWSService'
  | 'AWSAccount'
  | 'Unknown';

/** A principal as the console shows it: a kind, a display name and, when there is one, its ARN. */
export interface Principal {
  kind: PrincipalKind;
  name: string;
  arn?: string;
  accountId?: string;
}

/** IAM Identity Center permission-set roles live under this path (AWS docs, "Using service-linked roles
 * for IAM Identity Center"): the session name is the signed-in user's name. */
const SSO_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';

const lastSegment = (arn: string | undefined): string | undefined => arn?.split('/').at(-1) || undefined;

/** The principal that made a call: for a role session, the role (its issuer); otherwise the identity. */
export function principalOf(identity: UserIdentity): Principal {
  const issuer = identity.sessionContext?.sessionIssuer;
  switch (identity.type) {
    case 'AssumedRole':
    case 'Role':
      return {
        kind: 'Role',
        name: issuer?.userName ?? lastSegment(issuer?.arn) ?? identity.arn ?? 'unknown role',
        arn: issuer?.arn ?? identity.arn,
        accountId: issuer?.accountId ?? identity.accountId,
      };
    case 'IAMUser':
      return {
        kind: 'IAMUser',
        name: identity.userName ?? lastSegment(identity.arn) ?? 'unknown user',
        arn: identity.arn,
        accountId: identity.accountId,
      };
    case 'Root':
      return { kind: 'Root', name: 'root', arn: identity.arn, accountId: identity.accountId };
    case 'FederatedUser':
      return {
        kind: 'FederatedUser',
        name: lastSegment(identity.arn) ?? identity.principalId ?? 'federated user',
        arn: identity.arn,
        accountId: identity.accountId,
      };
    case 'WebIdentityUser':
    case 'SAMLUser':
      return {
        kind: identity.type,
        name: identity.userName ?? identity.principalId ?? 'unknown',
        arn: identity.identityProvider,
        accountId: identity.accountId,
      };
    case 'IdentityCenterUser':
      return {
        kind: 'IdentityCenterUser',
        name: identity.onBehalfOf?.userId ?? 'Identity Center user',
        accountId: identity.accountId,
      };
    case 'AWSService':
      return { kind: 'AWSService', name: identity.invokedBy ?? 'AWS service', accountId: identity.accountId };
    case 'AWSAccount':
      return {
        kind: 'AWSAccount',
        name: identity.accountId ?? 'another account',
        accountId: identity.accountId,
      };
    default:
      return identity.invokedBy
        ? { kind: 'AWSService', name: identity.invokedBy, accountId: identity.accountId }
        : { kind: 'Unknown', name: identity.userName ?? identity.arn ?? 'unknown', arn: identity.arn };
  }
}

/** The role session's name: the last segment of `assumed-role/<role>/<session>`. */
export function roleSessionName(identity: UserIdentity): string | undefined {
  return identity.type === 'AssumedRole' ? lastSegment(identity.arn) : undefined;
}

/** Identity Center users reach the account through a permission-set role named after them. */
export function identityCenterOrigin(identity: UserIdentity): Principal | undefined {
  const issuer = identity.sessionContext?.sessionIssuer;
  if (identity.type !== 'AssumedRole' || !issuer?.arn.includes(SSO_ROLE_PATH)) return undefined;
  const name = roleSessionName(identity);
  return name ? { kind: 'IdentityCenterUser', name, accountId: identity.accountId } : undefined;
}

/** Service-linked roles live under this path, then the service's principal (AWS docs, "Using
 * service-linked roles"): arn:aws:iam::ACCOUNT:role/aws-service-role/autoscaling.amazonaws.com/NAME. */
const SERVICE_ROLE_PATH = /:role\/aws-service-role\/([^/]+)\//;

/**
 * A service-linked role's session was started by its AWS service, which no log records: the service
 * (the record's invokedBy, or the service the role's path names) is its origin.
 */
export function serviceRoleOrigin(identity: UserIdentity): Principal | undefined {
  const issuer = identity.sessionContext?.sessionIssuer;
  if (identity.type !== 'AssumedRole' || !issuer?.arn) return undefined;
  const service = SERVICE_ROLE_PATH.exec(issuer.arn)?.[1];
  if (!service) return undefined;
  return { kind: 'AWSService', name: identity.invokedBy ?? service, accountId: identity.accountId };
}

/**
 * The session a record's credentials belong to, as one string usable in a URL. Temporary credentials have
 * an access key unique to their session; a root console session has an empty key, so its creation time
 * names it; calls without credentials group by principal.
 */
export function sessionIdOf(record: Pick<CloudTrailRecord, 'userIdentity'>): string {
  const identity = record.userIdentity;
  if (identity.accessKeyId) return identity.accessKeyId;
  const created = identity.sessionContext?.attributes?.creationDate;
  const who = identity.arn ?? identity.principalId ?? identity.invokedBy ?? identity.accountId ?? 'unknown';
  if (created) return `${who}@${created}`;
  if (identity.credentialId) return identity.credentialId;
  return who;
}

/** Whether the credentials are long-term (an IAM user's or root's AKIA key). */
export const isLongTermKey = (accessKeyId: string | undefined): boolean => !!accessKeyId?.startsWith('AKIA');

export const principalKey = (p: Principal): string => `${p.kind}:${p.arn ?? p.name}`;
