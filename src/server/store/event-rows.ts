// One event as a row of the events table (columns in the order of database.ts), and as an entry of the
// lookup index. Rows are built first and appended later, so a bad record fails before anything is stored.
import type { DuckDBAppender } from '@duckdb/node-api';
import { attributeValues, indexRecord } from '@/domain/lookup-event';
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey } from '@/domain/lookup-attributes';
import type { AnyRecord } from '@/domain/record';
import type { IndexEntry } from './lookup-index';

/** Where an event came from, kept in the `origin` column. */
export type EventOrigin = 'api' | 'seed' | 'import' | 'insights';

/** A record and, when the caller has it, its JSON text as received. */
export interface RecordWithJson {
  record: AnyRecord;
  json?: string;
}

export type EventRow = [
  seq: number,
  eventId: string,
  time: number,
  region: string,
  category: string,
  eventName: string,
  eventSource: string,
  readOnly: string | undefined,
  username: string | undefined,
  accessKeyId: string | undefined,
  resourceTypes: string,
  resourceNames: string,
  origin: EventOrigin,
  json: string,
];

/** A row and its index entry, built before a row number is assigned (seq -1). */
export interface BuiltEvent {
  row: EventRow;
  entry: IndexEntry;
}

/** Keys stored in the index; EventId is answered from the index's id map instead. */
const INDEXED_KEYS = LOOKUP_ATTRIBUTE_KEYS.filter((k) => k !== 'EventId');

export function buildEventRow(
  seq: number,
  { record, json }: RecordWithJson,
  origin: EventOrigin,
): BuiltEvent {
  const event = indexRecord(record);
  if (!Number.isFinite(event.time)) throw new TypeError(`Record ${record.eventID} has no valid eventTime.`);
  const attributes: Array<[LookupAttributeKey, string]> = [];
  for (const key of INDEXED_KEYS) {
    for (const value of attributeValues(event, key)) attributes.push([key, value]);
  }
  const entry: IndexEntry = {
    seq,
    eventId: event.eventId,
    time: event.time,
    region: event.region,
    insight: event.category === 'Insight',
    attributes,
  };
  const row: EventRow = [
    seq,
    event.eventId,
    event.time,
    event.region,
    event.category,
    event.eventName,
    event.eventSource,
    event.readOnly,
    event.username,
    event.accessKeyId,
    attributeValues(event, 'ResourceType').join(VALUE_SEPARATOR),
    attributeValues(event, 'ResourceName').join(VALUE_SEPARATOR),
    origin,
    json ?? JSON.stringify(record),
  ];
  return { row, entry };
}

/** The index entry of a row (what buildEventRow derives, read back from the row's columns). */
export function entryOfRow(row: EventRow): IndexEntry {
  const attributes: Array<[LookupAttributeKey, string]> = [
    ['EventName', row[5]],
    ['EventSource', row[6]],
  ];
  if (row[7] !== undefined) attributes.push(['ReadOnly', row[7]]);
  if (row[8] !== undefined) attributes.push(['Username', row[8]]);
  if (row[9] !== undefined) attributes.push(['AccessKeyId', row[9]]);
  if (row[10] !== '')
    for (const type of row[10].split(VALUE_SEPARATOR)) attributes.push(['ResourceType', type]);
  if (row[11] !== '')
    for (const name of row[11].split(VALUE_SEPARATOR)) attributes.push(['ResourceName', name]);
  return {
    seq: row[0],
    eventId: row[1],
    time: row[2],
    region: row[3],
    insight: row[4] === 'Insight',
    attributes,
  };
}

/** Joins the values of the list columns resource_types and resource_names (database.ts). */
export const VALUE_SEPARATOR = '\u001f';

export function appendEventRow(appender: DuckDBAppender, row: EventRow): void {
  appender.appendInteger(row[0]);
  appender.appendVarchar(row[1]);
  appender.appendBigInt(BigInt(row[2]));
  for (let i = 3; i <= 12; i++) {
    const value = row[i] as string | undefined;
    if (value === undefined) appender.appendNull();
    else appender.appendVarchar(value);
  }
  appender.appendVarchar(row[13]);
  appender.endRow();
}
