// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runEventStoreContract } from '@/emulator/store/event-store.contract';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase, readMeta, type Database } from './database';
import { DuckDbEventStore } from './duckdb-event-store';
import { RecordFile, recordFileOf } from './record-file';

const dir = mkdtempSync(join(tmpdir(), 'trailview-store-'));
const open: Array<{ db: Database; store: DuckDbEventStore }> = [];
let n = 0;

async function openStore(file = join(dir, `store-${++n}.duckdb`)) {
  const db = await openDatabase(file);
  const store = await DuckDbEventStore.open(db);
  open.push({ db, store });
  return { db, store, file };
}

async function closeStore(opened: { db: Database; store: DuckDbEventStore }) {
  await opened.store.close();
  opened.db.close();
  open.splice(
    open.findIndex((o) => o.store === opened.store),
    1,
  );
}

afterAll(async () => {
  for (const opened of [...open]) await closeStore(opened);
  rmSync(dir, { recursive: true, force: true });
});

runEventStoreContract('duckdb', async () => (await openStore()).store);

describe('DuckDB EventStore persistence', () => {
  it('finds every event, its attributes and its cursor order again after reopening the file', async () => {
    const first = await openStore();
    const records = Array.from({ length: 30 }, (_, i) =>
      makeRecord({ time: T0 - Math.floor(i / 2) * 60_000, readOnly: i % 2 === 0 }),
    );
    await first.store.append(records);
    const before = await first.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    await closeStore(first);

    const again = await openStore(first.file);
    expect(await again.store.count()).toBe(30);
    const after = await again.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    expect(after.events.map((e) => e.eventId)).toEqual(before.events.map((e) => e.eventId));
    const readOnly = await again.store.lookup({
      region: 'us-east-1',
      insight: false,
      attribute: { key: 'ReadOnly', value: 'true' },
      limit: 50,
    });
    expect(readOnly.events).toHaveLength(15);
    expect(await again.store.append(records.slice(0, 5))).toEqual({ inserted: 0, duplicates: 5 });
  });

  it('keeps the JSON text it was given and stores nothing of a batch that fails', async () => {
    const { store } = await openStore();
    const record = makeRecord();
    const json = JSON.stringify(record, null, 2);
    await store.appendWithJson([{ record, json }]);
    const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 5 });
    expect(page.events[0]!.record).toEqual(record);
    const bad = { ...makeRecord(), eventTime: 'not a time' };
    await expect(store.append([makeRecord(), bad])).rejects.toThrow(/eventTime/);
    expect(await store.count()).toBe(1);
    expect(await store.append([makeRecord()])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await store.count()).toBe(2);
  });

  it('writes a bulk transaction whole or not at all, and finds what it committed after reopening', async () => {
    const first = await openStore();
    const kept = Array.from({ length: 5 }, (_, i) => makeRecord({ time: T0 - i * 1000 }));
    await first.store.bulk('import', (writer) => writer.append(kept));
    const lost = [makeRecord(), makeRecord()];
    const failed = first.store.bulk('import', async (writer) => {
      expect(await writer.append([...lost, lost[0]!])).toEqual({ inserted: 2, duplicates: 1 });
      throw new Error('the import broke');
    });
    await expect(failed).rejects.toThrow('the import broke');
    expect(await first.store.count()).toBe(5);
    // What the failed transaction held is not stored, so it is not a duplicate either.
    const byId = await first.store.lookup({
      region: 'us-east-1',
      insight: false,
      attribute: { key: 'EventId', value: lost[0]!.eventID },
      limit: 5,
    });
    expect(byId.events).toEqual([]);
    await first.store.bulk('import', async (writer) =>
      expect(await writer.append([...lost, kept[0]!])).toEqual({ inserted: 2, duplicates: 1 }),
    );
    expect(await first.store.count()).toBe(7);
    const written = makeRecord({ time: T0 + 1000, eventName: 'WrittenBehind' });
    await first.store.append([written]);
    await closeStore(first);

    const again = await openStore(first.file);
    expect(await again.store.count()).toBe(8);
    const page = await again.store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    expect(page.events[0]!.eventName).toBe('WrittenBehind');
    expect(page.events.map((e) => e.eventId).sort()).toEqual(
      [...kept, ...lost, written].map((r) => r.eventID).sort(),
    );
  });

  it('moves a schema 1 file (records as JSON text) to the current schema, keeping every event', async () => {
    const file = join(dir, 'schema-1.duckdb');
    const record = makeRecord({ eventName: 'PutBucketPolicy' });
    const json = JSON.stringify({ ...record, userAgent: 'café "quoted" \\ agent' });
    const old = await DuckDBInstance.create(file);
    const sql = await old.connect();
    await sql.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
    await sql.run(`INSERT INTO meta VALUES ('schema_version', '1'), ('account', 'kept')`);
    await sql.run(
      `CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id VARCHAR NOT NULL, time_ms BIGINT NOT NULL,
        region VARCHAR NOT NULL, category VARCHAR NOT NULL, event_name VARCHAR NOT NULL,
        event_source VARCHAR NOT NULL, read_only VARCHAR, username VARCHAR, access_key_id VARCHAR,
        resource_types VARCHAR NOT NULL, resource_names VARCHAR NOT NULL, origin VARCHAR NOT NULL,
        record JSON NOT NULL)`,
    );
    await sql.run(
      `CREATE TABLE account_state (id INTEGER PRIMARY KEY, snapshot JSON NOT NULL, updated_ms BIGINT NOT NULL)`,
    );
    await sql.run(`INSERT INTO account_state VALUES (1, '{"trails":[]}', 5)`);
    await sql.run(
      `INSERT INTO events VALUES (0, $1, $2, 'us-east-1', 'Management', 'PutBucketPolicy',
        's3.amazonaws.com', 'false', NULL, NULL, '', '', 'import', $3)`,
      [record.eventID, Date.parse(record.eventTime), json],
    );
    sql.closeSync();
    old.closeSync();

    const { db, store } = await openStore(file);
    expect(await readMeta(db.connection, 'schema_version')).toBe('2');
    expect(await readMeta(db.connection, 'account')).toBe('kept');
    const state = await db.connection.runAndReadAll(
      'SELECT snapshot::VARCHAR, updated_ms FROM account_state',
    );
    expect(state.getRows()).toEqual([['{"trails":[]}', 5n]]);
    await db.connection.run('CHECKPOINT');
    const storage = await db.connection.runAndReadAll(
      `SELECT DISTINCT compression FROM pragma_storage_info('events') WHERE column_name = 'record' AND segment_type = 'BLOB'`,
    );
    expect(storage.getRows()).toEqual([['Uncompressed']]);
    const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 5 });
    expect(page.events.map((e) => e.json)).toEqual([json]);
    expect(await store.append([makeRecord()])).toEqual({ inserted: 1, duplicates: 0 });
  });

  it('creates events without an index on seq, and keeps using a file whose seq is a primary key', async () => {
    const primaryKeys = async (db: Database) =>
      Number(
        (
          await db.connection.runAndReadAll(
            `SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type = 'PRIMARY KEY'`,
          )
        ).getRows()[0]![0],
      );
    const fresh = await openStore();
    expect(await primaryKeys(fresh.db)).toBe(0);

    // A schema 2 file as the versions before this one created it.
    const file = join(dir, 'schema-2-with-key.duckdb');
    const old = await DuckDBInstance.create(file);
    const sql = await old.connect();
    await sql.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
    await sql.run(`INSERT INTO meta VALUES ('schema_version', '2')`);
    await sql.run(
      `CREATE TABLE events (seq INTEGER PRIMARY KEY, event_id VARCHAR NOT NULL, time_ms BIGINT NOT NULL,
        region VARCHAR NOT NULL, category VARCHAR NOT NULL, event_name VARCHAR NOT NULL,
        event_source VARCHAR NOT NULL, read_only VARCHAR, username VARCHAR, access_key_id VARCHAR,
        resource_types VARCHAR NOT NULL, resource_names VARCHAR NOT NULL, origin VARCHAR NOT NULL,
        record BLOB NOT NULL USING COMPRESSION uncompressed)`,
    );
    sql.closeSync();
    old.closeSync();
    const keyed = await openStore(file);
    expect(await primaryKeys(keyed.db)).toBe(1);
    const records = [makeRecord({ eventName: 'First' }), makeRecord({ eventName: 'Second' })];
    expect(await keyed.store.append(records)).toEqual({ inserted: 2, duplicates: 0 });
    expect(
      await keyed.store.bulk('import', (writer) => writer.appendWithJson([{ record: makeRecord() }])),
    ).toEqual({
      inserted: 1,
      duplicates: 0,
    });
    await closeStore(keyed);
    const again = await openStore(file);
    expect(await again.store.count()).toBe(3);
  });
});

describe('the records file beside the database', () => {
  const page = (store: DuckDbEventStore) => store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
  const waitFilled = async (store: DuckDbEventStore) => {
    while (store.fillingRecords) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('copies the rows of a store that had none, and serves the same events from it', async () => {
    const first = await openStore();
    await first.store.append(Array.from({ length: 40 }, (_, i) => makeRecord({ time: T0 - i * 1000 })));
    await first.store.commit();
    const before = await page(first.store);
    await closeStore(first);
    rmSync(recordFileOf(first.file));
    rmSync(`${recordFileOf(first.file)}.at`);

    const again = await openStore(first.file);
    await waitFilled(again.store);
    const records = RecordFile.open(recordFileOf(first.file));
    expect(records.unplaced(0, 40)).toEqual([]);
    await records.close();
    expect((await page(again.store)).events).toEqual(before.events);
  });

  it('places the records of a bulk write in the file once its transactions commit', async () => {
    const { store, file } = await openStore();
    const records = Array.from({ length: 30 }, (_, i) => makeRecord({ time: T0 - i * 1000 }));
    // Transactions of 7 rows: four commit during the write, the last at its end.
    await store.bulk(
      'import',
      async (writer) => {
        for (let i = 0; i < records.length; i += 10)
          await writer.appendWithJson(records.slice(i, i + 10).map((record) => ({ record })));
      },
      7,
    );
    const kept = RecordFile.open(recordFileOf(file), { threads: false });
    try {
      expect(kept.unplaced(0, 30)).toEqual([]);
      const bytes = await kept.read([0, 29]);
      expect(JSON.parse(new TextDecoder().decode(bytes.get(29))).eventID).toBe(records[29]!.eventID);
    } finally {
      await kept.close();
    }
  });

  it('forgets the places of the rows a killed bulk write left, when it is rolled back at the next open', async () => {
    const first = await openStore();
    const records = Array.from({ length: 20 }, (_, i) => makeRecord({ time: T0 - i * 1000 }));
    await first.store.bulk('import', (writer) =>
      writer.appendWithJson(records.map((record) => ({ record }))),
    );
    // As if the process had been killed after the commits and before the write was marked finished.
    await first.db.connection.run(
      `INSERT INTO meta VALUES ('unfinished_bulk', '{"first":10,"origin":"import"}')`,
    );
    await closeStore(first);

    const again = await openStore(first.file);
    expect(await again.store.count()).toBe(10);
    await waitFilled(again.store);
    const kept = RecordFile.open(recordFileOf(first.file), { threads: false });
    try {
      expect(kept.unplaced(0, 20)).toEqual(Array.from({ length: 10 }, (_, i) => 10 + i));
    } finally {
      await kept.close();
    }
  });

  it('never serves bytes that are not the row’s event: it reads those from DuckDB', async () => {
    const first = await openStore();
    const stored = Array.from({ length: 5 }, (_, i) => makeRecord({ time: T0 - i * 1000 }));
    await first.store.append(stored);
    await first.store.commit();
    const before = await page(first.store);
    await closeStore(first);
    // Every row's place now names the first row's record (as after a crash, or rows numbered again).
    const at = `${recordFileOf(first.file)}.at`;
    const places = new Float64Array(readFileSync(at).buffer.slice(0));
    for (let row = 1; row < 5; row++) places.set([places[0]!, places[1]!], row * 2);
    writeFileSync(at, new Uint8Array(places.buffer));

    const again = await openStore(first.file);
    expect((await page(again.store)).events.map((e) => e.eventId)).toEqual(
      before.events.map((e) => e.eventId),
    );
  });
});
