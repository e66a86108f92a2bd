// The per-minute counts the Insights engine and ListInsightsMetricData read (docs/cloudtrail-facts.md#insights-console): write
// management API calls per (Region, eventSource, eventName), and management calls that returned an
// error per (Region, eventSource, eventName, errorCode). Each series keeps its calls as columns (minute,
// identity, user agent, error code, read-only) so counts and attributions come from one compact store;
// strings are interned. Fed incrementally with addEvents(); out-of-order batches are sorted lazily.
import { isInsightRecord, type AnyRecord, type CloudTrailRecord, type InsightType } from '@/domain/record';

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;

export interface SeriesId {
  /** ApiCallRateInsight: write calls; ApiErrorRateInsight: calls that returned `errorCode`. */
  type: InsightType;
  region: string;
  eventSource: string;
  eventName: string;
  errorCode?: string;
}

/**
 * A series' calls as typed columns (17 bytes a call; as JS arrays they took 40, which at 10M stored events
 * was 380 MB of the server's heap). The columns have room beyond `count`: read them below it.
 */
export interface MinuteSeries extends SeriesId {
  key: string;
  /** Calls held. */
  count: number;
  /** Epoch minute of each call; ascending once `sortSeries` ran. */
  minutes: Int32Array;
  identity: Int32Array;
  agent: Int32Array;
  error: Int32Array;
  /** 1: a read-only call. */
  readOnly: Uint8Array;
  sorted: boolean;
}

const FIRST_ROOM = 16;

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

export type Column = 'identity' | 'agent' | 'error';

/** The value attributions use when a call has no error code (docs/cloudtrail-facts.md#insights). */
export const NO_ERROR = 'null';

export function seriesKey(id: SeriesId): string {
  return [id.type, id.region, id.eventSource, id.eventName, id.errorCode ?? ''].join('|');
}

export function toMinute(time: number): number {
  return Math.floor(time / MINUTE_MS);
}

export class MinuteCounts {
  private readonly bySeries = new Map<string, MinuteSeries>();
  /**
   * Event IDs counted, so a record shown twice counts once. A store that shows the engine only the events
   * it inserted (the local server's, whose 10M events would hold ~3.6M IDs here) passes `trackSeen: false`.
   */
  private readonly counted: Set<string> | undefined;
  private readonly internIds = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly firstTime = new Map<string, string>();
  private lastPrefix = '';
  private lastMinute = 0;

  constructor({ trackSeen = true }: { trackSeen?: boolean } = {}) {
    this.counted = trackSeen ? new Set() : undefined;
  }

  /** Counts the management API calls among `records`; records seen before (by eventID) are skipped. */
  addEvents(records: Iterable<AnyRecord>): number {
    let added = 0;
    for (const record of records) {
      if (isInsightRecord(record)) continue;
      // ISO 8601 UTC strings of one format order like their instants: no parsing for the history mark.
      const first = this.firstTime.get(record.awsRegion);
      if ((first === undefined || record.eventTime < first) && ISO_UTC.test(record.eventTime)) {
        this.firstTime.set(record.awsRegion, record.eventTime);
      }
      if (!isManagementApiCall(record)) continue;
      const write = record.readOnly === false;
      if (!write && !record.errorCode) continue;
      if (this.counted?.has(record.eventID)) continue;
      const minute = this.minuteOf(record.eventTime);
      if (minute === undefined) continue;
      this.counted?.add(record.eventID);
      const base = { region: record.awsRegion, eventSource: record.eventSource, eventName: record.eventName };
      if (write) this.push({ type: 'ApiCallRateInsight', ...base }, minute, record);
      if (record.errorCode) {
        this.push({ type: 'ApiErrorRateInsight', ...base, errorCode: record.errorCode }, minute, record);
      }
      added++;
    }
    return added;
  }

  /** The earliest minute of any event seen in the Region: how much history a baseline can use. */
  historyStart(region: string): number | undefined {
    const first = this.firstTime.get(region);
    return first === undefined ? undefined : this.minuteOf(first);
  }

  regions(): string[] {
    return [...this.firstTime.keys()].sort();
  }

  all(): MinuteSeries[] {
    return [...this.bySeries.values()].map(sortSeries);
  }

  get(id: SeriesId): MinuteSeries | undefined {
    const series = this.bySeries.get(seriesKey(id));
    return series && sortSeries(series);
  }

  text(id: number): string {
    return this.strings[id] ?? NO_ERROR;
  }

  /** Epoch minute of an eventTime; events arrive in time order, so the last minute is reused. */
  private minuteOf(eventTime: string): number | undefined {
    const prefix = eventTime.slice(0, 16); // yyyy-mm-ddThh:mm
    if (prefix === this.lastPrefix) return this.lastMinute;
    const time = Date.parse(eventTime);
    if (Number.isNaN(time)) return undefined;
    this.lastPrefix = eventTime.endsWith('Z') && eventTime[16] === ':' ? prefix : '';
    this.lastMinute = toMinute(time);
    return this.lastMinute;
  }

  private intern(value: string): number {
    let id = this.internIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.internIds.set(value, id);
    }
    return id;
  }

  private push(id: SeriesId, minute: number, record: CloudTrailRecord) {
    const key = seriesKey(id);
    let series = this.bySeries.get(key);
    if (!series) {
      series = { ...id, key, ...columns(FIRST_ROOM), count: 0, sorted: true };
      this.bySeries.set(key, series);
    }
    const at = series.count;
    if (at === series.minutes.length) grow(series, at * 2);
    if (at > 0 && minute < series.minutes[at - 1]!) series.sorted = false;
    series.minutes[at] = minute;
    const identity = record.userIdentity;
    series.identity[at] = this.intern(identity?.arn ?? identity?.invokedBy ?? identity?.type ?? 'Unknown');
    series.agent[at] = this.intern(record.userAgent ?? NO_ERROR);
    series.error[at] = this.intern(record.errorCode ?? NO_ERROR);
    series.readOnly[at] = record.readOnly === true ? 1 : 0;
    series.count = at + 1;
  }
}

function columns(room: number) {
  return {
    minutes: new Int32Array(room),
    identity: new Int32Array(room),
    agent: new Int32Array(room),
    error: new Int32Array(room),
    readOnly: new Uint8Array(room),
  };
}

/** Gives the series' columns room for `room` calls, keeping the ones it holds. */
function grow(series: MinuteSeries, room: number): void {
  const next = columns(room);
  const n = series.count;
  next.minutes.set(series.minutes.subarray(0, n));
  next.identity.set(series.identity.subarray(0, n));
  next.agent.set(series.agent.subarray(0, n));
  next.error.set(series.error.subarray(0, n));
  next.readOnly.set(series.readOnly.subarray(0, n));
  Object.assign(series, next);
}

/**
 * Insights look at management API calls (§3.3: "write-only management API calls"; error rate: "read
 * and write management calls that return error codes"): not data events, not service events or sign-ins.
 */
/**
 * A management write or error reduced to what addEvents reads (parameters, elements and most of the
 * identity left out), or undefined for a record it would not count: an import worker hands these to the
 * main thread instead of whole records.
 */
export function countedPart(record: AnyRecord): CloudTrailRecord | undefined {
  if (isInsightRecord(record) || !isManagementApiCall(record)) return undefined;
  if (record.readOnly !== false && !record.errorCode) return undefined;
  const identity = record.userIdentity;
  const part: CloudTrailRecord = {
    eventVersion: record.eventVersion,
    userIdentity: identity && { type: identity.type, arn: identity.arn, invokedBy: identity.invokedBy },
    eventTime: record.eventTime,
    eventSource: record.eventSource,
    eventName: record.eventName,
    awsRegion: record.awsRegion,
    sourceIPAddress: record.sourceIPAddress,
    requestParameters: null,
    responseElements: null,
    eventID: record.eventID,
    eventType: record.eventType,
    eventCategory: 'Management',
  };
  if (record.readOnly !== undefined) part.readOnly = record.readOnly;
  if (record.errorCode) part.errorCode = record.errorCode;
  if (record.userAgent !== undefined) part.userAgent = record.userAgent;
  return part;
}

function isManagementApiCall(record: CloudTrailRecord): boolean {
  const category = record.eventCategory ?? (record.managementEvent === false ? 'Data' : 'Management');
  return category === 'Management' && record.eventType === 'AwsApiCall';
}

export function sortSeries(series: MinuteSeries): MinuteSeries {
  if (series.sorted) return series;
  const { minutes, count } = series;
  const order = Int32Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => minutes[a]! - minutes[b]! || a - b,
  );
  const permute = <T extends Int32Array | Uint8Array>(column: T, into: T) => {
    for (let i = 0; i < count; i++) into[i] = column[order[i]!]!;
    return into;
  };
  const sorted = columns(count);
  series.minutes = permute(series.minutes, sorted.minutes);
  series.identity = permute(series.identity, sorted.identity);
  series.agent = permute(series.agent, sorted.agent);
  series.error = permute(series.error, sorted.error);
  series.readOnly = permute(series.readOnly, sorted.readOnly);
  series.sorted = true;
  return series;
}

/** Index of the first call at or after `minute` (series sorted). */
export function lowerBound(series: MinuteSeries, minute: number): number {
  let lo = 0;
  let hi = series.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series.minutes[mid]! < minute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which calls of a series a trail logs (by read-only flag); undefined: all of them. */
export type CallFilter = ((readOnly: boolean) => boolean) | undefined;

/** Calls per epoch minute over [from, to), for the minutes that had any. */
export function minuteCounts(
  series: MinuteSeries,
  from: number,
  to: number,
  accept?: CallFilter,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = lowerBound(series, from); i < series.count; i++) {
    const minute = series.minutes[i]!;
    if (minute >= to) break;
    if (!accept || accept(series.readOnly[i] === 1)) counts.set(minute, (counts.get(minute) ?? 0) + 1);
  }
  return counts;
}

/** Calls per value of one column over [from, to), as interned id → count. */
export function tally(
  series: MinuteSeries,
  column: Column,
  from: number,
  to: number,
  accept?: CallFilter,
): Map<number, number> {
  const out = new Map<number, number>();
  const values = series[column];
  for (let i = lowerBound(series, from); i < series.count && series.minutes[i]! < to; i++) {
    if (accept && !accept(series.readOnly[i] === 1)) continue;
    const value = values[i]!;
    out.set(value, (out.get(value) ?? 0) + 1);
  }
  return out;
}
