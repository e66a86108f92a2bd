// Values of the demo's Lake engine and a record as a row of Lake's CloudTrail schema (query-limitations.html),
// the in-memory twin of the local server's view (server/lake/lake-view.ts): top-level fields as columns,
// userIdentity, resources and tlsDetails as structs, the four JSON objects as map<string,string>, eventTime
// as a timestamp, readOnly and managementEvent as booleans.
import { recordCategory } from '@/domain/event-selectors';
import { EVENT_DATA_JSON_FIELDS, INTEGRATION_LAKE_COLUMNS } from '@/domain/integration-events';
import type { CloudTrailRecord } from '@/domain/record';

export class LakeTime {
  readonly ms: number;
  constructor(ms: number) {
    this.ms = ms;
  }
}

export class LakeMap {
  readonly entries: ReadonlyMap<string, string | null>;
  constructor(entries: ReadonlyMap<string, string | null>) {
    this.entries = entries;
  }
}

export type LakeValue =
  null | string | number | boolean | LakeTime | LakeMap | LakeValue[] | { [field: string]: LakeValue };

/** A row's columns by lower-case name (Lake's names are case-insensitive). */
export interface LakeRow {
  get(column: string): LakeValue | undefined;
  has(column: string): boolean;
}

export const EMPTY_ROW: LakeRow = { get: () => undefined, has: () => false };

/** Lake's columns in the order `SELECT *` gives them. */
export const LAKE_ROW_COLUMNS = [
  'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress',
  'userAgent', 'errorCode', 'errorMessage', 'requestParameters', 'responseElements', 'additionalEventData',
  'requestID', 'eventID', 'readOnly', 'resources', 'eventType', 'apiVersion', 'managementEvent',
  'recipientAccountId', 'sharedEventID', 'vpcEndpointId', 'serviceEventDetails', 'eventCategory',
  'tlsDetails', 'sessionCredentialFromConsole',
] as const; // prettier-ignore

const MAP_COLUMNS = new Set([
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'serviceEventDetails',
]);
const BOOLEAN_COLUMNS = new Set(['readOnly', 'managementEvent']);

/**
 * A JSON value as a struct/array value: the record's own objects, not copies (a query may read them for
 * every event). Scalars other than strings become text where they are read (`field` in lake-memory-eval.ts),
 * as Lake's schema has them.
 */
function jsonValue(value: unknown): LakeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return value as LakeValue;
  return String(value);
}

function mapValue(value: unknown): LakeMap | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return new LakeMap(
    new Map(
      Object.entries(value).map(([k, v]) => [
        k,
        v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    ),
  );
}

function booleanValue(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

const COLUMN_NAMES = new Map(LAKE_ROW_COLUMNS.map((c) => [c.toLowerCase(), c]));

function columnValue(record: CloudTrailRecord, column: string): LakeValue {
  const raw = (record as unknown as Record<string, unknown>)[column];
  if (column === 'eventTime') return new LakeTime(Date.parse(String(raw)));
  if (column === 'eventCategory') return recordCategory(record);
  if (MAP_COLUMNS.has(column)) return mapValue(raw);
  if (BOOLEAN_COLUMNS.has(column)) return booleanValue(raw);
  return jsonValue(raw);
}

/**
 * One record as a Lake row. Columns are shaped when a query first reads them, so a query that reads three
 * columns of every event does not build the other twenty-four.
 */
export function lakeRow(record: CloudTrailRecord): LakeRow {
  const shaped = new Map<string, LakeValue>();
  return {
    has: (column) => COLUMN_NAMES.has(column),
    get(column) {
      const name = COLUMN_NAMES.get(column);
      if (name === undefined) return undefined;
      if (!shaped.has(column)) shaped.set(column, columnValue(record, name));
      return shaped.get(column);
    },
  };
}

const INTEGRATION_COLUMN_NAMES = new Map(INTEGRATION_LAKE_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** eventData with its JSON members as JSON text, as the server's view types them (lake-view.ts). */
function eventDataValue(value: unknown): LakeValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const data = { ...(value as Record<string, unknown>) };
  for (const member of EVENT_DATA_JSON_FIELDS) {
    if (data[member] !== undefined && data[member] !== null) data[member] = JSON.stringify(data[member]);
  }
  const identity = data.userIdentity;
  if (identity !== null && typeof identity === 'object' && 'details' in identity) {
    const { details, ...rest } = identity as Record<string, unknown>;
    data.userIdentity = { ...rest, details: details == null ? null : JSON.stringify(details) };
  }
  return data as LakeValue;
}

/** One ingested integration event (domain/integration-events.ts) as a row of an integration store. */
export function integrationLakeRow(record: Record<string, unknown>): LakeRow {
  return {
    has: (column) => INTEGRATION_COLUMN_NAMES.has(column),
    get(column) {
      const name = INTEGRATION_COLUMN_NAMES.get(column);
      if (name === undefined) return undefined;
      if (name === 'eventTime') return new LakeTime(Date.parse(String(record.eventTime)));
      if (name === 'eventData') return eventDataValue(record.eventData);
      return jsonValue(record[name]);
    },
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-20 12:00:00.000`, as Lake writes a timestamp. */
export function lakeTimeText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** A timestamp literal or text (`2026-11-01 00:00:00`, `2026-11-01`, ISO 8601) as epoch ms, or NaN. */
export function parseLakeTime(text: string): number {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
      text.trim(),
    );
  if (!match) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = match;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Number(frac.padEnd(3, '0').slice(0, 3)));
  if (zone && /^[+-]/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[^0-9]/g, '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

/** A value as GetQueryResults writes it: every value a string, maps and structs as Trino prints them. */
export function lakeText(value: LakeValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof LakeTime) return lakeTimeText(value.ms);
  return nested(value);
}

function nested(value: LakeValue): string {
  if (value === null) return 'null';
  if (value instanceof LakeMap) {
    return `{${[...value.entries].map(([k, v]) => `${k}=${v ?? 'null'}`).join(', ')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(nested).join(', ')}]`;
  if (typeof value === 'object' && !(value instanceof LakeTime)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${nested(v)}`)
      .join(', ')}}`;
  }
  return lakeText(value) ?? 'null';
}
