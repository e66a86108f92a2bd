// Validate log files on the Import page: a trail delivers through the in-process emulator, its bucket's
// AWSLogs is chosen as a folder (bytes only, as `aws s3 cp --recursive` leaves them), and the page checks
// the digest with the keys of ListPublicKeys and the signature from the bucket; a replaced log file is
// INVALID.
import { gzipSync } from 'node:zlib';
import { CreateTrailCommand, DescribeTrailsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELIVERIES_PER_DIGEST } from '@/domain/delivery-files';
import { createEmulator } from '@/emulator/handler';
import { MemoryObjectStore } from '@/emulator/objects/object-store';
import { Delivery } from '@/emulator/services/cloudtrail/delivery';
import { createAccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { createTestServer } from '@/mocks/node';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { backendHandler, renderConsole, serveDuringTests } from '@/test/render-console';
import { cloudTrailClient, s3Client } from '@/test/sdk';
import { createBucket } from '@/test/trail-destinations';

const BUCKET = 'delivered-logs';
const INTERVAL = 1000;
let now = T0;
const state = createAccountState(TEST_ACCOUNT);
const store = new MemoryEventStore();
const objects = new MemoryObjectStore();
const handle = createEmulator({ store, state, objects, clock: () => now });
const delivery = new Delivery({ store, state, objects, intervalMs: INTERVAL, startedAt: T0 });
serveDuringTests(
  createTestServer(
    handle,
    backendHandler(() => ({ mode: 'local', defaultRegion: 'us-east-1' })),
  ),
);

/** The delivered AWSLogs as files of a chosen folder `logs/…`. */
const folder: File[] = [];

beforeAll(async () => {
  await createBucket(BUCKET);
  const ct = cloudTrailClient();
  await ct.send(
    new CreateTrailCommand({ Name: 'audit', S3BucketName: BUCKET, EnableLogFileValidation: true }),
  );
  await ct.send(new StartLoggingCommand({ Name: 'audit' }));
  for (let i = 0; i <= DELIVERIES_PER_DIGEST; i++) {
    now += INTERVAL;
    await ct.send(new DescribeTrailsCommand({}));
    await delivery.deliver(now + INTERVAL);
  }
  const s3 = s3Client();
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'AWSLogs/' }));
  for (const { Key } of listed.Contents ?? []) {
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    folder.push(copied(`logs/${Key!.slice('AWSLogs/'.length)}`, await got.Body!.transformToByteArray()));
  }
});

function copied(path: string, bytes: Uint8Array): File {
  const file = new File([bytes as BlobPart], path.slice(path.lastIndexOf('/') + 1));
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('Validate log files of a chosen folder', () => {
  it('finds the digest and its log files valid, then a replaced log file INVALID', async () => {
    const { user } = renderConsole('/import');
    await screen.findByRole('heading', { level: 1, name: 'Import logs' });
    expect(screen.queryByRole('button', { name: 'Validate log files' })).toBeNull();
    await user.upload(await screen.findByLabelText('Choose folder', { selector: 'input' }), folder);
    await user.click(await screen.findByRole('button', { name: 'Validate log files' }));

    const logFiles = folder.filter((f) => f.webkitRelativePath.includes('/CloudTrail/')).length;
    expect(logFiles).toBeGreaterThan(0);
    expect(await screen.findByText(`All ${logFiles + 1} files valid`)).toBeInTheDocument();
    const results = screen.getByRole('table', { name: 'Validation results' });
    expect(within(results).getAllByText('valid')).toHaveLength(logFiles + 1);

    const victim = folder.findIndex((f) => f.webkitRelativePath.includes('/CloudTrail/'));
    const tampered = copied(folder[victim]!.webkitRelativePath, gzipSync('{"Records":[]}'));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await user.upload(
      screen.getByLabelText('Choose folder', { selector: 'input' }),
      folder.with(victim, tampered),
    );
    await user.click(await screen.findByRole('button', { name: 'Validate log files' }));
    expect(await screen.findByText(`1 of ${logFiles + 1} files INVALID`)).toBeInTheDocument();
    expect(screen.getByText("INVALID: hash value doesn't match")).toBeInTheDocument();
  });
});
