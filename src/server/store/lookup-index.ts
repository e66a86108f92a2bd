// The in-memory side of the DuckDB store: which rows a LookupEvents page holds. Per (Region, insight)
// partition and per attribute value, a list of row numbers ascending by (time, eventID); a lookup walks
// back from a binary-searched bound and DuckDB then fetches the page's rows by primary key.
// Why not SQL alone: over 1M rows the newest-first top-N costs 5 ms just for the keys and 20 ms with the
// records (measured on DuckDB 1.5.6), which misses the 5 ms median LookupEvents target.
import type { LookupAttributeKey } from '@/domain/lookup-attributes';
import type { Cursor, LookupQuery } from '@/emulator/store/event-store';
import { forEachAttribute, type EventRow, Field } from './event-rows';

/** Batches up to this size are spliced into a list; larger ones are merged into a new one. */
const SPLICE_MAX = 32;

interface Partition {
  all: number[];
  byAttribute: Map<LookupAttributeKey, Map<string, number[]>>;
}

export class LookupIndex {
  private times: number[] = [];
  private ids: string[] = [];
  private partitionBySeq: Array<Partition | undefined> = [];
  private readonly seqById = new Map<string, number>();
  private readonly partitions = new Map<string, Partition>();
  private stored = 0;

  /** Events stored (claimed IDs of rows still being written are not). */
  get size(): number {
    return this.stored;
  }

  /** Whether an event ID is stored or claimed by a row being written. */
  has(eventId: string): boolean {
    return this.seqById.has(eventId);
  }

  /**
   * Claims an event ID for a row being written, so a second copy is known as a duplicate before the
   * first is committed; false when it is stored or claimed already. Lookups find the row once `add`ed.
   */
  claim(eventId: string, seq: number): boolean {
    if (this.seqById.has(eventId)) return false;
    this.seqById.set(eventId, seq);
    return true;
  }

  /** Gives up claims for rows that were not written (their transaction failed). */
  release(eventIds: readonly string[]): void {
    for (const id of eventIds) this.seqById.delete(id);
  }

  /**
   * Adds rows. The batch is sorted once, so every list it adds to receives an ascending run that is
   * appended (the usual case: newer events) or merged in one pass (imports of older logs).
   */
  add(rows: readonly EventRow[]): void {
    let lastKey = '';
    let partition: Partition | undefined;
    for (const row of rows) {
      const seq = row[Field.seq];
      this.times[seq] = row[Field.time];
      this.ids[seq] = row[Field.eventId];
      // Rows of a batch mostly share a Region: look the partition up only when it changes.
      const key = partitionKey(row[Field.region], row[Field.category] === 'Insight');
      if (key !== lastKey || !partition) {
        partition = this.partition(key);
        lastKey = key;
      }
      this.partitionBySeq[seq] = partition;
      this.seqById.set(row[Field.eventId], seq);
    }
    this.stored += rows.length;
    const sorted = [...rows].sort((a, b) => this.ascending(a[Field.seq], b[Field.seq]));
    const runs = new Map<Partition, Partition>();
    for (const row of sorted) {
      const seq = row[Field.seq];
      const target = this.partitionBySeq[seq]!;
      let run = runs.get(target);
      if (!run) runs.set(target, (run = { all: [], byAttribute: new Map() }));
      run.all.push(seq);
      const byAttribute = run.byAttribute;
      forEachAttribute(row, (attribute, value) => {
        let values = byAttribute.get(attribute);
        if (!values) byAttribute.set(attribute, (values = new Map()));
        const list = values.get(value);
        if (list) list.push(seq);
        else values.set(value, [seq]);
      });
    }
    for (const [target, run] of runs) {
      target.all = this.merge(target.all, run.all);
      for (const [attribute, values] of run.byAttribute) {
        let lists = target.byAttribute.get(attribute);
        if (!lists) target.byAttribute.set(attribute, (lists = new Map()));
        for (const [value, seqs] of values) lists.set(value, this.merge(lists.get(value) ?? [], seqs));
      }
    }
  }

  /**
   * Loading from the database: makes room for row numbers below `count`. Filled arrays stay in V8's
   * fast element kinds; assigning rows out of order into empty ones turns them into slow dictionaries.
   */
  reserve(count: number): void {
    if (this.times.length > 0 || count === 0) return;
    this.times = new Array<number>(count).fill(0);
    this.ids = new Array<string>(count).fill('');
    this.partitionBySeq = new Array<Partition | undefined>(count).fill(undefined);
  }

  /** Loading from the database: one stored event (any order, after reserve). */
  setEvent(seq: number, time: number, eventId: string): void {
    this.times[seq] = time;
    this.ids[seq] = eventId;
    this.seqById.set(eventId, seq);
    this.stored++;
  }

  /** Loading from the database: a partition's lists, each ascending by (time, eventID). */
  setPartition(
    region: string,
    insight: boolean,
    all: number[],
    byAttribute: Map<LookupAttributeKey, Map<string, number[]>>,
  ): void {
    const partition = this.partition(partitionKey(region, insight));
    partition.all = all;
    partition.byAttribute = byAttribute;
    for (const seq of all) this.partitionBySeq[seq] = partition;
  }

  /** Row numbers of one page, newest first, and the cursor after it when more match. */
  lookup(query: LookupQuery): { seqs: number[]; next?: Cursor } {
    const list = this.matching(query);
    let end = list.length;
    if (query.endTime !== undefined) end = Math.min(end, this.upperBound(list, query.endTime, null));
    if (query.after) end = Math.min(end, this.upperBound(list, query.after.time, query.after.id));
    const seqs: number[] = [];
    let i = end - 1;
    for (; i >= 0 && seqs.length < query.limit; i--) {
      const seq = list[i]!;
      if (query.startTime !== undefined && this.times[seq]! < query.startTime) break;
      seqs.push(seq);
    }
    const more = i >= 0 && (query.startTime === undefined || this.times[list[i]!]! >= query.startTime);
    const last = seqs.at(-1);
    return more && last !== undefined
      ? { seqs, next: { time: this.times[last]!, id: this.ids[last]! } }
      : { seqs };
  }

  /**
   * How many events of a partition (and attribute value) fall in each interval [edges[i], edges[i + 1]):
   * one binary search per edge, so Events over time counts a whole range without reading a row.
   */
  countBetween(
    query: Pick<LookupQuery, 'region' | 'insight' | 'attribute'>,
    edges: readonly number[],
  ): number[] {
    const list = this.matching(query);
    // The first entry at or after each edge (times are whole milliseconds).
    const firstAtOrAfter = edges.map((edge) => this.upperBound(list, edge - 1, null));
    return firstAtOrAfter.slice(1).map((position, i) => position - firstAtOrAfter[i]!);
  }

  /** Per Region, the events Event history can show (not Insights events), oldest and newest time. */
  extent(): { region: string; events: number; first: number; last: number }[] {
    const out: { region: string; events: number; first: number; last: number }[] = [];
    for (const [key, partition] of this.partitions) {
      const [region, kind] = key.split('|') as [string, string];
      const first = partition.all[0];
      const last = partition.all.at(-1);
      if (kind !== 'events' || first === undefined || last === undefined) continue;
      out.push({ region, events: partition.all.length, first: this.times[first]!, last: this.times[last]! });
    }
    return out;
  }

  /** The rows a query's partition and attribute select, ascending by (time, eventID). */
  private matching(query: Pick<LookupQuery, 'region' | 'insight' | 'attribute'>): readonly number[] {
    const partition = this.partitions.get(partitionKey(query.region, query.insight));
    if (!partition) return [];
    if (query.attribute?.key === 'EventId') {
      // Event IDs are unique: a map lookup instead of a million one-element lists.
      const seq = this.seqById.get(query.attribute.value);
      return seq !== undefined && this.partitionBySeq[seq] === partition ? [seq] : [];
    }
    return query.attribute
      ? (partition.byAttribute.get(query.attribute.key)?.get(query.attribute.value) ?? [])
      : partition.all;
  }

  private readonly ascending = (a: number, b: number): number => {
    const dt = this.times[a]! - this.times[b]!;
    if (dt !== 0) return dt;
    const ia = this.ids[a]!;
    const ib = this.ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  private merge(list: number[], batch: number[]): number[] {
    if (list.length === 0) return batch;
    if (this.ascending(list[list.length - 1]!, batch[0]!) <= 0) {
      for (const seq of batch) list.push(seq);
      return list;
    }
    if (batch.length <= SPLICE_MAX) {
      // A few events among the newest (calls served within the same second): move only the tail.
      for (const seq of batch) list.splice(this.insertionPoint(list, seq), 0, seq);
      return list;
    }
    if (this.ascending(batch[batch.length - 1]!, list[0]!) <= 0) return batch.concat(list);
    const out: number[] = new Array<number>(list.length + batch.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < list.length && j < batch.length) {
      out[k++] = this.ascending(list[i]!, batch[j]!) <= 0 ? list[i++]! : batch[j++]!;
    }
    while (i < list.length) out[k++] = list[i++]!;
    while (j < batch.length) out[k++] = batch[j++]!;
    return out;
  }

  /** Index of the first entry that sorts after `seq`. */
  private insertionPoint(list: readonly number[], seq: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ascending(list[mid]!, seq) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry newer than (time, id); with id null, newer than time itself. */
  private upperBound(list: readonly number[], time: number, id: string | null): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const seq = list[mid]!;
      const t = this.times[seq]!;
      const before = t < time || (t === time && (id === null || this.ids[seq]! < id));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
