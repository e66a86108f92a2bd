// The flat fields of one LookupEvents `Event`, for the table, refine, compare and export: the members
// LookupEvents returns at the top level plus the few record fields it only carries inside CloudTrailEvent.
// CloudTrailEvent is parsed once per event object and cached (a WeakMap keyed by the event), so refining
// 100,000 loaded events never parses JSON again. Event data is untrusted: a field that is not a string
// counts as absent, and CloudTrailEvent that is not JSON gives no record fields.

/** LookupEvents' `Event` as the SDK returns it (structural, so the domain needs no SDK import). */
export interface LookupEventLike {
  EventId?: string;
  EventName?: string;
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime?: Date;
  EventSource?: string;
  Username?: string;
  Resources?: ReadonlyArray<{ ResourceType?: string; ResourceName?: string }>;
  CloudTrailEvent?: string;
}

export interface EventFields {
  eventId: string;
  eventName: string;
  eventSource: string;
  /** Epoch ms, NaN when absent. */
  time: number;
  username: string;
  accessKeyId: string;
  readOnly: string;
  resourceTypes: string[];
  resourceNames: string[];
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode: string;
  errorMessage: string;
  requestID: string;
  eventType: string;
  recipientAccountId: string;
  eventCategory: string;
  userIdentityArn: string;
  userIdentityType: string;
  /** requestParameters as compact JSON text ('' when absent or null). */
  requestParameters: string;
  /** The parsed record, or undefined when CloudTrailEvent is absent or not a JSON object. */
  record: Record<string, unknown> | undefined;
}

const cache = new WeakMap<object, EventFields>();

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function parseRecord(cloudTrailEvent: string | undefined): Record<string, unknown> | undefined {
  if (!cloudTrailEvent) return undefined;
  try {
    return asObject(JSON.parse(cloudTrailEvent));
  } catch {
    return undefined;
  }
}

function compute(event: LookupEventLike): EventFields {
  const record = parseRecord(event.CloudTrailEvent);
  const identity = asObject(record?.userIdentity);
  const parameters = record?.requestParameters;
  const resources = event.Resources ?? [];
  return {
    eventId: text(event.EventId),
    eventName: text(event.EventName),
    eventSource: text(event.EventSource),
    time: event.EventTime instanceof Date ? event.EventTime.getTime() : Number.NaN,
    username: text(event.Username),
    accessKeyId: text(event.AccessKeyId),
    readOnly: text(event.ReadOnly),
    resourceTypes: resources.map((r) => text(r.ResourceType)).filter(Boolean),
    resourceNames: resources.map((r) => text(r.ResourceName)).filter(Boolean),
    awsRegion: text(record?.awsRegion),
    sourceIPAddress: text(record?.sourceIPAddress),
    userAgent: text(record?.userAgent),
    errorCode: text(record?.errorCode),
    errorMessage: text(record?.errorMessage),
    requestID: text(record?.requestID),
    eventType: text(record?.eventType),
    recipientAccountId: text(record?.recipientAccountId),
    eventCategory: text(record?.eventCategory),
    userIdentityArn: text(identity?.arn),
    userIdentityType: text(identity?.type),
    requestParameters: parameters === undefined || parameters === null ? '' : JSON.stringify(parameters),
    record,
  };
}

/** The event's fields, computed on first use and cached for the life of the event object. */
export function eventFields(event: LookupEventLike): EventFields {
  let fields = cache.get(event);
  if (!fields) {
    fields = compute(event);
    cache.set(event, fields);
  }
  return fields;
}
