// The compiled actors of the demo account, built once on first use.
import { compileActor, type Actor } from './actors';
import { WeightedTable } from './prng';
import { PEOPLE } from './roster-people';
import { SCRIPTS } from './roster-scripts';
import { AWS_SERVICES } from './roster-services';
import { WORKLOADS } from './roster-workloads';

export interface Population {
  machines: WeightedTable<Actor>;
  people: WeightedTable<Actor>;
  byId: ReadonlyMap<string, Actor>;
}

let population: Population | undefined;

export function getPopulation(): Population {
  if (!population) {
    const machines = [...AWS_SERVICES, ...WORKLOADS, ...SCRIPTS].map(compileActor);
    const people = PEOPLE.map(compileActor);
    population = {
      machines: new WeightedTable(machines.map((a) => [a, a.def.weight] as const)),
      people: new WeightedTable(people.map((a) => [a, a.def.weight] as const)),
      byId: new Map([...machines, ...people].map((a) => [a.def.id, a])),
    };
  }
  return population;
}

export function actor(id: string): Actor {
  const found = getPopulation().byId.get(id);
  if (!found) throw new Error(`The demo account has no actor ${id}.`);
  return found;
}
