// Time helpers for the generator. Everything is UTC epoch milliseconds; events carry whole seconds,
// formatted like CloudTrail's eventTime ("2025-03-10T16:24:34Z", docs/cloudtrail-facts.md#records).

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const DAY_SECONDS = 86_400;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** "2025-03-10" */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

let clockTable: string[] | undefined;

/** "16:24:34Z" for every second of a day, built once: 86,400 short strings shared by all records. */
function clocks(): string[] {
  clockTable ??= Array.from(
    { length: DAY_SECONDS },
    (_, s) =>
      `${TWO_DIGITS[Math.floor(s / 3600)]!}:${TWO_DIGITS[Math.floor(s / 60) % 60]!}:${TWO_DIGITS[s % 60]!}Z`,
  );
  return clockTable;
}

/** "2025-03-10T16:24:34Z" from "2025-03-10T" and a second of the day: the eventTime of many events on one day. */
export function eventTimeOf(datePrefix: string, secondOfDay: number): string {
  return datePrefix + clocks()[secondOfDay]!;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jul 10, 2023 12:23:05 PM": the Java date format IAM and STS use in responseElements. */
export function javaDate(ms: number): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return (
    `${MONTHS[d.getUTCMonth()]!} ${d.getUTCDate()}, ${d.getUTCFullYear()} ` +
    `${h12}:${TWO_DIGITS[d.getUTCMinutes()]!}:${TWO_DIGITS[d.getUTCSeconds()]!} ${hours < 12 ? 'AM' : 'PM'}`
  );
}

/** 0 = Sunday … 6 = Saturday. */
export function utcWeekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** The UTC day of the nth (1-based) Sunday of a month, or the first Sunday when n = 1. */
function nthSunday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const offset = (7 - utcWeekday(first)) % 7;
  return first + (offset + 7 * (n - 1)) * DAY_MS;
}

/**
 * Hours US Eastern time is behind UTC on the given day: 4 in daylight saving time, else 5.
 * DST runs from the second Sunday of March, 2:00 local (7:00 UTC), to the first Sunday of November,
 * 2:00 local (6:00 UTC) (US Energy Policy Act of 2005, 15 U.S.C. §260a).
 */
export function easternOffsetHours(ms: number): 4 | 5 {
  const year = new Date(ms).getUTCFullYear();
  const start = nthSunday(year, 2, 2) + 7 * HOUR_MS;
  const end = nthSunday(year, 10, 1) + 6 * HOUR_MS;
  return ms >= start && ms < end ? 4 : 5;
}
