// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '@/domain/record';
import { openDatabase, type Database } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import type { DetectionsReport } from '@/domain/detections/report';
import { storeInvestigationRoutes } from './store-records';

const dir = mkdtempSync(join(tmpdir(), 'trailview-detect-'));
const rules = join(dir, 'rules');
let db: Database;
let store: DuckDbEventStore;

const event = (
  id: string,
  eventName: string,
  eventSource: string,
  userAgent = 'aws-cli/2',
): CloudTrailRecord => ({
  eventVersion: '1.11',
  userIdentity: { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111111111111:user/alice' },
  eventTime: '2026-12-01T10:00:00Z',
  eventSource,
  eventName,
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.1',
  userAgent,
  requestParameters: { name: 'main' },
  responseElements: null,
  eventID: id,
  eventType: 'AwsApiCall',
});

const userRule = (id: string, eventName: string) =>
  `title: Mine ${eventName}\nid: ${id}\nlevel: low\nlogsource:\n  product: aws\n  service: cloudtrail\ndetection:\n  s:\n    eventName: ${eventName}\n  condition: s\n`;

beforeAll(async () => {
  db = await openDatabase(join(dir, 'trailview.duckdb'));
  store = await DuckDbEventStore.open(db);
  // A bulk write is committed when it resolves (append() commits behind the answer).
  await store.bulk('import', (writer) =>
    writer.append([
      event('e-stop', 'StopLogging', 'cloudtrail.amazonaws.com'),
      event('e-list', 'ListBuckets', 's3.amazonaws.com'),
      event('e-kali', 'GetCallerIdentity', 'sts.amazonaws.com', 'aws-cli/2 Linux/6.5.0-kali3'),
    ]),
  );
});

afterAll(async () => {
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('detections over the DuckDB store', () => {
  it('runs the pack, then picks up a user rule folder as it changes, reporting bad rules', async () => {
    const routes = storeInvestigationRoutes(db, () => store.count(), [rules]);
    const report = async () =>
      (await (await routes.handle(
        new Request('http://localhost/trailview/detections'),
      ))!.json()) as DetectionsReport;
    mkdirSync(rules);
    let result = await report();
    expect(result.problems).toEqual([]);
    expect(result.progress).toEqual({ read: 3, total: 3, complete: true });
    expect(result.hits.map((h) => [h.title, h.eventIds])).toEqual([
      ['API call from a penetration-testing tool', ['e-kali']],
      ['CloudTrail logging stopped', ['e-stop']],
    ]);
    writeFileSync(join(rules, 'mine.yml'), userRule('mine-1', 'ListBuckets'));
    writeFileSync(
      join(rules, 'broken.yml'),
      'title: broken\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s:\n    eventName|wide: x\n  condition: s\n',
    );
    result = await report();
    expect(result.hits.find((h) => h.ruleId === 'mine-1')?.eventIds).toEqual(['e-list']);
    expect(result.problems).toEqual([
      {
        file: join(rules, 'broken.yml'),
        line: 5,
        reason: 'selection s: the modifier "wide" is not supported',
      },
    ]);
  });

  it('lists the --rules folders and leaves out only those the console skips, never reading another path', async () => {
    const routes = storeInvestigationRoutes(db, () => store.count(), [rules]);
    const report = async (query: string) =>
      (await (await routes.handle(
        new Request(`http://localhost/trailview/detections${query}`),
      ))!.json()) as DetectionsReport;
    writeFileSync(join(rules, 'mine.yml'), userRule('mine-1', 'ListBuckets'));
    let result = await report('');
    expect(result.ruleFolders).toEqual([{ folder: rules, used: true }]);
    expect(result.hits.some((h) => h.ruleId === 'mine-1')).toBe(true);

    result = await report(`?skip=${encodeURIComponent(rules)}`);
    expect(result.ruleFolders).toEqual([{ folder: rules, used: false }]);
    expect(result.hits.some((h) => h.ruleId === 'mine-1')).toBe(false);

    // A name that is not one of the server's folders is no folder at all: nothing is added or read.
    result = await report(`?skip=${encodeURIComponent(dir)}&rules=${encodeURIComponent(dir)}`);
    expect(result.ruleFolders).toEqual([{ folder: rules, used: true }]);
    expect(result.problems.map((p) => p.file)).toEqual([join(rules, 'broken.yml')]);
  });

  it('refuses a missing rule folder by name', async () => {
    const routes = storeInvestigationRoutes(db, () => store.count(), [join(dir, 'nope')]);
    await expect(routes.handle(new Request('http://localhost/trailview/detections'))).rejects.toThrow(
      `--rules ${join(dir, 'nope')}: no such folder.`,
    );
  });
});
