/**
 * An instant as CloudTrail writes `eventTime` and as LookupEvents takes its bounds: UTC, whole seconds,
 * no fraction (`2026-11-20T08:00:00Z`).
 */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

const RECORD_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A record's `eventTime` (or a log export's `@timestamp`) as epoch ms: ISO 8601 with a date that exists, a
 * time of day, and `Z` or an offset, so the instant does not depend on the reader's time zone. CloudTrail
 * writes `2026-11-20T08:00:00Z`; exports add fractions of a second. Anything else is a reason.
 */
export function parseRecordTime(text: string): { ms: number } | { reason: string } {
  const parts = RECORD_TIME.exec(text);
  if (!parts) return { reason: 'eventTime is not an ISO 8601 time' };
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exists =
    utc.getUTCFullYear() === year &&
    utc.getUTCMonth() === month - 1 &&
    utc.getUTCDate() === day &&
    utc.getUTCHours() === hour &&
    utc.getUTCMinutes() === minute &&
    utc.getUTCSeconds() === second;
  if (!exists) return { reason: 'eventTime is not a time' };
  if (!parts[8]) return { reason: 'eventTime has no time zone (Z or an offset)' };
  return { ms: Date.parse(text) };
}
