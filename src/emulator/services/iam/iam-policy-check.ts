// What IAM accepts as a policy document: JSON with a Statement, principals only in trust policies.
// Messages are IAM's MalformedPolicyDocument texts.
import { parsePolicy } from '@/domain/policy-document';
import { ServiceError } from '../../errors';

function malformed(message: string): ServiceError {
  return new ServiceError('MalformedPolicyDocument', message, 400);
}

export function checkPolicyDocument(text: string, kind: 'trust' | 'identity'): void {
  try {
    JSON.parse(text);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  const policy = parsePolicy(text);
  if (!policy || policy.Statement.length === 0) throw malformed('Syntax errors in policy.');
  for (const statement of policy.Statement) {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      throw malformed('Syntax errors in policy.');
    if (kind === 'trust' && statement.Principal === undefined) {
      throw malformed('Has prohibited field Resource or missing Principal.');
    }
    if (kind === 'identity' && statement.Principal !== undefined) {
      throw malformed('Policy document should not specify a principal.');
    }
    if (statement.Action === undefined && statement.NotAction === undefined)
      throw malformed('Policy statement must contain actions.');
  }
}
