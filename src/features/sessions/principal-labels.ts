import type { PrincipalKind } from '@/domain/identity-session';

/** Principal kinds in the console's words (AWS docs, "CloudTrail userIdentity element"). */
export const PRINCIPAL_KIND_LABELS: Record<PrincipalKind, string> = {
  IAMUser: 'IAM user',
  Root: 'Root user',
  Role: 'IAM role',
  FederatedUser: 'Federated user',
  WebIdentityUser: 'Web identity user',
  SAMLUser: 'SAML user',
  IdentityCenterUser: 'IAM Identity Center user',
  SourceIdentity: 'Source identity',
  AWSService: 'AWS service',
  AWSAccount: 'AWS account',
  Unknown: 'Unknown principal',
};

/** A long session ID (an ARN and a time) shortened for a link's text; the link carries all of it. */
export const shortSessionId = (id: string) => (id.length > 40 ? `${id.slice(0, 18)}…${id.slice(-18)}` : id);
