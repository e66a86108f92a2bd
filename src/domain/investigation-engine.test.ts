// @vitest-environment node
// The progressive, incremental reading behind the investigation routes: a first answer before the whole
// store is read, then only what was appended since, and a fresh start when the rules change.
import { describe, expect, it } from 'vitest';
import { makeRecord, T0 } from '@/test/records';
import { RULE_PACK_SOURCES } from './detections/rule-pack';
import type { RuleSource } from './detections/rule-set';
import { InvestigationEngine, type TailItem, type TailSource } from './investigation-engine';
import type { AnyRecord } from './record';

/** An append-only list of records that counts how many it handed out. */
function listSource(records: AnyRecord[]): TailSource & { handed: number } {
  const source = {
    handed: 0,
    count: async () => records.length,
    *tail(cursor: number): Generator<TailItem> {
      for (let i = cursor; i < records.length; i++) {
        source.handed += 1;
        yield { cursor: i + 1, record: records[i]! };
      }
    },
  };
  return source;
}

const calls = (n: number, from: number, eventName = 'DescribeInstances', eventSource = 'ec2.amazonaws.com') =>
  Array.from({ length: n }, (_, i) => makeRecord({ time: T0 + (from + i) * 1000, eventName, eventSource }));

describe('InvestigationEngine', () => {
  it('answers with what it has read so far, then completes', async () => {
    const records = calls(30_000, 0);
    const engine = new InvestigationEngine(listSource(records), () => RULE_PACK_SOURCES);
    const first = await engine.progress();
    expect(first.progress.total).toBe(30_000);
    expect(first.progress.read).toBeGreaterThan(0);
    const scan = await engine.complete();
    expect(scan.read).toBe(30_000);
    expect((await engine.progress()).progress).toEqual({ read: 30_000, total: 30_000, complete: true });
  });

  it('reads only what was appended since, and starts over when the rules change', async () => {
    const records = calls(100, 0);
    const source = listSource(records);
    const engine = new InvestigationEngine(source, () => RULE_PACK_SOURCES);
    await engine.complete();
    expect(source.handed).toBe(100);

    records.push(...calls(1, 100, 'StopLogging', 'cloudtrail.amazonaws.com'));
    let scan = await engine.complete();
    expect(source.handed).toBe(101);
    expect(engine.detections(scan).hits.map((h) => h.title)).toEqual(['CloudTrail logging stopped']);

    // A request with other rules (an edited --rules folder, a folder turned off) reads everything again.
    const none: readonly RuleSource[] = [];
    scan = await engine.complete(none);
    expect(source.handed).toBe(202);
    expect(engine.detections(scan).hits).toEqual([]);
  });
});
