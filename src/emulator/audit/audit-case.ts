// How CloudTrail writes an API's request and response in a record: member names in lowerCamelCase
// (`S3BucketName` → `s3BucketName`, KMS `AWSAccountId` → `aWSAccountId`), timestamps the way the AWS
// Java SDK formats a Date ("Nov 20, 2026, 12:00:00 PM"), absent members left out.
import type { JsonObject, JsonValue } from '@/domain/record';

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `MMM d, yyyy, h:mm:ss a` in UTC, as real KMS, IAM and CloudTrail records show dates. */
export function javaDate(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours() % 12 || 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ` +
    `${hour}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`
  );
}

/** A value with its member names in lowerCamelCase; members named in `mapMembers` keep their keys. */
export function auditValue(
  value: unknown,
  mapMembers: ReadonlySet<string> = new Set(),
  keepKeys = false,
): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return javaDate(value.getTime());
  if (Array.isArray(value)) return value.map((item) => auditValue(item, mapMembers));
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      out[keepKeys ? key : lowerFirst(key)] = auditValue(member, mapMembers, mapMembers.has(key));
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

export function auditObject(value: unknown, mapMembers?: ReadonlySet<string>): JsonObject | null {
  const converted = auditValue(value, mapMembers);
  if (converted === null || typeof converted !== 'object' || Array.isArray(converted)) return null;
  return Object.keys(converted).length > 0 ? converted : null;
}

/** Query protocol error codes are recorded as the exception name (`NoSuchEntity` → `NoSuchEntityException`). */
export function queryErrorCode(code: string): string {
  if (code === 'ValidationError') return 'ValidationException';
  return code.endsWith('Exception') ? code : `${code}Exception`;
}
