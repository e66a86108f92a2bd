// Turns one parsed value from a log file into a record the store can index, or a reason it cannot (shared by
// the server's importer and the emulator's Lake import in the demo).
// Oddities of real logs it survives (docs/cloudtrail-facts.md#records): no userIdentity.type, no eventTime
// (Logstash exports carry `@timestamp`), no readOnly or eventCategory on old eventVersions,
// null responseElements, made-up Region names.
import type { AnyRecord } from '@/domain/record';
import { isoSeconds, parseRecordTime } from '@/domain/iso-time';

export type Normalised = { record: AnyRecord; changed: boolean } | { reason: string; record?: undefined };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

export function normaliseRecord(value: unknown): Normalised {
  if (!isObject(value)) return { reason: 'not a JSON object' };
  if (!nonEmpty(value.eventID)) return { reason: 'no eventID' };
  let changed = false;
  const record: Record<string, unknown> = value;
  if (record.eventTime === undefined) {
    const fallback = record['@timestamp'];
    if (!nonEmpty(fallback)) return { reason: 'no eventTime' };
    const time = parseRecordTime(fallback);
    if ('reason' in time) return time;
    record.eventTime = isoSeconds(time.ms);
    changed = true;
  } else {
    if (!nonEmpty(record.eventTime)) return { reason: 'eventTime is not a time' };
    const time = parseRecordTime(record.eventTime);
    if ('reason' in time) return time;
  }
  if (!nonEmpty(record.awsRegion)) return { reason: 'no awsRegion' };
  const insight =
    record.eventType === 'AwsCloudTrailInsight' ||
    record.eventCategory === 'Insight' ||
    'insightDetails' in record;
  if (insight) {
    const details = record.insightDetails;
    if (!isObject(details) || !nonEmpty(details.eventName) || !nonEmpty(details.eventSource)) {
      return { reason: 'Insights event without insightDetails' };
    }
    if (record.eventType !== 'AwsCloudTrailInsight') {
      record.eventType = 'AwsCloudTrailInsight';
      changed = true;
    }
    return { record: record as unknown as AnyRecord, changed };
  }
  if (!nonEmpty(record.eventName)) return { reason: 'no eventName' };
  if (!nonEmpty(record.eventSource)) return { reason: 'no eventSource' };
  if (record.userIdentity !== undefined && !isObject(record.userIdentity)) {
    return { reason: 'userIdentity is not an object' };
  }
  // readOnly is a boolean in the record; some exports write it as a string.
  if (record.readOnly === 'true' || record.readOnly === 'false') {
    record.readOnly = record.readOnly === 'true';
    changed = true;
  } else if (record.readOnly !== undefined && typeof record.readOnly !== 'boolean') {
    delete record.readOnly;
    changed = true;
  }
  return { record: record as unknown as AnyRecord, changed };
}
