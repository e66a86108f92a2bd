// @vitest-environment node
// Copying trail events (StartImport…) in the local backend, over HTTP with the JS SDK: log files put into a
// bucket of the local S3 are copied into an event data store created after their events, and the DuckDB
// engine's StartQuery counts exactly the events of the range; a corrupt file is listed by
// ListImportFailures; the import, its failures and the copied events are there again after a restart,
// and an import the server stopped in the middle of is reported FAILED.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEventDataStoreCommand,
  GetImportCommand,
  ListImportFailuresCommand,
  ListImportsCommand,
  StartImportCommand,
  type CloudTrailClient,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, describe, expect, it } from 'vitest';
import { logFileKey } from '@/domain/delivery-files';
import type { ImportState } from '@/domain/lake-import';
import { DAY, putImportFixture, settledImport, storeEventIds } from '@/test/lake-import-fixture';
import { LOCAL_ACCOUNT, localClients, startLocalServer } from '@/test/local-server';
import type { RunningServer } from '../main';
import { DATABASE_FILE, openDatabase, readMeta, writeMeta } from '../store/database';

const root = mkdtempSync(join(tmpdir(), 'trailview-lake-import-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const ROLE = `arn:aws:iam::${LOCAL_ACCOUNT}:role/lake-import`;

const settled = settledImport;
const markerEventIds = (ct: CloudTrailClient, storeId: string) => storeEventIds(ct, storeId);

describe('copying trail events in the local backend', () => {
  it('copies the range into a later store, lists the corrupt file, and keeps both across restarts', async () => {
    server = await startLocalServer(root);
    let { ct } = localClients(server);
    const { s3 } = localClients(server);
    const base = Date.now() - 10 * DAY;
    const corrupt = logFileKey({
      accountId: LOCAL_ACCOUNT,
      region: 'us-east-1',
      kind: 'CloudTrail',
      time: base - DAY + 20 * 60_000,
      unique: 'eeeeeeeeeeeeeeee',
    });
    const fixture = await putImportFixture(s3, LOCAL_ACCOUNT, 'import-source', base, [
      { key: corrupt, body: new TextEncoder().encode('{"Records": [ {"eventID": "x", ') },
    ]);
    const created = await ct.send(
      new CreateEventDataStoreCommand({ Name: 'copied-events', TerminationProtectionEnabled: false }),
    );
    const arn = created.EventDataStoreArn!;
    const storeId = arn.split('/').at(-1)!;
    // The store was created after the events: it holds none of them by itself.
    expect(await markerEventIds(ct, storeId)).toEqual([]);

    const started = await ct.send(
      new StartImportCommand({
        Destinations: [arn],
        ImportSource: {
          S3: {
            S3LocationUri: 's3://import-source/',
            S3BucketRegion: 'us-east-1',
            S3BucketAccessRoleArn: ROLE,
          },
        },
        StartEventTime: new Date(fixture.startMs),
        EndEventTime: new Date(fixture.endMs),
      }),
    );
    expect(started.ImportStatus).toBe('INITIALIZING');
    const done = await settled(ct, started.ImportId!);
    expect(done.ImportStatus).toBe('COMPLETED');
    const statistics = {
      PrefixesFound: fixture.prefixes,
      PrefixesCompleted: fixture.prefixes,
      FilesCompleted: fixture.files,
      EventsCompleted: fixture.expected.length,
      FailedEntries: 1,
    };
    expect(done.ImportStatistics).toEqual(statistics);
    expect(await markerEventIds(ct, storeId)).toEqual(fixture.expected);
    const failures = await ct.send(new ListImportFailuresCommand({ ImportId: started.ImportId }));
    expect(failures.Failures?.map((f) => [f.Location, f.Status, f.ErrorType])).toEqual([
      [`s3://import-source/${corrupt}`, 'FAILED', 'InvalidLogFile'],
    ]);

    // Restart: the import, its failure and the copied events are all there again.
    await server.stop();
    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    const kept = await ct.send(new GetImportCommand({ ImportId: started.ImportId }));
    expect(kept.ImportStatus).toBe('COMPLETED');
    expect(kept.ImportStatistics).toEqual(statistics);
    expect(kept.Destinations).toEqual([arn]);
    const keptFailures = await ct.send(new ListImportFailuresCommand({ ImportId: started.ImportId }));
    expect(keptFailures.Failures).toHaveLength(1);
    expect(await markerEventIds(ct, storeId)).toEqual(fixture.expected);

    // An import the server stopped in the middle of is FAILED after the restart (and can be retried).
    await server.stop();
    server = undefined;
    const db = await openDatabase(join(root, 'data', DATABASE_FILE));
    try {
      const imports = JSON.parse((await readMeta(db.connection, 'lake_imports'))!) as ImportState[];
      imports[0]!.status = 'IN_PROGRESS';
      await writeMeta(db.connection, 'lake_imports', JSON.stringify(imports));
    } finally {
      db.close();
    }
    server = await startLocalServer(root);
    ({ ct } = localClients(server));
    const listed = await ct.send(new ListImportsCommand({ Destination: arn }));
    expect(listed.Imports?.map((i) => i.ImportStatus)).toEqual(['FAILED']);
    const retried = await ct.send(new StartImportCommand({ ImportId: started.ImportId }));
    expect(retried.ImportStatus).toBe('INITIALIZING');
    expect((await settled(ct, started.ImportId!)).ImportStatus).toBe('COMPLETED');
    expect(await markerEventIds(ct, storeId)).toEqual(fixture.expected);
  }, 120_000);
});
