// A sequence of calls one after another, as a person or a script makes them: routines and stories.
import type { ApiSpec, Builder, ErrorSpec } from './catalog/types';
import { emit, frameFor, type DayContext } from './day';
import type { Prng } from './prng';
import type { Caller, DayFrame } from './record-factory';
import { DAY_SECONDS } from './time';

export interface StepOptions {
  region?: string;
  build?: Builder;
  /** An error, or 'success'; by default the API's error rate decides. */
  outcome?: ErrorSpec | 'success';
}

export class Script {
  readonly day: DayContext;
  readonly frame: DayFrame;
  second: number;

  constructor(day: DayContext, part: string, startSecond: number, frame?: DayFrame) {
    this.day = day;
    this.frame = frame ?? frameFor(day, part);
    this.second = startSecond;
  }

  get rng(): Prng {
    return this.frame.rng;
  }

  /** Moves the clock on by a random number of seconds in [min, max]. */
  wait(min: number, max: number = min): this {
    this.second += this.rng.between(min, max);
    return this;
  }

  at(second: number): this {
    this.second = second;
    return this;
  }

  /** Emits one call at the current second; calls past the end of the day are dropped. */
  call(caller: Caller, api: ApiSpec, options: StepOptions = {}): this {
    if (this.second < 0 || this.second >= DAY_SECONDS) return this;
    emit(this.day, this.frame, {
      second: this.second,
      caller,
      api,
      region: options.region ?? 'us-east-1',
      ...(options.build ? { build: options.build } : {}),
      ...(options.outcome ? { outcome: options.outcome } : {}),
    });
    return this;
  }
}

/** "14:05:33" → seconds of the day. */
export function parseClock(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
