// Naming rules of the resources the Create trail form names, shared by the form and the emulator
// (KMS CreateAlias, SNS CreateTopic, Logs CreateLogGroup, IAM CreateRole, CloudTrail tags).
// Each returns the first rule broken, as a sentence that says how to fix it, or undefined when valid.
// Sources: docs/cloudtrail-facts.md#create-trail-and-trail-details "Naming / format rules" and the service models cited below.

/** KMS CreateAlias AliasName: 1–256 characters, `^[a-zA-Z0-9:/_-]+$`, not `alias/aws/` (kms model). */
export const KMS_ALIAS_MAX = 256;
const KMS_ALIAS_PREFIX = 'alias/';
// The naming page allows "alphanumeric, hyphens (-), forward slashes (/), underscores (_)".
const KMS_ALIAS_CHARS = /^[a-zA-Z0-9/_-]+$/;

/** `alias/` added when the user typed only the name (the console's alias field takes either). */
export function toAliasName(alias: string): string {
  return alias.startsWith(KMS_ALIAS_PREFIX) ? alias : `${KMS_ALIAS_PREFIX}${alias}`;
}

export function kmsAliasError(alias: string): string | undefined {
  const full = toAliasName(alias);
  const name = full.slice(KMS_ALIAS_PREFIX.length);
  if (name.length === 0 || full.length > KMS_ALIAS_MAX) {
    return `Alias names must be between 1 and ${KMS_ALIAS_MAX - KMS_ALIAS_PREFIX.length} characters after alias/.`;
  }
  if (!KMS_ALIAS_CHARS.test(name)) {
    return 'Alias names can contain only letters, numbers, forward slashes (/), underscores (_), and dashes (-).';
  }
  if (name.startsWith('aws/'))
    return 'Alias names cannot begin with aws/. That prefix is reserved for AWS managed keys.';
  return undefined;
}

/** SNS topic names: 1–256 ASCII letters, numbers, underscores, hyphens (configure-sns-notifications page). */
export const SNS_TOPIC_NAME_MAX = 256;
const SNS_TOPIC_CHARS = /^[A-Za-z0-9_-]+$/;

export function snsTopicNameError(name: string): string | undefined {
  if (name.length < 1 || name.length > SNS_TOPIC_NAME_MAX || !SNS_TOPIC_CHARS.test(name)) {
    // The SNS console's own wording for the rule.
    return 'Topic names must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.';
  }
  return undefined;
}

/** Log group names: 1–512 characters, `[\.\-_/#A-Za-z0-9]+`, not starting with aws/ (logs model). */
export const LOG_GROUP_NAME_MAX = 512;
const LOG_GROUP_CHARS = /^[.\-_/#A-Za-z0-9]+$/;

export function logGroupNameError(name: string): string | undefined {
  if (name.length < 1 || name.length > LOG_GROUP_NAME_MAX) {
    return `Log group names must be between 1 and ${LOG_GROUP_NAME_MAX} characters.`;
  }
  if (!LOG_GROUP_CHARS.test(name)) {
    return 'Log group names can contain only letters, numbers, underscores (_), hyphens (-), forward slashes (/), periods (.), and number signs (#).';
  }
  if (name.startsWith('aws/')) return 'Log group names cannot start with aws/.';
  return undefined;
}

/** IAM role names: 1–64 characters, `[\w+=,.@-]+` (iam model CreateRole RoleName). */
export const IAM_ROLE_NAME_MAX = 64;
const IAM_ROLE_CHARS = /^[A-Za-z0-9_+=,.@-]+$/;

export function iamRoleNameError(name: string): string | undefined {
  if (name.length < 1 || name.length > IAM_ROLE_NAME_MAX) {
    return `Role names must be between 1 and ${IAM_ROLE_NAME_MAX} characters.`;
  }
  if (!IAM_ROLE_CHARS.test(name)) {
    return 'Role names can contain only letters, numbers, and the characters + = , . @ _ -';
  }
  return undefined;
}

/** "you can add up to 50 tag key pairs" (docs/cloudtrail-facts.md#create-trail-and-trail-details Tags; TagsLimitExceededException "the limit is 50"). */
export const TAGS_MAX = 50;
/** CloudTrail Tag: Key 1–128, Value up to 256 (cloudtrail model TagKey / TagValue). */
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
// General AWS tag character set (tagging best practices); `aws:` keys are reserved for AWS.
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export interface TagInput {
  Key?: string;
  Value?: string;
}

export interface TagProblem {
  index: number;
  field: 'Key' | 'Value';
  message: string;
}

export function tagKeyError(key: string | undefined): string | undefined {
  if (key === undefined || key.length === 0) return 'Enter a tag key.';
  if (key.length > TAG_KEY_MAX) return `Tag keys must be ${TAG_KEY_MAX} characters or fewer.`;
  if (!TAG_CHARS.test(key)) {
    return 'Tag keys can contain only letters, numbers, spaces, and the characters _ . : / = + - @';
  }
  if (key.toLowerCase().startsWith('aws:'))
    return 'Tag keys cannot start with aws:, which is reserved for AWS use.';
  return undefined;
}

export function tagValueError(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > TAG_VALUE_MAX) return `Tag values must be ${TAG_VALUE_MAX} characters or fewer.`;
  if (!TAG_CHARS.test(value)) {
    return 'Tag values can contain only letters, numbers, spaces, and the characters _ . : / = + - @';
  }
  return undefined;
}

/** Problems with each tag (bad key or value, a key given twice); the count limit is tagCountError. */
export function tagErrors(tags: readonly TagInput[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const keyProblem = tagKeyError(tag.Key);
    if (keyProblem) problems.push({ index, field: 'Key', message: keyProblem });
    else if (seen.has(tag.Key!))
      problems.push({ index, field: 'Key', message: `The tag key ${tag.Key} is used more than once.` });
    if (tag.Key) seen.add(tag.Key);
    const valueProblem = tagValueError(tag.Value);
    if (valueProblem) problems.push({ index, field: 'Value', message: valueProblem });
  });
  return problems;
}

export function tagCountError(count: number): string | undefined {
  return count > TAGS_MAX ? `A resource can have up to ${TAGS_MAX} tags.` : undefined;
}
