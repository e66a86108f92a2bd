// The account's everyday traffic: machines around the clock, people in office hours on weekdays.
import { callerFor, type Actor, type CompiledFailure } from './actors';
import { emit, frameFor, type DayContext } from './day';
import { WeightedTable, type Prng } from './prng';
import { getPopulation } from './population';

/** People's activity by US Eastern hour: a working day with a lunch dip and a little late work. */
const PEOPLE_BY_LOCAL_HOUR = [
  0.04, 0.02, 0.01, 0.01, 0.01, 0.03, 0.08, 0.25, 0.6, 0.95, 1, 1, 0.75, 0.85, 1, 0.95, 0.85, 0.6, 0.35, 0.22,
  0.18, 0.14, 0.1, 0.06,
];
/** Machines: flat, a little busier when customers shop (they follow US daytime too). */
const MACHINES_BY_LOCAL_HOUR = PEOPLE_BY_LOCAL_HOUR.map((w) => 1 + 0.4 * w);

/** Shares of the day's volume; people work much less at weekends. Averages to 1 over a week. */
const MACHINE_SHARE = 0.55;
const PEOPLE_SHARE = 0.45;
const PEOPLE_WEEKDAY = 1.3;
const PEOPLE_WEEKEND = 0.25;

function hoursTable(day: DayContext, byLocalHour: readonly number[]): WeightedTable<number> {
  return new WeightedTable(
    Array.from(
      { length: 24 },
      (_, utcHour) => [utcHour, byLocalHour[(utcHour - day.easternOffset + 24) % 24]!] as const,
    ),
  );
}

/** One of the actor's chronic failures, drawn by their shares, or none. */
function chronicFailure(actor: Actor, rng: Prng): CompiledFailure | undefined {
  for (const failure of actor.chronic) if (rng.chance(failure.share)) return failure;
  return undefined;
}

export function generateBackground(day: DayContext, eventsPerDay: number): void {
  const frame = frameFor(day, 'background');
  const { rng } = frame;
  const { machines, people } = getPopulation();
  const machineHours = hoursTable(day, MACHINES_BY_LOCAL_HOUR);
  const peopleHours = hoursTable(day, PEOPLE_BY_LOCAL_HOUR);
  const jitter = 0.92 + 0.16 * rng.next();
  const machineCount = Math.round(eventsPerDay * MACHINE_SHARE * jitter);
  const peopleCount = Math.round(
    eventsPerDay * PEOPLE_SHARE * (day.weekend ? PEOPLE_WEEKEND : PEOPLE_WEEKDAY) * (0.9 + 0.2 * rng.next()),
  );

  for (let i = 0; i < machineCount + peopleCount; i++) {
    const isPerson = i >= machineCount;
    const second = (isPerson ? peopleHours : machineHours).pick(rng) * 3600 + rng.int(3600);
    const actor = (isPerson ? people : machines).pick(rng);
    const caller = callerFor(actor, rng, day.book, second);
    const region = actor.regions.pick(rng);
    const failure = chronicFailure(actor, rng);
    if (failure) {
      emit(day, frame, {
        second,
        caller,
        api: failure.api,
        region,
        outcome: failure.error,
        ...(failure.build ? { build: failure.build } : {}),
      });
      continue;
    }
    emit(day, frame, {
      second,
      caller,
      api: actor.apis.pick(rng),
      region,
      errorFactor: actor.def.errorFactor ?? 1,
      deniedWrites: actor.def.deniedWrites ?? 0,
    });
  }
}
