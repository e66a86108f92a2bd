// One event as a row of the events table (columns in the order of database.ts), which the lookup index
// reads too. Rows are built first and appended later, so a bad record fails before anything is stored.
import type { DuckDBAppender } from '@duckdb/node-api';
import { attributeValues, indexRecord } from '@/domain/lookup-event';
import type { LookupAttributeKey } from '@/domain/lookup-attributes';
import type { AnyRecord } from '@/domain/record';

/** Where an event came from, kept in the `origin` column. */
export type EventOrigin = 'api' | 'seed' | 'import' | 'insights';

/** A record and, when the caller has it, its JSON text as received (and its bytes, when read from a file). */
export interface RecordWithJson {
  record: AnyRecord;
  json?: string;
  bytes?: Uint8Array;
}

/** A record's JSON: text, or its UTF-8 bytes as they were read from a file (the import worker's rows). */
export type RecordText = string | Uint8Array;

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
  record: RecordText,
];

/**
 * Where each field sits in an EventRow. Rows stay arrays (they cross to and from the import worker by
 * the thousand, and an array clones cheaper than an object); code names the fields through this.
 */
export const Field = {
  seq: 0,
  eventId: 1,
  time: 2,
  region: 3,
  category: 4,
  eventName: 5,
  eventSource: 6,
  readOnly: 7,
  username: 8,
  accessKeyId: 9,
  resourceTypes: 10,
  resourceNames: 11,
  origin: 12,
  record: 13,
} as const;

/** Keys whose values a row holds, one per column (EventId is answered from the index's id map). */
const SCALAR_COLUMNS: ReadonlyArray<readonly [LookupAttributeKey, number]> = [
  ['EventName', Field.eventName],
  ['EventSource', Field.eventSource],
  ['ReadOnly', Field.readOnly],
  ['Username', Field.username],
  ['AccessKeyId', Field.accessKeyId],
];

/** Keys with several values, joined by VALUE_SEPARATOR in one column (the derived Resources). */
const LIST_COLUMNS: ReadonlyArray<readonly [LookupAttributeKey, number]> = [
  ['ResourceType', Field.resourceTypes],
  ['ResourceName', Field.resourceNames],
];

/** Calls `visit` with each lookup attribute value a row holds, EventId aside. */
export function forEachAttribute(
  row: EventRow,
  visit: (key: LookupAttributeKey, value: string) => void,
): void {
  for (const [key, column] of SCALAR_COLUMNS) {
    const value = row[column] as string | undefined;
    if (value !== undefined) visit(key, value);
  }
  for (const [key, column] of LIST_COLUMNS) {
    const joined = row[column] as string;
    if (joined !== '') for (const value of joined.split(VALUE_SEPARATOR)) visit(key, value);
  }
}

/** A record as a row (seq -1 until the store numbers it); throws for a record without a valid time. */
export function buildEventRow(
  seq: number,
  { record, json, bytes }: RecordWithJson,
  origin: EventOrigin,
): EventRow {
  const event = indexRecord(record);
  if (!Number.isFinite(event.time)) throw new TypeError(`Record ${record.eventID} has no valid eventTime.`);
  return [
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
    bytes ?? json ?? JSON.stringify(record),
  ];
}

/** Joins the values of the list columns resource_types and resource_names (database.ts). */
export const VALUE_SEPARATOR = '\u001f';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** The record's JSON text of a row. */
export function recordText(record: RecordText): string {
  return typeof record === 'string' ? record : fromUtf8.decode(record);
}

export function appendEventRow(appender: DuckDBAppender, row: EventRow): void {
  appender.appendInteger(row[Field.seq]);
  appender.appendVarchar(row[Field.eventId]);
  appender.appendBigInt(BigInt(row[Field.time]));
  // region … origin: text columns, in the table's order.
  for (let i: number = Field.region; i <= Field.origin; i++) {
    const value = row[i] as string | undefined;
    if (value === undefined) appender.appendNull();
    else appender.appendVarchar(value);
  }
  const record = row[Field.record];
  appender.appendBlob(typeof record === 'string' ? utf8.encode(record) : record);
  appender.endRow();
}
