// Events from outside AWS that PutAuditEvents (CloudTrail Data API) ingests through a channel: the request's
// limits, the `eventData` schema every event is checked against, and the record CloudTrail Lake keeps. Sources:
// API_PutAuditEvents.html, API_AuditEvent.html, API_ResultErrorEntry.html (the SDK model of cloudtrail-data
// 2021-08-11) and query-integration-event-schema.html ("Fields that are provided by your events" and
// "Fields that are provided by CloudTrail after ingestion").

/** "You can add up to 100 of these events (or up to 1 MB) per PutAuditEvents request." */
export const MAX_AUDIT_EVENTS = 100;
export const MAX_AUDIT_EVENTS_BYTES = 1024 * 1024;
/** Event size quota of an event data store (WhatIsCloudTrail-Limits.html, 256 KB without expanded size). */
export const MAX_EVENT_DATA_BYTES = 256 * 1024;
/** AuditEvent.id: the source's own ID, 1–128 characters of `[-_A-Za-z0-9]+` (Uuid shape). */
export const AUDIT_EVENT_ID_PATTERN = /^[-_A-Za-z0-9]{1,128}$/;
/** externalId: 2–1224 characters of `[\w+=,.@:\/-]*`. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;

/** The event category and type CloudTrail gives non-AWS events. */
export const INTEGRATION_EVENT_TYPE = 'ActivityLog';
/** Trailview's eventVersion for ingested events (the schema page names the field, not its value). */
export const INTEGRATION_EVENT_VERSION = '1.0';

/** ResultErrorEntry.errorCode values the emulator gives (a subset of those the model lists). */
export type AuditEventErrorCode =
  'FieldNotFound' | 'FieldTooLong' | 'InvalidChecksum' | 'InvalidData' | 'InvalidRecipient';

export interface AuditEventFailure {
  errorCode: AuditEventErrorCode;
  errorMessage: string;
}

type FieldKind = 'string' | 'object';

/** The `eventData` fields of query-integration-event-schema.html: kind and whether required. */
const EVENT_DATA_FIELDS: ReadonlyArray<{ name: string; kind: FieldKind; required: boolean }> = [
  { name: 'version', kind: 'string', required: true },
  { name: 'userIdentity', kind: 'object', required: true },
  { name: 'userAgent', kind: 'string', required: false },
  { name: 'eventSource', kind: 'string', required: true },
  { name: 'eventName', kind: 'string', required: true },
  { name: 'eventTime', kind: 'string', required: true },
  { name: 'UID', kind: 'string', required: true },
  { name: 'requestParameters', kind: 'object', required: false },
  { name: 'responseElements', kind: 'object', required: false },
  { name: 'errorCode', kind: 'string', required: false },
  { name: 'errorMessage', kind: 'string', required: false },
  { name: 'sourceIPAddress', kind: 'string', required: false },
  { name: 'recipientAccountId', kind: 'string', required: true },
  { name: 'additionalEventData', kind: 'object', required: false },
];

/** userIdentity: `type` and `principalId` required, `details` an optional JSON object. */
const USER_IDENTITY_FIELDS: ReadonlyArray<{ name: string; kind: FieldKind; required: boolean }> = [
  { name: 'type', kind: 'string', required: true },
  { name: 'principalId', kind: 'string', required: true },
  { name: 'details', kind: 'object', required: false },
];

/** The eventData members that are JSON objects (Lake shows them as JSON). */
export const EVENT_DATA_JSON_FIELDS = [
  'requestParameters',
  'responseElements',
  'additionalEventData',
] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldProblem(
  object: Record<string, unknown>,
  fields: ReadonlyArray<{ name: string; kind: FieldKind; required: boolean }>,
  path: string,
): AuditEventFailure | undefined {
  for (const { name, kind, required } of fields) {
    const value = object[name];
    if (value === undefined || value === null) {
      if (required) {
        return { errorCode: 'FieldNotFound', errorMessage: `The required field ${path}${name} is missing.` };
      }
      continue;
    }
    const ok = kind === 'string' ? typeof value === 'string' : isObject(value);
    if (!ok) {
      return {
        errorCode: 'InvalidData',
        errorMessage: `The field ${path}${name} must be ${kind === 'string' ? 'a string' : 'a JSON object'}.`,
      };
    }
  }
  return undefined;
}

/** `yyyy-MM-ddTHH:mm:ss` in UTC, optionally with fractions and a `Z` (the schema's eventTime format). */
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z?$/;

/** The event time of an eventData's `eventTime` as epoch ms, or NaN. */
export function integrationEventTime(text: string): number {
  if (!EVENT_TIME.test(text)) return NaN;
  return Date.parse(text.endsWith('Z') ? text : `${text}Z`);
}

/**
 * Checks one event's `eventData` text against the schema: JSON, an object, each field present and of its
 * kind, `eventTime` a UTC time, `recipientAccountId` the channel owner's account ("The account ID must be the
 * same as the AWS account ID that owns the channel"). Returns the parsed object, or why it fails.
 */
export function readEventData(
  text: string,
  ownerAccountId: string,
): { eventData: Record<string, unknown> } | { failure: AuditEventFailure } {
  if (new TextEncoder().encode(text).length > MAX_EVENT_DATA_BYTES) {
    return {
      failure: {
        errorCode: 'FieldTooLong',
        errorMessage: `The event data is larger than ${MAX_EVENT_DATA_BYTES / 1024} KB.`,
      },
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { failure: { errorCode: 'InvalidData', errorMessage: 'The event data is not valid JSON.' } };
  }
  if (!isObject(parsed)) {
    return { failure: { errorCode: 'InvalidData', errorMessage: 'The event data must be a JSON object.' } };
  }
  const problem =
    fieldProblem(parsed, EVENT_DATA_FIELDS, '') ??
    fieldProblem(parsed.userIdentity as Record<string, unknown>, USER_IDENTITY_FIELDS, 'userIdentity.');
  if (problem) return { failure: problem };
  if (Number.isNaN(integrationEventTime(parsed.eventTime as string))) {
    return {
      failure: {
        errorCode: 'InvalidData',
        errorMessage: 'The field eventTime must be a UTC time in yyyy-MM-ddTHH:mm:ssZ format.',
      },
    };
  }
  if (parsed.recipientAccountId !== ownerAccountId) {
    return {
      failure: {
        errorCode: 'InvalidRecipient',
        errorMessage: 'The recipientAccountId must be the ID of the account that owns the channel.',
      },
    };
  }
  return { eventData: parsed };
}

/** The record of an ingested event as Lake keeps it (query-integration-event-schema.html). */
export interface IntegrationRecord {
  eventVersion: string;
  eventCategory: 'ActivityAuditLog';
  eventType: typeof INTEGRATION_EVENT_TYPE;
  eventID: string;
  eventTime: string;
  awsRegion: string;
  recipientAccountId: string;
  metadata: { ingestionTime: string; channelARN: string };
  eventData: Record<string, unknown>;
}

const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function integrationRecord(options: {
  eventId: string;
  eventData: Record<string, unknown>;
  region: string;
  accountId: string;
  channelArn: string;
  ingestedMs: number;
}): IntegrationRecord {
  const { eventData } = options;
  return {
    eventVersion: INTEGRATION_EVENT_VERSION,
    eventCategory: 'ActivityAuditLog',
    eventType: INTEGRATION_EVENT_TYPE,
    eventID: options.eventId,
    eventTime: isoSecond(integrationEventTime(eventData.eventTime as string)),
    awsRegion: options.region,
    recipientAccountId: options.accountId,
    metadata: { ingestionTime: isoSecond(options.ingestedMs), channelARN: options.channelArn },
    eventData,
  };
}

/** The columns of an integration event data store as Lake's SQL sees them, in `SELECT *` order. */
export const INTEGRATION_LAKE_COLUMNS = [
  'eventVersion',
  'eventCategory',
  'eventType',
  'eventID',
  'eventTime',
  'awsRegion',
  'recipientAccountId',
  'addendum',
  'metadata',
  'eventData',
] as const;
