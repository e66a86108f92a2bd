// What PutBucketPolicy accepts: a JSON policy whose statements name this bucket. S3 answers anything else
// with MalformedPolicy (400); the messages are the ones S3 returns (ErrorResponses.html, MalformedPolicy).
import { ServiceError } from '../../errors';

function malformed(message: string): ServiceError {
  return new ServiceError('MalformedPolicy', message, 400);
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

export function validateBucketPolicy(text: string, bucket: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed("Policies must be valid JSON and the first byte must be '{'");
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !text.trimStart().startsWith('{')
  ) {
    throw malformed("Policies must be valid JSON and the first byte must be '{'");
  }
  const statements = list((parsed as { Statement?: unknown }).Statement);
  if (statements.length === 0) throw malformed('Missing required field Statement');
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw malformed('Statement is not valid');
    const statement = raw as Record<string, unknown>;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      throw malformed(`Invalid effect: ${String(statement.Effect ?? '')}`);
    }
    if (statement.Principal === undefined && statement.NotPrincipal === undefined) {
      throw malformed('Missing required field Principal');
    }
    const actions = list(statement.Action ?? statement.NotAction);
    if (actions.length === 0) throw malformed('Missing required field Action');
    if (actions.some((a) => typeof a !== 'string' || (a !== '*' && !/^s3:[A-Za-z*?]+$/i.test(a)))) {
      throw malformed('Policy has invalid action');
    }
    const resources = list(statement.Resource ?? statement.NotResource);
    if (resources.length === 0) throw malformed('Missing required field Resource');
    const own = `arn:aws:s3:::${bucket}`;
    if (resources.some((r) => typeof r !== 'string' || (r !== own && !r.startsWith(`${own}/`)))) {
      throw malformed('Policy has invalid resource');
    }
  }
}
