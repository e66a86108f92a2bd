// The demo's days go into the store newest first: a few at once, so the first page of Event history is
// quick, and the rest while the page is idle. A read that needs days not in yet says so with through():
// the fill then hurries (slices of a few days, not waiting for idle time) until those days are in.
// filling-store.ts is how LookupEvents waits; docs/architecture.md ("Demo mode") explains the choice.

export interface DayFill {
  /** Epoch ms from which on every day is in the store: the start of the oldest day in; -Infinity when all are. */
  loadedFrom(): number;
  /** Resolves when every day is in, without hurrying the fill. */
  readonly filled: Promise<void>;
  /** Resolves once loadedFrom() <= time (every day, for -Infinity); the fill hurries until then. */
  through(time: number): Promise<void>;
}

export interface DayFillOptions {
  days: number;
  /** Days added before startDayFill returns. */
  upFront: number;
  /** When day `day` (0 = the newest) begins; none of its events is older. */
  dayStart(day: number): number;
  addDay(day: number): void;
}

// Older days fill in when the page is idle: a day takes tens of milliseconds, and while the page loads,
// each one delayed the chunks and LookupEvents calls the service worker routes through this thread
// (`npm run bench`, ui.first_rows_ms). Node has no requestIdleCallback: a macrotask there.
const whenIdle: (step: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (step) => requestIdleCallback(step, { timeout: 1_000 })
    : (step) => setTimeout(step, 0);

/** A hurried step adds days for this long, then lets the thread answer requests and paint. */
const HURRIED_SLICE_MS = 30;

export function startDayFill({ days, upFront, dayStart, addDay }: DayFillOptions): DayFill {
  let next = 0;
  const loadedFrom = () => (next >= days ? -Infinity : next === 0 ? Infinity : dayStart(next - 1));
  const waiters: Array<{ time: number; resolve: () => void }> = [];
  let resolveFilled!: () => void;
  const filled = new Promise<void>((resolve) => (resolveFilled = resolve));
  let idleQueued = false;
  let hurryQueued = false;

  const release = () => {
    const from = loadedFrom();
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.time >= from) waiters.splice(i, 1)[0]!.resolve();
    }
    if (next >= days) resolveFilled();
  };
  const add = () => {
    addDay(next++);
    release();
  };
  const schedule = () => {
    if (next >= days) return;
    if (waiters.length > 0 && !hurryQueued) {
      hurryQueued = true;
      setTimeout(hurried, 0);
    } else if (waiters.length === 0 && !idleQueued) {
      idleQueued = true;
      whenIdle(idle);
    }
  };
  function idle() {
    idleQueued = false;
    if (next < days) add();
    schedule();
  }
  function hurried() {
    hurryQueued = false;
    const until = performance.now() + HURRIED_SLICE_MS;
    while (next < days && waiters.length > 0) {
      add();
      if (performance.now() >= until) break;
    }
    schedule();
  }

  while (next < Math.min(upFront, days)) add();
  release();
  schedule();
  return {
    loadedFrom,
    filled,
    through(time) {
      if (time >= loadedFrom()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.push({ time, resolve });
        schedule();
      });
    },
  };
}
