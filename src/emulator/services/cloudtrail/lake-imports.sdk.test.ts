// @vitest-environment node
// Copying trail events (StartImport…) in the emulator as the demo build runs it, through the AWS SDK: log
// files put into a bucket are copied into an event data store created after their events, StartQuery on the
// store then counts exactly the events of the range; the API's errors; a corrupt file listed as a failure;
// a second import refused while one runs; StopImport; ListImports' filters and paging; a retry.
import {
  CreateEventDataStoreCommand,
  CreateTrailCommand,
  DeleteEventDataStoreCommand,
  GetImportCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  StartImportCommand,
  StartLoggingCommand,
  StopImportCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { describe, expect, it } from 'vitest';
import { logFileKey } from '@/domain/delivery-files';
import { createEmulator } from '@/emulator/handler';
import { MemoryObjectStore, type StoredObject } from '@/emulator/objects/object-store';
import { createAccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { DAY, logFileBody, putImportFixture, settledImport, storeEventIds } from '@/test/lake-import-fixture';
import { TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, s3Client, useEmulatorServer } from '@/test/sdk';
import { MemoryImportPersistence } from './lake-imports';
import { startDeliveryTimer } from './delivery-timer';
import { memoryLakeEngine } from './lake-memory-engine';

/** S3 objects whose reads wait while the gate is closed, so a test can hold an import IN_PROGRESS. */
class GatedObjectStore extends MemoryObjectStore {
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  close(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open?.();
    this.gate = undefined;
  }
  override async get(bucket: string, key: string): Promise<StoredObject | undefined> {
    if (this.gate) await this.gate;
    return super.get(bucket, key);
  }
}

const store = new MemoryEventStore();
const state = createAccountState(TEST_ACCOUNT);
const objects = new GatedObjectStore();
const imports = new MemoryImportPersistence();
const handle = createEmulator({
  store,
  state,
  objects,
  lake: {
    engine: memoryLakeEngine(() => store.records(), { members: (id) => imports.membersOf(id) }),
    builtInStoreRegion: 'us-east-1',
    imports: { persistence: imports },
  },
});
useEmulatorServer(() => handle);
const ct = cloudTrailClient();
const s3 = s3Client();
const ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/lake-import`;
const source = (uri: string) => ({
  S3: { S3LocationUri: uri, S3BucketRegion: 'us-east-1', S3BucketAccessRoleArn: ROLE },
});
const base = Date.now() - 10 * DAY;

async function createStore(name: string) {
  const created = await ct.send(
    new CreateEventDataStoreCommand({ Name: name, TerminationProtectionEnabled: false }),
  );
  return { arn: created.EventDataStoreArn!, id: created.EventDataStoreArn!.split('/').at(-1)! };
}

const settled = (importId: string) => settledImport(ct, importId);
const markerEventIds = (storeId: string, where?: string) => storeEventIds(ct, storeId, where);

describe('copying trail events in the emulator', () => {
  it('copies the events of the range into a store created after them', async () => {
    const fixture = await putImportFixture(s3, TEST_ACCOUNT, 'import-source', base);
    const eds = await createStore('copied-events');
    expect(await markerEventIds(eds.id)).toEqual([]);

    const started = await ct.send(
      new StartImportCommand({
        Destinations: [eds.arn],
        ImportSource: source('s3://import-source/'),
        StartEventTime: new Date(fixture.startMs),
        EndEventTime: new Date(fixture.endMs),
      }),
    );
    expect(started.ImportStatus).toBe('INITIALIZING');
    expect(started.Destinations).toEqual([eds.arn]);
    expect(started.ImportSource?.S3?.S3LocationUri).toBe('s3://import-source/');
    expect(started.StartEventTime?.getTime()).toBe(fixture.startMs);

    const done = await settled(started.ImportId!);
    expect(done.ImportStatus).toBe('COMPLETED');
    expect(done.ImportStatistics).toEqual({
      PrefixesFound: fixture.prefixes,
      PrefixesCompleted: fixture.prefixes,
      FilesCompleted: fixture.files,
      EventsCompleted: fixture.expected.length,
      FailedEntries: 0,
    });
    expect(await markerEventIds(eds.id)).toEqual(fixture.expected);
    const failures = await ct.send(new ListImportFailuresCommand({ ImportId: started.ImportId }));
    expect(failures.Failures).toEqual([]);
    // A store being copied into cannot be deleted; this one is no longer.
    await ct.send(new DeleteEventDataStoreCommand({ EventDataStore: eds.arn }));
  });

  it('copies no event older than the destination keeps (its retention period)', async () => {
    // The fixture's events are 10 to 13 days old; a store of 7 days keeps none of them.
    await putImportFixture(s3, TEST_ACCOUNT, 'import-older-than-retention', base);
    const created = await ct.send(
      new CreateEventDataStoreCommand({
        Name: 'one-week',
        TerminationProtectionEnabled: false,
        RetentionPeriod: 7,
      }),
    );
    const started = await ct.send(
      new StartImportCommand({
        Destinations: [created.EventDataStoreArn!],
        ImportSource: source('s3://import-older-than-retention/'),
      }),
    );
    const done = await settled(started.ImportId!);
    expect(done.ImportStatus).toBe('COMPLETED');
    expect(done.ImportStatistics?.FilesCompleted).toBeGreaterThan(0);
    expect(done.ImportStatistics?.EventsCompleted).toBe(0);
    expect(await markerEventIds(created.EventDataStoreArn!.split('/').at(-1)!)).toEqual([]);
  });

  it('refuses bad destinations, sources and ranges with the API errors', async () => {
    const eds = await createStore('error-cases');
    const start = (input: Record<string, unknown>) =>
      ct.send(
        new StartImportCommand({
          Destinations: [eds.arn],
          ImportSource: source('s3://import-source/'),
          ...input,
        }),
      );
    await expect(start({ Destinations: ['not-an-arn'] })).rejects.toMatchObject({
      name: 'EventDataStoreARNInvalidException',
    });
    await expect(
      start({
        Destinations: [`arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:eventdatastore/${crypto.randomUUID()}`],
      }),
    ).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException' });
    await expect(start({ ImportSource: source('s3://no-such-bucket-here/') })).rejects.toMatchObject({
      name: 'InvalidImportSourceException',
    });
    await expect(start({ ImportSource: source('https://import-source/') })).rejects.toMatchObject({
      name: 'InvalidImportSourceException',
    });
    await expect(
      start({ StartEventTime: new Date(base), EndEventTime: new Date(base - DAY) }),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(ct.send(new GetImportCommand({ ImportId: crypto.randomUUID() }))).rejects.toMatchObject({
      name: 'ImportNotFoundException',
    });
    const insights = await ct.send(
      new CreateEventDataStoreCommand({
        Name: 'insights-store',
        AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }],
      }),
    );
    await expect(start({ Destinations: [insights.EventDataStoreArn] })).rejects.toMatchObject({
      name: 'InvalidEventDataStoreCategoryException',
    });
  });

  it('lists a corrupt log file as a failure and fails when nothing could be read', async () => {
    const eds = await createStore('corrupt-source');
    const key = logFileKey({
      prefix: 'broken',
      accountId: TEST_ACCOUNT,
      region: 'us-east-1',
      kind: 'CloudTrail',
      time: base,
      unique: 'dddddddddddddddd',
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: 'import-source',
        Key: key,
        Body: new Uint8Array([0x1f, 0x8b, 1, 2, 3]),
      }),
    );
    const started = await ct.send(
      new StartImportCommand({ Destinations: [eds.arn], ImportSource: source('s3://import-source/broken/') }),
    );
    const done = await settled(started.ImportId!);
    expect(done.ImportStatus).toBe('FAILED');
    expect(done.ImportStatistics).toMatchObject({ FilesCompleted: 0, FailedEntries: 1, PrefixesFound: 1 });
    const { Failures = [] } = await ct.send(new ListImportFailuresCommand({ ImportId: started.ImportId }));
    expect(Failures).toHaveLength(1);
    expect(Failures[0]).toMatchObject({
      Location: `s3://import-source/${key}`,
      Status: 'FAILED',
      ErrorType: 'InvalidLogFile',
    });
    expect(Failures[0]!.ErrorMessage).toMatch(/gzip/);
    expect(Failures[0]!.LastUpdatedTime).toBeInstanceOf(Date);

    // Retried with its ImportId once the file is fixed: COMPLETED, with no failures left.
    await s3.send(new PutObjectCommand({ Bucket: 'import-source', Key: key, Body: await logFileBody([]) }));
    const retried = await ct.send(new StartImportCommand({ ImportId: started.ImportId }));
    expect(retried.ImportStatus).toBe('INITIALIZING');
    const again = await settled(started.ImportId!);
    expect(again.ImportStatus).toBe('COMPLETED');
    expect(again.ImportStatistics).toMatchObject({ FilesCompleted: 1, FailedEntries: 0 });
  });

  it('refuses a second import while one runs, and StopImport stops it', async () => {
    const eds = await createStore('stopped-import');
    objects.close();
    try {
      const started = await ct.send(
        new StartImportCommand({ Destinations: [eds.arn], ImportSource: source('s3://import-source/') }),
      );
      await expect(
        ct.send(
          new StartImportCommand({ Destinations: [eds.arn], ImportSource: source('s3://import-source/') }),
        ),
      ).rejects.toMatchObject({ name: 'AccountHasOngoingImportException' });
      await expect(
        ct.send(new DeleteEventDataStoreCommand({ EventDataStore: eds.arn })),
      ).rejects.toMatchObject({ name: 'EventDataStoreHasOngoingImportException' });
      const running = await ct.send(new ListImportsCommand({ ImportStatus: 'IN_PROGRESS' }));
      const initializing = await ct.send(new ListImportsCommand({ ImportStatus: 'INITIALIZING' }));
      expect([...(running.Imports ?? []), ...(initializing.Imports ?? [])].map((i) => i.ImportId)).toEqual([
        started.ImportId,
      ]);
      const stopped = await ct.send(new StopImportCommand({ ImportId: started.ImportId }));
      expect(stopped.ImportStatus).toBe('STOPPED');
      expect(stopped.ImportStatistics?.FilesCompleted).toBe(0);
    } finally {
      objects.release();
    }
    const listed = await ct.send(new ListImportsCommand({ Destination: eds.arn }));
    expect(listed.Imports?.map((i) => i.ImportStatus)).toEqual(['STOPPED']);
    // Reading the file it was stopped on does not bring it back to life.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await ct.send(new GetImportCommand({ ImportId: listed.Imports![0]!.ImportId }));
    expect(after.ImportStatus).toBe('STOPPED');
  });

  it('copies the log files a trail delivered', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'trail-delivery' }));
    const policy = cloudTrailBucketPolicy({ bucket: 'trail-delivery', accountId: TEST_ACCOUNT });
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'trail-delivery', Policy: JSON.stringify(policy) }));
    await ct.send(new CreateTrailCommand({ Name: 'delivering', S3BucketName: 'trail-delivery' }));
    await ct.send(new StartLoggingCommand({ Name: 'delivering' }));
    const delivery = startDeliveryTimer({ store, state, objects, intervalSeconds: 3600 });
    try {
      const result = await delivery.deliverNow(0);
      expect(result.written.some((key) => key.includes('/CloudTrail/'))).toBe(true);
    } finally {
      await delivery.stop();
    }
    const eds = await createStore('delivered-events');
    const startLogging = `eventName = 'StartLogging'`;
    expect(await markerEventIds(eds.id, startLogging)).toEqual([]);
    const started = await ct.send(
      new StartImportCommand({ Destinations: [eds.arn], ImportSource: source('s3://trail-delivery/') }),
    );
    const done = await settled(started.ImportId!);
    expect(done.ImportStatus).toBe('COMPLETED');
    expect(done.ImportStatistics?.FilesCompleted).toBeGreaterThan(0);
    expect(await markerEventIds(eds.id, startLogging)).toHaveLength(1);
  });

  it('pages ListImports and filters it by status and destination', async () => {
    const all: string[] = [];
    let token: string | undefined;
    do {
      const page = await ct.send(new ListImportsCommand({ MaxResults: 1, NextToken: token }));
      expect(page.Imports!.length).toBeLessThanOrEqual(1);
      all.push(...page.Imports!.map((i) => i.ImportId!));
      token = page.NextToken;
    } while (token);
    expect(all).toHaveLength(5);
    const completed = await ct.send(new ListImportsCommand({ ImportStatus: 'COMPLETED' }));
    expect(completed.Imports).toHaveLength(4);
    await expect(ct.send(new ListImportsCommand({ Destination: 'nope' }))).rejects.toMatchObject({
      name: 'EventDataStoreARNInvalidException',
    });
    await expect(ct.send(new ListImportsCommand({ NextToken: 'garbage' }))).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
  });
});
