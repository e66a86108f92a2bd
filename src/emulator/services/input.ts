// Reading request members whose type the wire does not guarantee (a hand-made request can send
// anything). Each reader throws the service's own validation error, made by `fail`.
import type { ServiceError } from '../errors';

export type Fail = (message: string) => ServiceError;

export function optionalString(value: unknown, member: string, fail: Fail): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw fail(`${member} must be a string.`);
  return value;
}

export function requiredString(value: unknown, member: string, fail: Fail): string {
  const text = optionalString(value, member, fail);
  if (text === undefined || text === '') throw fail(`${member} is required.`);
  return text;
}

/** JSON sends booleans; the Query protocol sends `true`/`false` strings. */
export function optionalBoolean(value: unknown, member: string, fail: Fail): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw fail(`${member} must be true or false.`);
}

/** JSON sends numbers; the Query protocol sends digits. */
export function optionalInteger(value: unknown, member: string, fail: Fail): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw fail(`${member} must be an integer.`);
  return number;
}

export function optionalList(value: unknown, member: string, fail: Fail): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw fail(`${member} must be a list.`);
  return value;
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
