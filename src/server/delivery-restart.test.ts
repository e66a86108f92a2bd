// @vitest-environment node
// Delivery in the local server over a restart: the digest chain, the signing key and the delivery times
// are in the persisted account state, so the digest after the restart links to the one before it and
// verifies with the same key (independent node:crypto check, src/test/verify-trail-logs.ts).
import {
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  ListPublicKeysCommand,
} from '@aws-sdk/client-cloudtrail';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { verifyTrailLogs } from '@/test/verify-trail-logs';
import {
  LOCAL_ACCOUNT as ACCOUNT,
  localClients,
  startLocalServer,
  startValidatedTrail,
} from '@/test/local-server';
import type { RunningServer } from './main';

const BUCKET = 'restarted-trail-logs';
const root = mkdtempSync(join(tmpdir(), 'trailview-restart-'));
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function start() {
  server = await startLocalServer(root, { deliveryInterval: 1 });
  return localClients(server);
}

/** Makes a recorded call a second until the bucket holds `count` digests. */
async function waitForDigests(clients: Awaited<ReturnType<typeof start>>, count: number) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await clients.ct.send(new DescribeTrailsCommand({}));
    const listed = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `AWSLogs/${ACCOUNT}/CloudTrail-Digest/` }),
    );
    if ((listed.KeyCount ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Fewer than ${count} digests after a minute.`);
}

it('keeps the digest chain and signing key over a restart', async () => {
  let clients = await start();
  await startValidatedTrail(clients, BUCKET, 'restarted');
  await waitForDigests(clients, 1);
  const before = await clients.ct.send(new GetTrailStatusCommand({ Name: 'restarted' }));

  await server!.stop();
  clients = await start();
  const after = await clients.ct.send(new GetTrailStatusCommand({ Name: 'restarted' }));
  expect(after.LatestDigestDeliveryTime).toEqual(before.LatestDigestDeliveryTime);
  await waitForDigests(clients, 2);

  const verdicts = await verifyTrailLogs({
    s3: clients.s3,
    cloudtrail: clients.ct,
    bucket: BUCKET,
    accountId: ACCOUNT,
    region: 'us-east-1',
    trailName: 'restarted',
    homeRegion: 'us-east-1',
  });
  expect(verdicts.filter((v) => v.file === 'digest').length).toBeGreaterThanOrEqual(2);
  expect(verdicts.filter((v) => !v.valid)).toEqual([]);
  const keys = await clients.ct.send(new ListPublicKeysCommand({ StartTime: new Date(0) }));
  expect(keys.PublicKeyList).toHaveLength(1);
}, 120_000);
