// @vitest-environment node
// The importer on fixtures generated here: an S3-layout folder of gzip and plain log files, a JSON array,
// JSON lines, a single event, LookupEvents output, duplicates, the oddities of real logs and corrupt files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyRecord } from '@/domain/record';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { makeRecord, T0 } from '@/test/records';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import type { RecordWithJson } from '../store/event-rows';
import { Importer, type ImportSink } from './importer';
import { looksLikeJsonLines } from './line-splitter';

const root = mkdtempSync(join(tmpdir(), 'trailview-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string | Buffer): string {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const records = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({ time: T0 - (from + i) * 1000, eventName: `Call${from + i}` }),
  );

/** A sink over the in-memory store that keeps the JSON texts it was given. */
function memorySink() {
  const store = new MemoryEventStore();
  const texts = new Map<string, string | undefined>();
  const sink: ImportSink = {
    async appendWithJson(items: readonly RecordWithJson[]) {
      for (const { record, json } of items) if (!texts.has(record.eventID)) texts.set(record.eventID, json);
      return store.append(items.map((i) => i.record));
    },
  };
  return { store, texts, sink };
}

describe('Importer', () => {
  const s3 = 'layout/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20';
  const gz = records(3, 0);
  const plain = records(2, 3);
  write(
    `${s3}/111122223333_CloudTrail_us-east-1_20261120T1200Z_a.json.gz`,
    gzipSync(JSON.stringify({ Records: gz })),
  );
  write(
    `${s3}/111122223333_CloudTrail_us-east-1_20261120T1205Z_b.json`,
    JSON.stringify({ Records: plain }, null, 2),
  );
  write(
    'layout/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/digest.json.gz',
    gzipSync('{"digestStartTime":"x"}'),
  );
  write('layout/README.md', '# not a log');

  it('imports an S3-layout folder of gzip and plain files, skipping digests and other files', async () => {
    const { store, sink } = memorySink();
    const summary = await new Importer(sink).importPaths([join(root, 'layout')]);
    expect(summary).toMatchObject({
      filesRead: 2,
      eventsRead: 5,
      eventsImported: 5,
      duplicatesSkipped: 0,
      rejected: {},
    });
    expect(summary.filesSkipped.map((f) => f.reason).sort()).toEqual([
      'digest files',
      'not a log file (by name)',
    ]);
    expect(await store.count()).toBe(5);
  });

  it('reads JSON arrays, JSON lines, single events and LookupEvents output, by content', async () => {
    const [a, b, c, d, e] = records(5, 10) as [AnyRecord, AnyRecord, AnyRecord, AnyRecord, AnyRecord];
    const lookupOutput = {
      Events: [{ EventId: e.eventID, CloudTrailEvent: JSON.stringify(e) }],
      NextToken: 'x',
    };
    const files = [
      write('formats/array.json', JSON.stringify([a, b])),
      write('formats/lines.jsonl', `${JSON.stringify(c)}\n${JSON.stringify({ Records: [d] })}\n`),
      write('formats/single.json.cloudtrail', JSON.stringify(a)),
      write('formats/lookup-events.json', JSON.stringify(lookupOutput)),
      write('formats/empty.json', '[]'),
    ];
    const { store, texts, sink } = memorySink();
    const summary = await new Importer(sink).importPaths(files);
    expect(summary).toMatchObject({ filesRead: 5, eventsRead: 6, eventsImported: 5, duplicatesSkipped: 1 });
    const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
    expect(page.events.map((ev) => ev.eventId)).toEqual([a, b, c, d, e].map((r) => r.eventID));
    // The bytes of the file are kept, not a re-serialisation.
    expect(texts.get(e.eventID)).toBe(JSON.stringify(e));
  });

  it('survives the oddities of real logs and reports each record it cannot use with its reason', async () => {
    const logstash = { ...makeRecord(), '@timestamp': '2020-09-14T00:44:23.000Z' } as Record<string, unknown>;
    delete logstash.eventTime;
    delete logstash.readOnly;
    delete logstash.eventCategory;
    const noType = makeRecord({ userIdentity: { principalId: 'x', invokedBy: 'ssm.amazonaws.com' } });
    const noTime = makeRecord() as unknown as Record<string, unknown>;
    delete noTime.eventTime;
    const file = write(
      'odd/mixed.json',
      `[${JSON.stringify(logstash)}, ${JSON.stringify(noType)}, ${JSON.stringify(noTime)}, {"eventID": 1}, 42, {"Records": 5}, {"broken": ]`,
    );
    const { store, sink } = memorySink();
    const summary = await new Importer(sink).importPaths([file]);
    expect(summary.eventsImported).toBe(2);
    expect(summary.rejected).toEqual({
      'no eventTime': 1,
      'no eventID': 1,
      'not a JSON object': 1,
      'Records is not an array': 1,
      'invalid JSON': 1,
    });
    expect(summary.rejectionExamples[0]).toEqual({ file, reason: 'no eventTime' });
    const page = await store.lookup({
      region: 'us-east-1',
      insight: false,
      limit: 50,
      startTime: Date.parse('2020-09-14T00:00:00Z'),
      endTime: Date.parse('2020-09-15T00:00:00Z'),
    });
    expect(page.events).toHaveLength(1);
    expect(page.events[0]!.record.eventTime).toBe('2020-09-14T00:44:23Z');
  });

  it('refuses event times that are not ISO 8601 instants with a zone, and records that are not UTF-8', async () => {
    const at = (eventTime: string, i: number) =>
      JSON.stringify({ ...makeRecord({ eventName: `Timed${i}` }), eventTime });
    const times = [
      '2026-11-20T08:00:00Z', // kept
      '2026-11-20T08:00:00.123Z', // kept
      '2026-11-20T10:00:00+02:00', // kept
      '12345',
      '1',
      '2026-11-20 08:00:00',
      'Fri, 20 Nov 2026 08:00:00 GMT',
      '2026-02-30T00:00:00Z',
      '2026-11-20T08:00:00',
    ];
    const good = Buffer.from(`{"Records":[${times.map(at).join(',')},`);
    // And one record with raw bytes in a string that are not UTF-8.
    const record = Buffer.from(JSON.stringify(makeRecord({ eventName: 'Latin1', userAgent: 'agent-X' })));
    const cut = record.indexOf('agent-X');
    const notUtf8 = Buffer.concat([record.subarray(0, cut), Buffer.from([0xff, 0xfe]), record.subarray(cut)]);
    const file = write('odd/times.json', Buffer.concat([good, notUtf8, Buffer.from(']}')]));
    const { store, sink } = memorySink();
    const summary = await new Importer(sink).importPaths([file]);
    expect(summary.eventsImported).toBe(3);
    expect(summary.rejected).toEqual({
      'eventTime is not an ISO 8601 time': 4,
      'eventTime is not a time': 1,
      'eventTime has no time zone (Z or an offset)': 1,
      'not UTF-8 text': 1,
    });
    const page = await store.lookup({
      region: 'us-east-1',
      insight: false,
      limit: 50,
      startTime: Date.parse('2026-11-20T07:59:00Z'),
      endTime: Date.parse('2026-11-20T08:01:00Z'),
    });
    expect(page.events.map((e) => ('eventName' in e.record ? e.record.eventName : '')).sort()).toEqual([
      'Timed0',
      'Timed1',
      'Timed2',
    ]);
  });

  it('reads a linked file, and skips a link to a folder (a loop) or to nothing with a reason', async () => {
    const target = write('links-target/events.json', JSON.stringify({ Records: records(2, 40) }));
    const folder = join(root, 'links');
    write('links/real.json', JSON.stringify({ Records: records(1, 50) }));
    symlinkSync(target, join(folder, 'linked.json'));
    symlinkSync(folder, join(folder, 'loop'));
    symlinkSync(join(root, 'missing.json'), join(folder, 'dangling.json'));
    const { sink } = memorySink();
    const summary = await new Importer(sink).importPaths([folder]);
    expect(summary.eventsImported).toBe(3);
    expect(summary.filesSkipped).toEqual([
      { file: join(folder, 'dangling.json'), reason: 'a link to nothing' },
      { file: join(folder, 'loop'), reason: 'a link to a folder (not followed)' },
    ]);
  });

  it('keeps what a corrupt file held before the damage and goes on with the next file', async () => {
    const good = records(2, 20);
    const truncated = gzipSync(JSON.stringify({ Records: records(4, 30) })).subarray(0, 120);
    const files = [
      write('corrupt/1-truncated.json.gz', truncated),
      write('corrupt/2-cut.json', `{"Records":[${JSON.stringify(good[0])},{"eventID":`),
      write('corrupt/3-text.json', 'this is not JSON'),
      write('corrupt/4-good.json', JSON.stringify({ Records: [good[1]] })),
    ];
    const { store, sink } = memorySink();
    const summary = await new Importer(sink).importPaths(files);
    expect(summary.filesFailed.map((f) => f.file)).toEqual([files[0], files[1]]);
    expect(summary.filesFailed[1]!.reason).toBe('The file ends in the middle of a JSON value.');
    expect(summary.filesSkipped).toEqual([{ file: files[2], reason: 'not JSON' }]);
    expect(summary.eventsImported).toBe(2);
    expect(
      (await store.lookup({ region: 'us-east-1', insight: false, limit: 50 })).events.map((e) => e.eventId),
    ).toEqual(good.map((r) => r.eventID));
  });

  it('reports a broken JSON line with its line number and imports every good line after it', async () => {
    const good = records(20, 40).map((r) => JSON.stringify(r));
    const lines = [...good.slice(0, 10), '{"eventID": "cut", "eventTime": ', ...good.slice(10, 15)];
    lines.push('', 'not json at all', ...good.slice(15), '{"eventVersion": [}');
    const file = write('lines/broken.jsonl', lines.join('\r\n'));
    const { store, sink } = memorySink();
    const summary = await new Importer(sink).importPaths([file]);
    expect(summary).toMatchObject({ eventsImported: 20, rejected: { 'invalid JSON': 3 }, filesFailed: [] });
    expect(summary.rejectionExamples).toEqual([
      { file, reason: 'invalid JSON', line: 11 },
      { file, reason: 'invalid JSON', line: 18 },
      { file, reason: 'invalid JSON', line: 24 },
    ]);
    expect(await store.count()).toBe(20);
  });

  it('tells JSON lines from pretty-printed JSON and a Records wrapper by their first lines', () => {
    const decide = (text: string) => looksLikeJsonLines(Buffer.from(text), true);
    expect(decide('{"a":1}\n{"b":2}\n')).toBe(true);
    expect(decide('{"a":1, "cut": \n{"b":2}')).toBe(true);
    expect(decide('{\n  "Records": []\n}')).toBe(false);
    expect(decide('{"Records": [\n{"b":2}\n]}')).toBe(false);
    expect(decide('{"Records":[{"b":2}]}')).toBe(false);
    expect(decide('[{"a":1},\n{"b":2}]')).toBe(false);
    expect(looksLikeJsonLines(Buffer.from('{"a":1}\n{"b"'), false)).toBeUndefined();
  });

  it('adds nothing when the same files are imported again into the DuckDB store', async () => {
    const db = await openDatabase(join(root, 'again.duckdb'));
    const store = await DuckDbEventStore.open(db);
    try {
      const run = () =>
        store.bulk('import', (writer) =>
          new Importer(writer, { batchSize: 2 }).importPaths([join(root, 'layout')]),
        );
      expect(await run()).toMatchObject({ eventsImported: 5, duplicatesSkipped: 0 });
      expect(await run()).toMatchObject({ eventsImported: 0, duplicatesSkipped: 5 });
      expect(await store.count()).toBe(5);
    } finally {
      await store.close();
      db.close();
    }
  });
});
