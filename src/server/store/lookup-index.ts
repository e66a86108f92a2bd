// The in-memory side of the DuckDB store: which rows a LookupEvents page holds. Per (Region, insight)
// partition and per attribute value, a list of row numbers ascending by (time, eventID); a lookup walks
// back from a binary-searched bound and DuckDB then fetches the page's rows by primary key.
// Why not SQL alone: over 1M rows the newest-first top-N costs 5 ms just for the keys and 20 ms with the
// records (measured on DuckDB 1.5.6), which misses the 5 ms median LookupEvents target.
// Memory: typed arrays only (event-columns.ts, event-id-set.ts, seq-list.ts), about 60–80 bytes an
// event; index-file.ts writes it to disk and reads it back, so opening a store does not rebuild it.
import type { LookupAttributeKey } from '@/domain/lookup-attributes';
import type { Cursor, LookupQuery } from '@/emulator/store/event-store';
import { EventColumns, NO_PARTITION, packId } from './event-columns';
import { EventIdSet } from './event-id-set';
import { forEachAttribute, type EventRow, Field } from './event-rows';
import { SeqList } from './seq-list';

/** Batches up to this size are spliced into a list; larger ones are merged into a new one. */
const SPLICE_MAX = 32;

export interface Partition {
  region: string;
  insight: boolean;
  all: SeqList;
  byAttribute: Map<LookupAttributeKey, Map<string, SeqList>>;
}

export class LookupIndex {
  readonly columns: EventColumns;
  readonly ids: EventIdSet;
  readonly partitions: Partition[] = [];
  private readonly partitionByKey = new Map<string, number>();
  private stored: number;

  constructor(loaded?: { columns: EventColumns; ids: EventIdSet; partitions: Partition[]; stored: number }) {
    this.columns = loaded?.columns ?? new EventColumns();
    this.ids = loaded?.ids ?? new EventIdSet(this.columns);
    this.stored = loaded?.stored ?? 0;
    for (const partition of loaded?.partitions ?? []) this.addPartition(partition);
  }

  /** Events stored (claimed IDs of rows still being written are not). */
  get size(): number {
    return this.stored;
  }

  /** Whether an event ID is stored or claimed by a row being written. */
  has(eventId: string): boolean {
    return this.ids.get(eventId) !== undefined;
  }

  /**
   * Claims an event ID for a row about to be written, so a second copy is known as a duplicate before
   * the first is committed; false when it is stored or claimed already. Lookups find the row once `add`ed.
   */
  claim(eventId: string, seq: number): boolean {
    const words = packId(eventId);
    if (this.ids.get(eventId, words) !== undefined) return false;
    this.columns.setId(seq, eventId, words);
    this.ids.add(seq, eventId);
    return true;
  }

  /** Gives up claims for rows that were not written (their transaction failed). */
  release(eventIds: readonly string[]): void {
    for (const id of eventIds) {
      const seq = this.ids.delete(id);
      if (seq !== undefined) this.columns.clear(seq);
    }
  }

  /**
   * Adds claimed rows. The batch is sorted once, so every list it adds to receives an ascending run that
   * is appended (the usual case: newer events) or merged in one pass (imports of older logs).
   */
  add(rows: readonly EventRow[]): void {
    let lastKey = '';
    let partition = -1;
    for (const row of rows) {
      // Rows of a batch mostly share a Region: look the partition up only when it changes.
      const key = partitionKey(row[Field.region], row[Field.category] === 'Insight');
      if (key !== lastKey || partition < 0) {
        partition = this.partitionFor(row[Field.region], row[Field.category] === 'Insight');
        lastKey = key;
      }
      this.columns.place(row[Field.seq], row[Field.time], partition);
    }
    this.stored += rows.length;
    const sorted = [...rows].sort((a, b) => this.ascending(a[Field.seq], b[Field.seq]));
    const runs = new Map<
      number,
      { all: number[]; byAttribute: Map<LookupAttributeKey, Map<string, number[]>> }
    >();
    for (const row of sorted) {
      const seq = row[Field.seq];
      const target = this.columns.partition(seq);
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
      const partition = this.partitions[target]!;
      this.merge(partition.all, run.all);
      for (const [attribute, values] of run.byAttribute) {
        let lists = partition.byAttribute.get(attribute);
        if (!lists) partition.byAttribute.set(attribute, (lists = new Map()));
        for (const [value, seqs] of values) {
          const list = lists.get(value);
          if (list) this.merge(list, seqs);
          else lists.set(value, SeqList.of(seqs));
        }
      }
    }
  }

  /** Row numbers of one page, newest first, and the cursor after it when more match. */
  lookup(query: LookupQuery): { seqs: number[]; next?: Cursor } {
    const list = this.matching(query);
    const times = this.columns;
    let end = list.length;
    if (query.endTime !== undefined) end = Math.min(end, this.upperBound(list, query.endTime, null));
    if (query.after) end = Math.min(end, this.upperBound(list, query.after.time, query.after.id));
    const seqs: number[] = [];
    let i = end - 1;
    for (; i >= 0 && seqs.length < query.limit; i--) {
      const seq = list.at(i);
      if (query.startTime !== undefined && times.time(seq) < query.startTime) break;
      seqs.push(seq);
    }
    const more = i >= 0 && (query.startTime === undefined || times.time(list.at(i)) >= query.startTime);
    const last = seqs.at(-1);
    return more && last !== undefined
      ? { seqs, next: { time: times.time(last), id: this.columns.id(last) } }
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
    for (const { region, insight, all } of this.partitions) {
      if (insight || all.length === 0) continue;
      out.push({
        region,
        events: all.length,
        first: this.columns.time(all.at(0)),
        last: this.columns.time(all.at(all.length - 1)),
      });
    }
    return out;
  }

  /** The rows a query's partition and attribute select, ascending by (time, eventID). */
  private matching(query: Pick<LookupQuery, 'region' | 'insight' | 'attribute'>): SeqList {
    const index = this.partitionByKey.get(partitionKey(query.region, query.insight));
    if (index === undefined) return EMPTY;
    const partition = this.partitions[index]!;
    if (query.attribute?.key === 'EventId') {
      // Event IDs are unique: the ID set instead of a list per event.
      const seq = this.ids.get(query.attribute.value);
      return seq !== undefined && this.columns.partition(seq) === index ? SeqList.of([seq]) : EMPTY;
    }
    return query.attribute
      ? (partition.byAttribute.get(query.attribute.key)?.get(query.attribute.value) ?? EMPTY)
      : partition.all;
  }

  private readonly ascending = (a: number, b: number): number => {
    const dt = this.columns.time(a) - this.columns.time(b);
    return dt !== 0 ? dt : this.columns.compareIds(a, b);
  };

  private merge(list: SeqList, batch: number[]): void {
    if (list.length === 0 || this.ascending(list.at(list.length - 1), batch[0]!) <= 0) {
      for (const seq of batch) list.push(seq);
      return;
    }
    if (batch.length <= SPLICE_MAX) {
      // A few events among the newest (calls served within the same second): move only the tail.
      for (const seq of batch) list.insert(this.insertionPoint(list, seq), seq);
      return;
    }
    const out = new Int32Array(list.length + batch.length + Math.ceil((list.length + batch.length) / 8));
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < list.length && j < batch.length) {
      out[k++] = this.ascending(list.at(i), batch[j]!) <= 0 ? list.at(i++) : batch[j++]!;
    }
    while (i < list.length) out[k++] = list.at(i++);
    while (j < batch.length) out[k++] = batch[j++]!;
    list.replace(out, k);
  }

  /** Index of the first entry that sorts after `seq`. */
  private insertionPoint(list: SeqList, seq: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ascending(list.at(mid), seq) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry newer than (time, id); with id null, newer than time itself. */
  private upperBound(list: SeqList, time: number, id: string | null): number {
    const words = id === null ? undefined : packId(id);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const seq = list.at(mid);
      const t = this.columns.time(seq);
      const before =
        t < time || (t === time && (id === null || this.columns.compareIdTo(seq, id, words) < 0));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private partitionFor(region: string, insight: boolean): number {
    const index = this.partitionByKey.get(partitionKey(region, insight));
    return index ?? this.addPartition({ region, insight, all: new SeqList(), byAttribute: new Map() });
  }

  private addPartition(partition: Partition): number {
    if (this.partitions.length >= NO_PARTITION) throw new Error('Too many Regions in one store.');
    this.partitions.push(partition);
    this.partitionByKey.set(partitionKey(partition.region, partition.insight), this.partitions.length - 1);
    return this.partitions.length - 1;
  }
}

const EMPTY = new SeqList(new Int32Array(0), 0);

function partitionKey(region: string, insight: boolean): string {
  return `${region}|${insight ? 'insight' : 'events'}`;
}
