// Rebuilds the LookupIndex from the events table when a data dir is opened. DuckDB sorts and groups:
// each list arrives ordered by (time, eventID), one query per lookup attribute. About 4× faster than
// reading every row's attributes into JavaScript and sorting there (1M events: ~5 s instead of ~20 s).
import type { DuckDBConnection, DuckDBListValue } from '@duckdb/node-api';
import type { LookupAttributeKey } from '@/domain/lookup-attributes';
import type { LookupIndex } from './lookup-index';

const ORDERED_SEQS = 'list(seq ORDER BY time_ms, event_id)';
const PARTITION = `region, category = 'Insight' AS insight`;

/** Attributes with one value per event, by column. */
const SCALAR_ATTRIBUTES: Array<[LookupAttributeKey, string]> = [
  ['EventName', 'event_name'],
  ['EventSource', 'event_source'],
  ['ReadOnly', 'read_only'],
  ['Username', 'username'],
  ['AccessKeyId', 'access_key_id'],
];

/** Attributes with a list of values per event (the derived Resources). */
const LIST_ATTRIBUTES: Array<[LookupAttributeKey, string]> = [
  ['ResourceType', 'resource_types'],
  ['ResourceName', 'resource_names'],
];

interface LoadedPartition {
  region: string;
  insight: boolean;
  all: number[];
  byAttribute: Map<LookupAttributeKey, Map<string, number[]>>;
}

/** Loads the index; returns the next free row number. */
export async function loadIndex(connection: DuckDBConnection, index: LookupIndex): Promise<number> {
  const [[rows]] = (
    await connection.runAndReadAll('SELECT coalesce(max(seq) + 1, 0) FROM events')
  ).getRows() as [[number]];
  index.reserve(rows);
  let nextSeq = 0;
  const events = await connection.stream('SELECT seq, time_ms::DOUBLE, event_id FROM events');
  for await (const chunk of events) {
    const [seqs, times, ids] = chunk.getColumns() as [number[], number[], string[]];
    for (let i = 0; i < seqs.length; i++) {
      index.setEvent(seqs[i]!, times[i]!, ids[i]!);
      if (seqs[i]! >= nextSeq) nextSeq = seqs[i]! + 1;
    }
  }
  const partitions = new Map<string, LoadedPartition>();
  const partitionOf = (region: string, insight: boolean) => {
    const key = `${region}|${insight}`;
    let partition = partitions.get(key);
    if (!partition) partitions.set(key, (partition = { region, insight, all: [], byAttribute: new Map() }));
    return partition;
  };
  const all = await connection.runAndReadAll(`SELECT ${PARTITION}, ${ORDERED_SEQS} FROM events GROUP BY ALL`);
  for (const [region, insight, seqs] of all.getRows()) {
    partitionOf(region as string, insight as boolean).all = (seqs as DuckDBListValue).items as number[];
  }
  const queries = [
    ...SCALAR_ATTRIBUTES.map(
      ([key, column]) =>
        [
          key,
          `SELECT ${PARTITION}, ${column}, ${ORDERED_SEQS} FROM events WHERE ${column} IS NOT NULL GROUP BY ALL`,
        ] as const,
    ),
    ...LIST_ATTRIBUTES.map(
      ([key, column]) =>
        [
          key,
          `SELECT region, insight, value, ${ORDERED_SEQS} FROM (
             SELECT ${PARTITION}, seq, time_ms, event_id, unnest(string_split(${column}, chr(31))) AS value
             FROM events WHERE ${column} <> ''
           ) GROUP BY ALL`,
        ] as const,
    ),
  ];
  for (const [key, sql] of queries) {
    const reader = await connection.runAndReadAll(sql);
    for (const [region, insight, value, seqs] of reader.getRows()) {
      const byAttribute = partitionOf(region as string, insight as boolean).byAttribute;
      let values = byAttribute.get(key);
      if (!values) byAttribute.set(key, (values = new Map()));
      values.set(value as string, (seqs as DuckDBListValue).items as number[]);
    }
  }
  for (const p of partitions.values()) index.setPartition(p.region, p.insight, p.all, p.byAttribute);
  return nextSeq;
}
