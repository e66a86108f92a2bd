// The demo account: 90 days of management events of a small online shop, generated day by day.
// Deterministic: each day depends only on (seed, now, dayIndex); its generators are seeded by the seed
// and the day's UTC date, so the browser can produce the newest day first and older days later.
import type { CloudTrailRecord } from '@/domain/record';
import type { AccountResources, TrailState } from '@/emulator/state';
import { demoResources } from './account-resources';
import { generateBackground } from './background';
import { createDay, recordsInOrder } from './day';
import { ACCOUNT_ID } from './resources';
import { generateRoutines } from './routines';
import { demoStory, generateStories, storyWindow } from './stories';
import { demoTrails } from './trails';
import { isoSeconds } from '@/domain/iso-time';
import { DAY_MS, startOfUtcDay } from './time';

export interface DemoAccountOptions {
  /** Default 20261121. */
  seed?: number;
  /** The end of the newest day; default the current time. */
  now?: Date;
  /** Default 90, the days Event history keeps (EVENT_HISTORY_DAYS). */
  days?: number;
  /** Average everyday calls per day before routines and stories (about 12 % more); default 1,700. */
  eventsPerDay?: number;
}

export interface DemoAccount {
  accountId: string;
  homeRegion: 'us-east-1';
  days: number;
  trails: TrailState[];
  /** Buckets, keys, topics, log groups and roles the trails and events refer to (for createAccountState). */
  resources: AccountResources;
  /** When a day begins (UTC midnight, epoch ms): every event of generateDay(dayIndex) is at or after it. */
  dayStart(dayIndex: number): number;
  /** Events of one day, ascending by eventTime. dayIndex 0 = the newest day (ending at `now`), days-1 the oldest. Depends only on (seed, now, dayIndex). */
  generateDay(dayIndex: number): CloudTrailRecord[];
}

export const DEFAULT_DEMO_SEED = 20261121;
export const DEFAULT_DEMO_DAYS = 90;
export const DEFAULT_EVENTS_PER_DAY = 1700;

export function createDemoAccount(options: DemoAccountOptions = {}): DemoAccount {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const days = options.days ?? DEFAULT_DEMO_DAYS;
  const eventsPerDay = options.eventsPerDay ?? DEFAULT_EVENTS_PER_DAY;
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive whole number.');
  const todayStart = startOfUtcDay(nowMs);
  const nowText = isoSeconds(nowMs);
  const gap = storyWindow(demoStory('logging-gap'), now);
  const trails = demoTrails({ nowMs, stoppedMs: gap.start.getTime(), restartedMs: gap.end.getTime() });

  return {
    accountId: ACCOUNT_ID,
    homeRegion: 'us-east-1',
    days,
    trails,
    resources: demoResources(nowMs, trails),
    dayStart: (dayIndex) => todayStart - dayIndex * DAY_MS,
    generateDay(dayIndex: number): CloudTrailRecord[] {
      if (!Number.isInteger(dayIndex) || dayIndex < 0 || dayIndex >= days) {
        throw new RangeError(`dayIndex must be a whole number from 0 to ${days - 1}.`);
      }
      const day = createDay(seed, dayIndex, todayStart - dayIndex * DAY_MS);
      generateBackground(day, eventsPerDay);
      generateRoutines(day);
      generateStories(day);
      const records = recordsInOrder(day);
      // The newest day is generated whole, then cut at `now`: no future events, and the part before
      // `now` does not change as `now` moves on within the day.
      return dayIndex === 0 ? records.filter((r) => r.eventTime <= nowText) : records;
    },
  };
}

/** All days, oldest first, ascending time. */
export function generateDemoEvents(options: DemoAccountOptions = {}): CloudTrailRecord[] {
  const account = createDemoAccount(options);
  const all: CloudTrailRecord[] = [];
  for (let dayIndex = account.days - 1; dayIndex >= 0; dayIndex--) {
    for (const record of account.generateDay(dayIndex)) all.push(record);
  }
  return all;
}
