// Sessions, identities and detections in the aws and endpoint modes, where the server has no store of its own:
// evaluated in the page over the events it loads through LookupEvents (the console's Region, newest first, a
// batch at a time; "Load more events" adds the next batch). The same engine the local server and the demo use
// (src/domain/investigation-engine.ts), with the shipped rule pack. Loaded by a dynamic import only in those
// modes, so the rule pack and its YAML parser stay out of the first page's bundle.
import { RULE_PACK_SOURCES } from '@/domain/detections/rule-pack';
import type { DetectionsReport, LoadedEvents } from '@/domain/detections/report';
import { eventFields } from '@/domain/event-fields';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
import { InvestigationEngine, type TailItem } from '@/domain/investigation-engine';
import type { AnyRecord } from '@/domain/record';
import { isThrottling } from './aws-error';
import { lookupEventsPage } from './event-queries';
import { throttleDelay } from './query-client';

/** Events loaded per batch: ten LookupEvents pages of 50 (the API allows 2 calls a second). */
export const LOADED_BATCH = 500;
const MAX_THROTTLE_RETRIES = 5;

interface Loaded {
  region: string;
  records: AnyRecord[];
  nextToken?: string;
  done: boolean;
  loading?: Promise<void>;
  engine: InvestigationEngine;
}

const byRegion = new Map<string, Loaded>();

function loadedIn(region: string): Loaded {
  let loaded = byRegion.get(region);
  if (!loaded) {
    const records: AnyRecord[] = [];
    const source = {
      count: async () => records.length,
      *tail(cursor: number): Generator<TailItem> {
        for (let i = cursor; i < records.length; i++) yield { cursor: i + 1, record: records[i]! };
      },
    };
    loaded = {
      region,
      records,
      done: false,
      engine: new InvestigationEngine(source, () => RULE_PACK_SOURCES),
    };
    byRegion.set(region, loaded);
  }
  return loaded;
}

async function page(region: string, token: string | undefined) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lookupEventsPage({ region }, token);
    } catch (error) {
      if (!isThrottling(error) || attempt >= MAX_THROTTLE_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, throttleDelay(attempt)));
    }
  }
}

async function loadBatch(loaded: Loaded): Promise<void> {
  let added = 0;
  while (!loaded.done && added < LOADED_BATCH) {
    const { events, nextToken } = await page(loaded.region, loaded.nextToken);
    for (const event of events) {
      const record = eventFields(event).record as AnyRecord | undefined;
      if (record) loaded.records.push(record);
    }
    added += events.length;
    loaded.nextToken = nextToken;
    loaded.done = !nextToken;
  }
}

/** Loads the next batch of older events in the Region (one load at a time). */
export function loadMoreEvents(region: string): Promise<void> {
  const loaded = loadedIn(region);
  loaded.loading ??= loadBatch(loaded).finally(() => (loaded.loading = undefined));
  return loaded.loading;
}

async function ready(region: string) {
  const loaded = loadedIn(region);
  if (loaded.records.length === 0 && !loaded.done) await loadMoreEvents(region);
  else await loaded.loading;
  const scan = await loaded.engine.complete();
  const times = loaded.records.map((r) => r.eventTime).sort();
  const window: LoadedEvents = {
    region,
    count: loaded.records.length,
    ...(times.length ? { from: times[0], to: times.at(-1) } : {}),
    more: !loaded.done,
  };
  return { engine: loaded.engine, scan, window };
}

export async function loadedDetections(region: string): Promise<DetectionsReport> {
  const { engine, scan, window } = await ready(region);
  return { ...engine.detections(scan), loaded: window };
}

export async function loadedIdentity(region: string, query: string): Promise<IdentityReport> {
  const { engine, scan, window } = await ready(region);
  return { ...engine.investigation(scan).identity(query), loaded: window };
}

export async function loadedSession(region: string, sessionId: string): Promise<SessionReport | undefined> {
  const { engine, scan, window } = await ready(region);
  const session = engine.investigation(scan).session(sessionId);
  return session && { ...session, loaded: window };
}
