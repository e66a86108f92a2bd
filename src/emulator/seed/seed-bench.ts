// `npm run bench`'s Node figures on the demo account: the seed itself, and the floors its browser
// figures are compared with. scripts/bench.mjs bundles this file into dist-bench/ and calls it in a
// fresh Node process, so the seed is timed from a cold start and the process's peak RSS is the seed's.
import type { CloudTrailRecord } from '@/domain/record';
import { indexRecord, toWireEvent } from '@/domain/lookup-event';
import { createRefineIndex, type RefineQuery } from '@/domain/refine';
import { generateDemoEvents } from './demo-account';

export interface SeedMeasurement {
  events: number;
  ms: number;
  records: CloudTrailRecord[];
}

/** The default demo account, all 90 days, as the emulator seeds it. */
export function measureSeed(): SeedMeasurement {
  const started = performance.now();
  const records = generateDemoEvents();
  return { events: records.length, ms: performance.now() - started, records };
}

/** A structural copy: new objects and arrays, the same strings and numbers. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The seed's floor: allocating the same objects with no logic at all (a structural copy of the records).
 * A generator has to build at least these; its stories, rhythms and derived fields come on top.
 */
export function materialiseFloor(records: readonly CloudTrailRecord[]): { ms: number; json_mb: number } {
  copy(records.slice(0, 1_000)); // warm-up, as the generator's own code warms up while it runs
  const started = performance.now();
  copy(records);
  const ms = performance.now() - started;
  let bytes = 0;
  for (const record of records) bytes += JSON.stringify(record).length;
  return { ms, json_mb: bytes / 1e6 };
}

/** The Refine filters ui.bench.ts types, as queries (keep the two lists in step). */
export const REFINE_SAMPLES: ReadonlyArray<[text: string, query: RefineQuery]> = [
  [
    'Event source = s3.amazonaws.com',
    { operation: 'and', tokens: [{ propertyKey: 'eventSource', operator: '=', value: 's3.amazonaws.com' }] },
  ],
  [
    'Error code : Denied',
    { operation: 'and', tokens: [{ propertyKey: 'errorCode', operator: ':', value: 'Denied' }] },
  ],
  [
    'User name != root',
    { operation: 'and', tokens: [{ propertyKey: 'username', operator: '!=', value: 'root' }] },
  ],
];

/**
 * Refine's floor: the domain filter alone over the newest `count` events of the home Region as
 * LookupEvents returns them, each property used for the first time (its column built), as when the user
 * applies it in the page.
 */
export function refineFloor(records: readonly CloudTrailRecord[], count: number): Record<string, number> {
  const events = records
    .filter((record) => record.awsRegion === 'us-east-1')
    .slice(-count)
    .map((record) => toWireEvent(indexRecord(record)));
  const index = createRefineIndex(events);
  const out: Record<string, number> = {};
  for (const [text, query] of REFINE_SAMPLES) {
    const started = performance.now();
    index.filter(query);
    out[text] = performance.now() - started;
  }
  return out;
}
