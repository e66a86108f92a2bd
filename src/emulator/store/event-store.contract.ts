// The EventStore contract: every implementation (in-memory, DuckDB) must pass this suite.
// It fixes the LookupEvents semantics the stores own: newest first with eventID as tie-break,
// inclusive time bounds, exact attribute matches, cursors that never repeat or skip an event,
// Regions and Insights kept apart, and duplicates skipped.
import { describe, expect, it } from 'vitest';
import type { AnyRecord } from '@/domain/record';
import { makeInsightRecord, makeRecord, T0, testUuid } from '@/test/records';
import type { EventStore, LookupQuery } from './event-store';

const MINUTE = 60_000;

async function drain(store: EventStore, query: Omit<LookupQuery, 'after'>) {
  const ids: string[] = [];
  let after: LookupQuery['after'];
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await store.lookup({ ...query, after });
    ids.push(...page.events.map((e) => e.eventId));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('lookup never ended');
}

export function runEventStoreContract(name: string, makeStore: () => Promise<EventStore>) {
  describe(`EventStore contract: ${name}`, () => {
    async function storeWith(records: AnyRecord[]) {
      const store = await makeStore();
      await store.append(records);
      return store;
    }

    it('returns events newest first, ties broken by eventID descending', async () => {
      const a = makeRecord({ time: T0, eventID: testUuid(0xa) });
      const b = makeRecord({ time: T0, eventID: testUuid(0xb) });
      const older = makeRecord({ time: T0 - MINUTE });
      const newer = makeRecord({ time: T0 + MINUTE });
      const store = await storeWith([a, older, newer, b]);
      const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
      expect(page.events.map((e) => e.eventId)).toEqual([newer.eventID, b.eventID, a.eventID, older.eventID]);
      expect(page.next).toBeUndefined();
    });

    it('pages with cursors without repeating or skipping an event, whatever the insertion order', async () => {
      const records = Array.from({ length: 137 }, (_, i) =>
        makeRecord({ time: T0 - Math.floor(i / 3) * MINUTE }),
      );
      const store = await makeStore();
      await store.append(records.slice(60));
      await store.append(records.slice(0, 60));
      const ids = await drain(store, { region: 'us-east-1', insight: false, limit: 7 });
      expect(ids).toHaveLength(137);
      expect(new Set(ids).size).toBe(137);
      const all = await store.lookup({ region: 'us-east-1', insight: false, limit: 200 });
      expect(ids).toEqual(all.events.map((e) => e.eventId));
    });

    it('treats StartTime and EndTime as inclusive', async () => {
      const records = [0, 1, 2, 3, 4].map((m) => makeRecord({ time: T0 + m * MINUTE }));
      const store = await storeWith(records);
      const page = await store.lookup({
        region: 'us-east-1',
        insight: false,
        startTime: T0 + MINUTE,
        endTime: T0 + 3 * MINUTE,
        limit: 50,
      });
      expect(page.events.map((e) => e.eventId)).toEqual(
        [records[3]!, records[2]!, records[1]!].map((r) => r.eventID),
      );
    });

    it('matches each lookup attribute exactly', async () => {
      const target = makeRecord({
        eventName: 'CreateUser',
        eventSource: 'iam.amazonaws.com',
        userIdentity: {
          type: 'IAMUser',
          userName: 'bob',
          accessKeyId: 'AKIAEXAMPLEBOB000001',
          arn: 'arn:aws:iam::111122223333:user/bob',
        },
        requestParameters: { userName: 'carol' },
        readOnly: false,
      });
      const other = makeRecord({ eventName: 'DescribeInstances', readOnly: true });
      const store = await storeWith([target, other]);
      const cases: Array<[LookupQuery['attribute'], string[]]> = [
        [{ key: 'EventName', value: 'CreateUser' }, [target.eventID]],
        [{ key: 'EventName', value: 'createuser' }, []],
        [{ key: 'EventSource', value: 'iam.amazonaws.com' }, [target.eventID]],
        [{ key: 'Username', value: 'bob' }, [target.eventID]],
        [{ key: 'AccessKeyId', value: 'AKIAEXAMPLEBOB000001' }, [target.eventID]],
        [{ key: 'ReadOnly', value: 'true' }, [other.eventID]],
        [{ key: 'ReadOnly', value: 'false' }, [target.eventID]],
        [{ key: 'ResourceType', value: 'AWS::IAM::User' }, [target.eventID]],
        [{ key: 'ResourceName', value: 'carol' }, [target.eventID]],
        [{ key: 'EventId', value: other.eventID }, [other.eventID]],
      ];
      for (const [attribute, expected] of cases) {
        const page = await store.lookup({ region: 'us-east-1', insight: false, attribute, limit: 50 });
        expect(
          page.events.map((e) => e.eventId),
          JSON.stringify(attribute),
        ).toEqual(expected);
      }
    });

    it('keeps Regions apart', async () => {
      const east = makeRecord({ awsRegion: 'us-east-1' });
      const west = makeRecord({ awsRegion: 'us-west-2' });
      const store = await storeWith([east, west]);
      const page = await store.lookup({ region: 'us-west-2', insight: false, limit: 50 });
      expect(page.events.map((e) => e.eventId)).toEqual([west.eventID]);
    });

    it('returns Insights events only when asked for them', async () => {
      const event = makeRecord();
      const insight = makeInsightRecord();
      const store = await storeWith([event, insight]);
      const events = await store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
      const insights = await store.lookup({ region: 'us-east-1', insight: true, limit: 50 });
      expect(events.events.map((e) => e.eventId)).toEqual([event.eventID]);
      expect(insights.events.map((e) => e.eventId)).toEqual([insight.eventID]);
      const byName = await store.lookup({
        region: 'us-east-1',
        insight: true,
        attribute: { key: 'EventName', value: 'SendCommand' },
        limit: 50,
      });
      expect(byName.events).toHaveLength(1);
    });

    it('skips a record whose eventID is already stored, and keeps the first', async () => {
      const first = makeRecord({ eventName: 'First' });
      const store = await storeWith([first]);
      const again = await store.append([{ ...first, eventName: 'Second' }, makeRecord()]);
      expect(again).toEqual({ inserted: 1, duplicates: 1 });
      expect(await store.count()).toBe(2);
      const page = await store.lookup({ region: 'us-east-1', insight: false, limit: 50 });
      expect(page.events.map((e) => e.eventName).sort()).toEqual(['First', 'RunInstances']);
    });

    it('answers an empty store with no events and no cursor', async () => {
      const store = await makeStore();
      expect(await store.lookup({ region: 'us-east-1', insight: false, limit: 50 })).toEqual({ events: [] });
    });
  });
}
