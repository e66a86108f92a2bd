// EventStore held in memory: per (region, insight) an array ascending by (time, eventId), and per lookup
// attribute value an index list in the same order. Lookups walk backwards from a binary-searched bound.
import { attributeValues, indexRecord, type IndexedEvent } from '@/domain/lookup-event';
import { LOOKUP_ATTRIBUTE_KEYS } from '@/domain/lookup-attributes';
import type { AnyRecord } from '@/domain/record';
import type { AppendResult, Cursor, EventStore, LookupPage, LookupQuery } from './event-store';

interface Partition {
  all: IndexedEvent[];
  byAttribute: Map<string, Map<string, IndexedEvent[]>>;
}

const ascending = (a: IndexedEvent, b: IndexedEvent) =>
  a.time - b.time || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/** Merge a sorted batch into a sorted list; the common cases (all newer, all older) stay O(batch). */
function mergeSorted(list: IndexedEvent[], batch: IndexedEvent[]): IndexedEvent[] {
  if (batch.length === 0) return list;
  if (list.length === 0) return batch;
  if (ascending(list[list.length - 1]!, batch[0]!) <= 0) {
    for (const e of batch) list.push(e);
    return list;
  }
  if (ascending(batch[batch.length - 1]!, list[0]!) <= 0) return batch.concat(list);
  const out: IndexedEvent[] = new Array(list.length + batch.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < list.length && j < batch.length) {
    out[k++] = ascending(list[i]!, batch[j]!) <= 0 ? list[i++]! : batch[j++]!;
  }
  while (i < list.length) out[k++] = list[i++]!;
  while (j < batch.length) out[k++] = batch[j++]!;
  return out;
}

/** Index of the first element that is newer than (time, id), i.e. the exclusive upper bound. */
function upperBound(list: IndexedEvent[], time: number, id: string | null): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid]!;
    const before = e.time < time || (e.time === time && (id === null || e.eventId < id));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemoryEventStore implements EventStore {
  private readonly ids = new Set<string>();
  private readonly partitions = new Map<string, Partition>();
  /** Every record in the order it was appended: the investigation routes read on from where they were. */
  private readonly appended: AnyRecord[] = [];

  async append(records: readonly AnyRecord[]): Promise<AppendResult> {
    return this.appendSync(records);
  }

  hasEvent(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  /** Synchronous append, for generators that fill the store in chunks without awaiting. */
  appendSync(records: readonly AnyRecord[]): AppendResult {
    let duplicates = 0;
    const batches = new Map<string, IndexedEvent[]>();
    for (const record of records) {
      if (this.ids.has(record.eventID)) {
        duplicates++;
        continue;
      }
      this.ids.add(record.eventID);
      this.appended.push(record);
      const event = indexRecord(record);
      const key = partitionKey(event.region, event.category === 'Insight');
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = []));
      batch.push(event);
    }
    for (const [key, batch] of batches) {
      batch.sort(ascending);
      const partition = this.partition(key);
      partition.all = mergeSorted(partition.all, batch);
      for (const attribute of LOOKUP_ATTRIBUTE_KEYS) {
        const groups = new Map<string, IndexedEvent[]>();
        for (const event of batch) {
          for (const value of attributeValues(event, attribute)) {
            let group = groups.get(value);
            if (!group) groups.set(value, (group = []));
            group.push(event);
          }
        }
        let index = partition.byAttribute.get(attribute);
        if (!index) partition.byAttribute.set(attribute, (index = new Map()));
        for (const [value, group] of groups) index.set(value, mergeSorted(index.get(value) ?? [], group));
      }
    }
    return { inserted: records.length - duplicates, duplicates };
  }

  async lookup(query: LookupQuery): Promise<LookupPage> {
    const partition = this.partitions.get(partitionKey(query.region, query.insight));
    if (!partition) return { events: [] };
    const list = query.attribute
      ? (partition.byAttribute.get(query.attribute.key)?.get(query.attribute.value) ?? [])
      : partition.all;
    let end = list.length;
    if (query.endTime !== undefined) end = Math.min(end, upperBound(list, query.endTime, null));
    if (query.after) end = Math.min(end, upperBound(list, query.after.time, query.after.id));
    const events: IndexedEvent[] = [];
    let i = end - 1;
    for (; i >= 0 && events.length < query.limit; i--) {
      const event = list[i]!;
      if (query.startTime !== undefined && event.time < query.startTime) break;
      events.push(event);
    }
    const more = i >= 0 && (query.startTime === undefined || list[i]!.time >= query.startTime);
    const last = events.at(-1);
    const next: Cursor | undefined = more && last ? { time: last.time, id: last.eventId } : undefined;
    return next ? { events, next } : { events };
  }

  async count(): Promise<number> {
    return this.ids.size;
  }

  async regions(): Promise<string[]> {
    return [...new Set([...this.partitions.keys()].map((key) => key.slice(0, key.indexOf('|'))))];
  }

  /** Every stored record, partition by partition (Trailview's session and detection views read them all). */
  *records(): Generator<AnyRecord> {
    for (const partition of this.partitions.values()) for (const event of partition.all) yield event.record;
  }

  /** The records appended at or after position `cursor`, each with the position after it. */
  *appendedSince(cursor: number): Generator<{ cursor: number; record: AnyRecord }> {
    for (let i = cursor; i < this.appended.length; i++) yield { cursor: i + 1, record: this.appended[i]! };
  }

  private partition(key: string): Partition {
    let partition = this.partitions.get(key);
    if (!partition) this.partitions.set(key, (partition = { all: [], byAttribute: new Map() }));
    return partition;
  }
}

function partitionKey(region: string, insight: boolean): string {
  return `${region}|${insight ? 'insight' : 'events'}`;
}
