// @vitest-environment node
// Delivery across crashes: the server may die before a trail's first delivery, or between the files of a
// delivery and the commit of the trail's new state. A restart (a fresh Delivery over the last committed
// snapshot of the account state) must still deliver every recorded event exactly once, in one unbroken
// digest chain per Region.
import { gunzipSync } from 'node:zlib';
import {
  CreateTrailCommand,
  DescribeTrailsCommand,
  ListTrailsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { beforeEach, describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, s3Client, useEmulatorServer } from '@/test/sdk';
import { createBucket } from '@/test/trail-destinations';
import { verifyTrailLogs } from '@/test/verify-trail-logs';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { MemoryObjectStore, type ObjectStore, type StoredObject } from '../../objects/object-store';
import { createAccountState, deserializeState, serializeState, type AccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';
import { Delivery } from './delivery';

const BUCKET = 'crash-logs';
const INTERVAL = 1000;
const REGIONS = ['us-east-1', 'eu-west-1'];
let now: number;
let store: MemoryEventStore;
let objects: MemoryObjectStore;
let state: AccountState;
let handle: EmulatorHandler;
/** The account state as last committed: what a restarted server loads. */
let committed: string;

beforeEach(async () => {
  now = T0;
  store = new MemoryEventStore();
  objects = new MemoryObjectStore();
  restart(createAccountState(TEST_ACCOUNT));
  await createBucket(BUCKET);
  commit();
});
useEmulatorServer(() => handle);

function commit() {
  committed = serializeState(state);
}

/** A server (re)started over `next`: the emulator's API calls commit their state with their event. */
function restart(next: AccountState) {
  state = next;
  const inner = createEmulator({ store, state, objects, clock: () => now });
  handle = async (request, meta) => {
    const response = await inner(request, meta);
    commit();
    return response;
  };
}

function delivery(objectStore: ObjectStore = objects, startedAt = T0) {
  return new Delivery({
    store,
    state,
    objects: objectStore,
    intervalMs: INTERVAL,
    startedAt,
    persist: async () => commit(),
  });
}

/** Objects written until the `allowed`-th put; then the process "dies". */
function dyingAfter(allowed: number): ObjectStore {
  let puts = 0;
  return {
    put: (object: StoredObject) => {
      if (puts++ >= allowed) return Promise.reject(new Error('killed'));
      return objects.put(object);
    },
    get: (bucket, key) => objects.get(bucket, key),
    head: (bucket, key) => objects.head(bucket, key),
    list: (bucket, prefix, after) => objects.list(bucket, prefix, after),
    delete: (bucket, key) => objects.delete(bucket, key),
  };
}

async function startTrail() {
  await cloudTrailClient().send(
    new CreateTrailCommand({
      Name: 'audit',
      S3BucketName: BUCKET,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
    }),
  );
  await cloudTrailClient().send(new StartLoggingCommand({ Name: 'audit' }));
}

/** A second on, one recorded call in each Region. */
async function callEveryRegion() {
  now += INTERVAL;
  for (const region of REGIONS) await cloudTrailClient(region).send(new DescribeTrailsCommand({}));
}

/** Every delivered record's event ID, as often as it was delivered. */
async function deliveredIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const info of await objects.list(BUCKET, `AWSLogs/${TEST_ACCOUNT}/CloudTrail/`, '')) {
    const object = await objects.get(BUCKET, info.key);
    const file = JSON.parse(gunzipSync(object!.body).toString('utf8')) as { Records: { eventID: string }[] };
    ids.push(...file.Records.map((r) => r.eventID));
  }
  return ids;
}

async function recordedIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const region of REGIONS) {
    const page = await store.lookup({
      region,
      insight: false,
      startTime: 0,
      endTime: now + 1,
      limit: 10_000,
    });
    ids.push(...page.events.map((e) => e.eventId));
  }
  return ids;
}

/** The digests of a Region, each pointing at its predecessor. */
async function digestLinks(region: string): Promise<Array<{ key: string; previous: string | null }>> {
  const links = [];
  for (const info of await objects.list(BUCKET, `AWSLogs/${TEST_ACCOUNT}/CloudTrail-Digest/${region}/`, '')) {
    const object = await objects.get(BUCKET, info.key);
    const digest = JSON.parse(gunzipSync(object!.body).toString('utf8')) as {
      previousDigestS3Object: string | null;
    };
    links.push({ key: info.key, previous: digest.previousDigestS3Object });
  }
  return links;
}

describe('delivery across crashes', () => {
  it("delivers a new trail's first events after a restart that came before its first delivery", async () => {
    await startTrail();
    await callEveryRegion();
    // Killed before any delivery; the restarted server's clock is a minute on.
    restart(deserializeState(committed));
    now += 60_000;
    await delivery(objects, now).deliver(now + INTERVAL);
    const delivered = await deliveredIds();
    expect(new Set(delivered)).toEqual(new Set(await recordedIds()));
    expect(delivered).toHaveLength(new Set(delivered).size);
  });

  it('redoes a delivery killed between its files and its commit: every event once, one digest chain', async () => {
    await startTrail();
    await delivery().deliver(now + INTERVAL);
    // Twelve deliveries make a digest. Every other delivery is killed after 0, 1 or 2 of its files (a
    // delivery with fewer files completes), and the restarted server delivers five seconds later.
    let killedMidway = 0;
    for (let round = 0; round < 30; round++) {
      await callEveryRegion();
      const at = now + INTERVAL;
      const allowed = round % 3;
      const killed =
        round % 2 === 0 &&
        (await delivery(dyingAfter(allowed))
          .deliver(at)
          .then(
            () => false,
            () => true,
          ));
      if (killed) {
        if (allowed > 0) killedMidway++;
        restart(deserializeState(committed));
        await cloudTrailClient().send(new ListTrailsCommand({}));
        now += 5 * INTERVAL;
      }
      await delivery().deliver(now + INTERVAL);
    }
    expect(killedMidway).toBeGreaterThan(2);
    now += INTERVAL;
    await delivery().deliver(now + INTERVAL, 0);

    const delivered = await deliveredIds();
    expect(delivered).toHaveLength(new Set(delivered).size);
    expect(new Set(delivered)).toEqual(new Set(await recordedIds()));
    for (const region of REGIONS) {
      const links = await digestLinks(region);
      expect(links.length).toBeGreaterThan(1);
      const previous = links.map((l) => l.previous);
      expect(previous.filter((p) => p === null)).toHaveLength(1);
      expect(new Set(previous).size).toBe(previous.length);
      const verdicts = await verifyTrailLogs({
        s3: s3Client(),
        cloudtrail: cloudTrailClient(region),
        bucket: BUCKET,
        accountId: TEST_ACCOUNT,
        region,
        trailName: 'audit',
        homeRegion: 'us-east-1',
      });
      expect(verdicts.filter((v) => !v.valid)).toEqual([]);
    }
  });

  it('ends a plan that no longer writes anything, and delivers again after it', async () => {
    await startTrail();
    await callEveryRegion();
    const arn = [...state.trails.keys()][0]!;
    const trail = state.trails.get(arn)!;
    // A plan left by a crash whose range holds no event the trail selects any more.
    state.trails.set(arn, { ...trail, pendingDelivery: { from: T0 - 60_000, until: T0 - 30_000, now: T0 } });
    await delivery().deliver(now + INTERVAL);
    expect(state.trails.get(arn)!.pendingDelivery).toBeUndefined();
    await callEveryRegion();
    await delivery().deliver(now + INTERVAL);
    const delivered = await deliveredIds();
    expect(new Set(delivered)).toEqual(new Set(await recordedIds()));
  });
});
