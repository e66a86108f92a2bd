// Reading request members whose type the wire does not guarantee (a hand-made request can send
// anything). A member that is missing or empty throws the service's own validation error, made by
// `fail`. A member of the wrong type is a wire-level error: in the JSON protocol (CloudTrail, KMS,
// CloudWatch Logs) AWS refuses the request with SerializationException before any validation
// (docs/cloudtrail-facts.md#the-wire-protocol); the Query protocol (IAM, SNS) carries every scalar as
// text, so its services mark their `fail` with `queryProtocol` and a wrong type stays their own error.
import { ServiceError } from '../errors';

export type Fail = ((message: string) => ServiceError) & {
  /** Set by `queryProtocol`: numbers and booleans arrive as text, and a wrong type is `fail`'s error. */
  readonly queryProtocol?: true;
};

/** The fail of a Query-protocol service (IAM, SNS), whose members are all text on the wire. */
export function queryProtocol(fail: (message: string) => ServiceError): Fail {
  return Object.assign((message: string) => fail(message), { queryProtocol: true as const });
}

/** What a member's model says it is, in the words of AWS's JSON deserializer. */
export type MemberType = 'String' | 'Integer' | 'Boolean' | 'List' | 'Structure' | 'Map';

/**
 * The SerializationException of a JSON member whose value does not fit its model type. Messages follow
 * the Coral deserializer behind AWS's JSON services: `STRING_VALUE cannot be converted to Integer` is
 * observed (ECS, aws/aws-cdk-cli pull request 973), the other scalar tokens follow its pattern, and
 * "Start of structure or map found where not expected." is what the codec already answers for a body
 * that is not an object.
 */
export function wrongMemberType(value: unknown, expected: MemberType): ServiceError {
  const message = Array.isArray(value)
    ? 'Start of list found where not expected.'
    : typeof value === 'object'
      ? 'Start of structure or map found where not expected.'
      : `${typeof value === 'string' ? 'STRING' : typeof value === 'boolean' ? 'BOOLEAN' : 'NUMBER'}_VALUE cannot be converted to ${expected}`;
  return new ServiceError('SerializationException', message);
}

/** The error for a member of the wrong type: SerializationException, or a Query service's own error. */
function mismatch(value: unknown, expected: MemberType, fail: Fail, queryMessage: string): ServiceError {
  return fail.queryProtocol ? fail(queryMessage) : wrongMemberType(value, expected);
}

export function optionalString(value: unknown, member: string, fail: Fail): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw mismatch(value, 'String', fail, `${member} must be a string.`);
  return value;
}

/** A string member that must be present: "X is required." when missing or empty. */
export function requiredString(value: unknown, member: string, fail: Fail): string {
  const text = optionalString(value, member, fail);
  if (text === undefined || text === '') throw fail(`${member} is required.`);
  return text;
}

/** JSON sends booleans; the Query protocol sends `true`/`false` strings. */
export function optionalBoolean(value: unknown, member: string, fail: Fail): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (fail.queryProtocol && (value === 'true' || value === 'false')) return value === 'true';
  throw mismatch(value, 'Boolean', fail, `${member} must be true or false.`);
}

/** JSON sends numbers; the Query protocol sends digits. A fractional JSON number is `fail`'s error. */
export function optionalInteger(value: unknown, member: string, fail: Fail): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number =
    fail.queryProtocol && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' && !fail.queryProtocol) throw wrongMemberType(value, 'Integer');
  if (typeof number !== 'number' || !Number.isInteger(number)) throw fail(`${member} must be an integer.`);
  return number;
}

export function optionalList(value: unknown, member: string, fail: Fail): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw mismatch(value, 'List', fail, `${member} must be a list.`);
  return value;
}

/** A list of strings; an item of another type is a wrong type like the list itself. */
export function optionalStringList(value: unknown, member: string, fail: Fail): string[] | undefined {
  const list = optionalList(value, member, fail);
  list?.forEach((item) => optionalString(item, `${member} items`, fail));
  return list?.filter((item): item is string => typeof item === 'string');
}

/** A structure (or map) member: a JSON object. */
export function optionalStructure(
  value: unknown,
  member: string,
  fail: Fail,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw mismatch(value, 'Structure', fail, `${member} must be an object.`);
  return value;
}

/** A list of structures (TagsList, AdvancedEventSelectors…): each item must be an object. */
export function optionalStructureList(
  value: unknown,
  member: string,
  fail: Fail,
): Record<string, unknown>[] | undefined {
  const list = optionalList(value, member, fail);
  return list?.map((item) => {
    if (!isRecord(item)) throw mismatch(item, 'Structure', fail, `Each item of ${member} must be an object.`);
    return item;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A validation message in the style of AWS's generated validators ("1 validation error detected: …"). */
export function constraintMessage(value: string, member: string, constraint: string): string {
  return `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;
}

/** Opaque pagination tokens: the index of the next item, base64url encoded. */
export function encodeIndexToken(index: number): string {
  return btoa(JSON.stringify({ i: index })).replaceAll('=', '');
}

export function decodeIndexToken(token: string, fail: Fail): number {
  try {
    const parsed: unknown = JSON.parse(atob(token));
    const index = isRecord(parsed) ? parsed.i : undefined;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0) return index;
  } catch {
    // fall through to the error below
  }
  throw fail('The pagination token is not valid.');
}
