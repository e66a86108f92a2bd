// Log file delivery: what a logging trail selects becomes gzipped `{"Records":[…]}` files in its bucket,
// one per Region and kind (events, Insights events) and delivery, in CloudTrail's key layout; with log
// file validation on, a signed digest file per Region every DELIVERIES_PER_DIGEST deliveries. The records
// are the stored JSON texts LookupEvents serves as CloudTrailEvent, oldest first. Nothing is written when
// the bucket is gone or its policy does not let CloudTrail write: GetTrailStatus then reports the S3 error
// as LatestDeliveryError and the events wait for the next delivery. A trail with a log group also sends
// the same records as log events to the stream `<account>_CloudTrail_<region>`, and a trail with an SNS
// topic publishes one notification per delivered file. delivery-timer.ts runs this on a cadence.
//
// Exactly once across crashes: a delivery that will write files first commits its plan (the event-time
// range and its clock reading) as the trail's `pendingDelivery`, then writes, then commits the trail's new
// state with the plan cleared. Every key and every byte follows from the plan and the stored events, so a
// server killed in between redoes the same delivery over the same objects: no file twice, no forked
// digest chain, no event skipped.
import { bucketPolicyAllowsCloudTrail } from '@/domain/cloudtrail-policies';
import {
  cloudWatchLogStreamName,
  DELIVERIES_PER_DIGEST,
  deliveryNotification,
  DIGEST_SIGNATURE_ALGORITHM,
  digestDocument,
  digestFileKey,
  digestStringToSign,
  logFileKey,
  logFileText,
  type DigestLogFile,
  type LogFileKind,
} from '@/domain/delivery-files';
import { recordJson, type IndexedEvent } from '@/domain/lookup-event';
import { trailSelectsRecord } from '@/domain/trail-selection';
import type { ObjectStore } from '../../objects/object-store';
import { entityTag } from '../../objects/object-store';
import type { AccountState, DigestChainState, TrailState } from '../../state';
import type { EventStore } from '../../store/event-store';
import { signingKeyFor, signText } from './signing-keys';
import { gzip, sha256Hex } from '@/domain/bytes';
import { appendLogEvents } from '../logs/log-events';

export interface DeliveryOptions {
  store: EventStore;
  state: AccountState;
  objects: ObjectStore;
  /** The cadence, ms: digests come every DELIVERIES_PER_DIGEST of these. */
  intervalMs: number;
  /** Trails logging before this time deliver from here on, not their whole history (the demo's 90 days). */
  startedAt: number;
  /** Commits the account state (the server's snapshot); awaited before a delivery writes and after. */
  persist?: () => Promise<void>;
}

export interface DeliveryResult {
  /** Keys written, log files and digests. */
  written: string[];
  /** Whether the account state changed (to be persisted). */
  changed: boolean;
}

/** Events whose time is this close to now may still be on their way into the store. */
export const SETTLE_MS = 1_000;

const PAGE = 1_000;
const KINDS: ReadonlyArray<{ kind: LogFileKind; insight: boolean }> = [
  { kind: 'CloudTrail', insight: false },
  { kind: 'CloudTrail-Insight', insight: true },
];

const encoder = new TextEncoder();

/**
 * 16 characters that make a log file's name unique, like CloudTrail's `LnPgDQnpkSKEsppV`: a hash of the
 * trail, Region, kind and delivery time, so a delivery redone after a crash writes the same key.
 */
async function uniqueString(parts: readonly (string | number)[]): Promise<string> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const hex = await sha256Hex(encoder.encode(parts.join('\n')));
  return Array.from({ length: 16 }, (_, i) => alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 62]).join(
    '',
  );
}

/** An object a delivery writes. */
interface PlannedObject {
  bucket: string;
  key: string;
  body: Uint8Array;
  metadata: Record<string, string>;
}

/** The trail's events in (after, until], oldest first, that it selects. */
async function selectedEvents(
  store: EventStore,
  trail: TrailState,
  region: string,
  insight: boolean,
  after: number,
  until: number,
): Promise<IndexedEvent[]> {
  const selected: IndexedEvent[] = [];
  let cursor: IndexedEvent | undefined;
  for (;;) {
    const page = await store.lookup({
      region,
      insight,
      startTime: after + 1,
      endTime: until,
      limit: PAGE,
      after: cursor ? { time: cursor.time, id: cursor.eventId } : undefined,
    });
    for (const event of page.events) if (trailSelectsRecord(trail, event.record)) selected.push(event);
    if (!page.next || page.events.length === 0) break;
    cursor = page.events.at(-1);
  }
  return selected.reverse();
}

/** Why CloudTrail cannot write to the trail's bucket, as the S3 error code; undefined when it can. */
function bucketProblem(state: AccountState, trail: TrailState): string | undefined {
  const bucket = state.buckets.get(trail.S3BucketName);
  if (!bucket) return 'NoSuchBucket';
  if (!bucketPolicyAllowsCloudTrail(bucket.policy, trail.S3BucketName, trail.S3KeyPrefix, state.accountId))
    return 'AccessDenied';
  return undefined;
}

/** Notifications a topic keeps (an emulator limit: SNS itself keeps nothing, it delivers). */
const TOPIC_NOTIFICATION_CAP = 100;

/** Publishes CloudTrail's notification for a delivered file to the topic, if it still exists. */
function notify(state: AccountState, topicArn: string, bucket: string, key: string, now: number): boolean {
  const topic = state.snsTopics.get(topicArn);
  if (!topic) return false;
  const notification = {
    messageId: crypto.randomUUID(),
    timestamp: now,
    message: deliveryNotification(bucket, [key]),
  };
  const notifications = [...(topic.notifications ?? []), notification].slice(-TOPIC_NOTIFICATION_CAP);
  state.snsTopics.set(topicArn, { ...topic, notifications });
  return true;
}

export class Delivery {
  private readonly options: DeliveryOptions;

  constructor(options: DeliveryOptions) {
    this.options = options;
  }

  /** One delivery for every trail of the account, at `now`. */
  async deliver(now: number, settleMs = SETTLE_MS): Promise<DeliveryResult> {
    const result: DeliveryResult = { written: [], changed: false };
    for (const arn of [...this.options.state.trails.keys()]) {
      await this.deliverTrail(arn, now, settleMs, result);
    }
    return result;
  }

  private async deliverTrail(arn: string, clockNow: number, settleMs: number, result: DeliveryResult) {
    const { state, store } = this.options;
    const trail = state.trails.get(arn);
    if (!trail || trail.startLoggingTime === undefined) return;
    // A delivery planned before a crash is redone as planned (see the top of this file).
    const plan = trail.pendingDelivery;
    const now = plan?.now ?? clockNow;
    // Event times are whole seconds: the calls in the second logging started (the trail's own CreateTrail
    // and StartLogging among them) carry a time up to 999 ms before it, and belong to the first file.
    // StartLogging sets deliveredThrough; a trail without one (the demo's seed) starts at the server's start.
    const start = Math.max(trail.startLoggingTime, this.options.startedAt);
    const from = plan?.from ?? trail.deliveredThrough ?? Math.floor(start / 1000) * 1000 - 1;
    const until =
      plan?.until ??
      (trail.isLogging ? now - settleMs : Math.min(trail.stopLoggingTime ?? now, now - settleMs));
    const update: Partial<TrailState> = {};
    const chains = new Map((trail.digestChains ?? []).map((c) => [c.region, { ...c }]));
    const regions = trail.IsMultiRegionTrail ? await store.regions() : [trail.HomeRegion];
    if (trail.isLogging && trail.LogFileValidationEnabled) {
      const home = chains.get(trail.HomeRegion) ?? { region: trail.HomeRegion, start: now, logFiles: [] };
      chains.set(trail.HomeRegion, home);
      // CloudTrail delivers a digest for every Region the trail covers, hourly, even when no log files
      // went there in the period: its logFiles array is then empty (cloudtrail-log-file-validation-digest-
      // file-structure.html). A Region joins with the home chain's period, so the trail's digests come together.
      for (const region of regions)
        if (!chains.has(region)) chains.set(region, { region, start: home.start, logFiles: [] });
    }
    const objects: PlannedObject[] = [];
    // Side effects on the account state, applied once the files are written.
    const effects: Array<() => void> = [];
    if (until > from) {
      const problem = bucketProblem(state, trail);
      if (problem) {
        if (trail.latestDeliveryError !== problem) {
          update.latestDeliveryError = problem;
          if (trail.LogFileValidationEnabled) update.latestDigestDeliveryError = problem;
        }
      } else {
        let delivered = false;
        for (const region of [...regions].sort()) {
          for (const { kind, insight } of KINDS) {
            const events = await selectedEvents(store, trail, region, insight, from, until);
            if (events.length === 0) continue;
            const { object, logFile } = await this.logFile(trail, region, kind, events, now);
            objects.push(object);
            delivered = true;
            const topic = trail.SnsTopicARN;
            if (topic)
              effects.push(() => {
                if (notify(state, topic, trail.S3BucketName, logFile.s3Object, now))
                  update.latestNotificationTime = now;
              });
            const logGroup = trail.CloudWatchLogsLogGroupArn;
            if (logGroup)
              effects.push(() => {
                const sent = appendLogEvents(
                  state,
                  logGroup,
                  cloudWatchLogStreamName(state.accountId, region),
                  events.map((e) => ({ timestamp: e.time, message: recordJson(e), ingestionTime: now })),
                  now,
                );
                if (sent) update.latestCloudWatchLogsDeliveryTime = now;
              });
            if (trail.LogFileValidationEnabled) {
              // Files delivered after a stop, of a Region new since the last delivery, still join.
              const start = chains.get(trail.HomeRegion)?.start ?? now;
              const chain = chains.get(region) ?? { region, start, logFiles: [] };
              chain.logFiles = [...chain.logFiles, logFile];
              chains.set(region, chain);
            }
          }
        }
        update.deliveredThrough = until;
        if (delivered) update.latestDeliveryTime = now;
        if (trail.latestDeliveryError) update.latestDeliveryError = undefined;
      }
    }
    const digests = await this.digest(trail, chains, now);
    if (digests) {
      Object.assign(update, digests.update);
      objects.push(...digests.objects);
    }
    if (objects.length > 0) {
      if (!plan) {
        const current = state.trails.get(arn);
        if (!current) return;
        state.trails.set(arn, { ...current, pendingDelivery: { from, until, now } });
        await this.options.persist?.();
      }
      for (const object of objects) await this.put(object, now);
      result.written.push(...objects.map((o) => o.key));
      update.pendingDelivery = undefined;
    } else if (plan && !bucketProblem(state, trail)) {
      // A plan that now writes nothing (the trail's selectors changed since): done, or the trail would
      // redo it forever.
      update.pendingDelivery = undefined;
    }
    for (const effect of effects) effect();
    if (Object.keys(update).length === 0) return;
    // The trail may have changed while files were written: merge into what is there now.
    const current = state.trails.get(arn);
    if (!current) return;
    state.trails.set(arn, { ...current, ...update });
    if (Object.keys(update).some((k) => k !== 'deliveredThrough')) {
      result.changed = true;
      await this.options.persist?.();
    }
  }

  /** A log file of the events, and its entry in the Region's digest. */
  private async logFile(
    trail: TrailState,
    region: string,
    kind: LogFileKind,
    events: IndexedEvent[],
    now: number,
  ): Promise<{ object: PlannedObject; logFile: DigestLogFile }> {
    const text = logFileText(events.map(recordJson));
    const key = logFileKey({
      prefix: trail.S3KeyPrefix,
      accountId: this.options.state.accountId,
      region,
      kind,
      time: now,
      unique: await uniqueString([trail.TrailARN, region, kind, now]),
    });
    const body = await gzip(encoder.encode(text));
    const times = events.map((e) => e.record.eventTime).sort();
    const logFile: DigestLogFile = {
      s3Bucket: trail.S3BucketName,
      s3Object: key,
      hashValue: await sha256Hex(encoder.encode(text)),
      hashAlgorithm: 'SHA-256',
      newestEventTime: times.at(-1)!,
      oldestEventTime: times[0]!,
    };
    return { object: { bucket: trail.S3BucketName, key, body, metadata: {} }, logFile };
  }

  private async put({ bucket, key, body, metadata }: PlannedObject, now: number) {
    await this.options.objects.put({
      bucket,
      key,
      body,
      size: body.length,
      etag: await entityTag(body),
      lastModified: now,
      contentType: 'application/x-gzip',
      metadata,
    });
  }

  /**
   * Digest files: with validation on, the home Region's chain starts with logging; a Region's digest is
   * due DELIVERIES_PER_DIGEST intervals after its start. Stopping logging or turning validation off
   * delivers a last digest and ends the chains (the next start has null previous-digest members).
   */
  private async digest(
    trail: TrailState,
    chains: Map<string, DigestChainState>,
    now: number,
  ): Promise<{ update: Partial<TrailState>; objects: PlannedObject[] } | undefined> {
    const active = trail.isLogging && trail.LogFileValidationEnabled;
    const before = JSON.stringify(trail.digestChains ?? []);
    const objects: PlannedObject[] = [];
    const update: Partial<TrailState> = {};
    const period = DELIVERIES_PER_DIGEST * this.options.intervalMs;
    const writable = !bucketProblem(this.options.state, trail);
    for (const chain of chains.values()) {
      // Half an interval of slack: timers fire a little late or early.
      const due = !active || now - chain.start >= period - this.options.intervalMs / 2;
      if (!due || !writable || now <= chain.start) continue;
      objects.push(await this.digestFile(trail, chain, now));
      update.latestDigestDeliveryTime = now;
      if (trail.latestDigestDeliveryError) update.latestDigestDeliveryError = undefined;
    }
    const next = active ? [...chains.values()] : [];
    if (JSON.stringify(next) !== before) update.digestChains = next.length > 0 ? next : undefined;
    return Object.keys(update).length > 0 ? { update, objects } : undefined;
  }

  /** The chain's next digest file; the chain moves on to it. */
  private async digestFile(trail: TrailState, chain: DigestChainState, now: number): Promise<PlannedObject> {
    const { state } = this.options;
    const key = digestFileKey({
      prefix: trail.S3KeyPrefix,
      accountId: state.accountId,
      region: chain.region,
      trailName: trail.Name,
      homeRegion: trail.HomeRegion,
      end: now,
    });
    const signingKey = await signingKeyFor(state, chain.region, now);
    const text = digestDocument({
      accountId: state.accountId,
      start: chain.start,
      end: now,
      bucket: trail.S3BucketName,
      key,
      fingerprint: signingKey.fingerprint,
      previous: chain.previous,
      logFiles: chain.logFiles,
    });
    const hash = await sha256Hex(encoder.encode(text));
    const signature = await signText(
      signingKey,
      digestStringToSign({
        end: now,
        bucket: trail.S3BucketName,
        key,
        digestHash: hash,
        previousSignature: chain.previous?.signature,
      }),
    );
    chain.previous = { bucket: trail.S3BucketName, key, hash, signature };
    chain.start = now;
    chain.logFiles = [];
    return {
      bucket: trail.S3BucketName,
      key,
      body: await gzip(encoder.encode(text)),
      metadata: { signature, 'signature-algorithm': DIGEST_SIGNATURE_ALGORITHM },
    };
  }
}
