// One UTC day of the demo account: its calendar facts, its sessions and the records generated so far.
// Each part of the day (background, routines, every story) draws from its own generator seeded by
// (seed, date, part), so changing one part never shifts the others.
import type { CloudTrailRecord } from '@/domain/record';
import { SessionBook } from './actors';
import { prngFor } from './prng';
import { makeRecord, type Call, type DayFrame } from './record-factory';
import { DAY_SECONDS, easternOffsetHours, HOUR_MS, isoDate, utcWeekday } from './time';

export interface DayContext {
  seed: number;
  /** 0 = the newest day. */
  dayIndex: number;
  dayStartMs: number;
  date: string;
  weekend: boolean;
  /** Hours US Eastern time is behind UTC on this day. */
  easternOffset: 4 | 5;
  book: SessionBook;
  records: CloudTrailRecord[];
  /** The second of the day of each record, parallel to `records` (cheaper to sort by than eventTime). */
  seconds: number[];
}

export function createDay(seed: number, dayIndex: number, dayStartMs: number): DayContext {
  const weekday = utcWeekday(dayStartMs);
  return {
    seed,
    dayIndex,
    dayStartMs,
    date: isoDate(dayStartMs),
    weekend: weekday === 0 || weekday === 6,
    easternOffset: easternOffsetHours(dayStartMs + 12 * HOUR_MS),
    book: new SessionBook(seed, dayStartMs),
    records: [],
    seconds: [],
  };
}

/** A generator for one part of the day. */
export function frameFor(day: DayContext, part: string): DayFrame {
  return { rng: prngFor(day.seed, day.date, part), dayStartMs: day.dayStartMs, datePrefix: `${day.date}T` };
}

export function emit(day: DayContext, frame: DayFrame, call: Call): void {
  day.records.push(makeRecord(frame, call));
  day.seconds.push(call.second);
}

/** The day's records in time order; records of the same second keep the order they were made in. */
export function recordsInOrder(day: DayContext): CloudTrailRecord[] {
  const order = day.records.map((_, i) => i);
  order.sort((a, b) => day.seconds[a]! - day.seconds[b]! || a - b);
  return order.map((i) => day.records[i]!);
}

/** The second of this UTC day at a US Eastern wall-clock time, clamped into the day. */
export function easternSecond(day: DayContext, hour: number, minute = 0): number {
  const second = (hour + day.easternOffset) * 3600 + minute * 60;
  return Math.min(DAY_SECONDS - 1, Math.max(0, second));
}
