// The fields Event history filters and shows, derived once per record (docs/cloudtrail-facts.md#event-history-and-lookupevents "Event").
import { deriveResources, deriveUsername, type DerivedResource } from './derive';
import { isInsightRecord, type AnyRecord, type EventCategory } from './record';

export interface IndexedEvent {
  eventId: string;
  /** Epoch milliseconds. */
  time: number;
  region: string;
  category: EventCategory;
  eventName: string;
  eventSource: string;
  readOnly?: 'true' | 'false';
  username?: string;
  accessKeyId?: string;
  resources: DerivedResource[];
  record: AnyRecord;
  /** The record's JSON text, when a store keeps it: served as CloudTrailEvent without re-serialising. */
  json?: string;
}

export function indexRecord(record: AnyRecord): IndexedEvent {
  if (isInsightRecord(record)) {
    return {
      eventId: record.eventID,
      time: Date.parse(record.eventTime),
      region: record.awsRegion,
      category: 'Insight',
      eventName: record.insightDetails.eventName,
      eventSource: record.insightDetails.eventSource,
      resources: [],
      record,
    };
  }
  // Event history shows no AWS access key for console sign-ins (docs/cloudtrail-facts.md#event-history-and-lookupevents, observed in exports).
  const accessKeyId = record.eventType === 'AwsConsoleSignIn' ? undefined : record.userIdentity?.accessKeyId;
  const readOnly = record.readOnly;
  return {
    eventId: record.eventID,
    time: Date.parse(record.eventTime),
    region: record.awsRegion,
    category: record.eventCategory ?? (record.managementEvent === false ? 'Data' : 'Management'),
    eventName: record.eventName,
    eventSource: record.eventSource,
    readOnly: readOnly === undefined ? undefined : readOnly ? 'true' : 'false',
    username: deriveUsername(record),
    accessKeyId: accessKeyId ? accessKeyId : undefined,
    resources: deriveResources(record),
    record,
  };
}

/** The value an indexed event holds for a lookup attribute (several for resources). */
export function attributeValues(event: IndexedEvent, key: string): string[] {
  switch (key) {
    case 'EventId':
      return [event.eventId];
    case 'EventName':
      return [event.eventName];
    case 'EventSource':
      return [event.eventSource];
    case 'ReadOnly':
      return event.readOnly ? [event.readOnly] : [];
    case 'Username':
      return event.username ? [event.username] : [];
    case 'AccessKeyId':
      return event.accessKeyId ? [event.accessKeyId] : [];
    case 'ResourceType':
      return [...new Set(event.resources.flatMap((r) => (r.ResourceType ? [r.ResourceType] : [])))];
    case 'ResourceName':
      return [...new Set(event.resources.map((r) => r.ResourceName))];
    default:
      return [];
  }
}

/** LookupEvents' `Event` member, with EventTime as a Date (the codec writes epoch seconds). */
export interface WireEvent {
  EventId: string;
  EventName: string;
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime: Date;
  EventSource: string;
  Username?: string;
  Resources: DerivedResource[];
  CloudTrailEvent: string;
}

/** The record's JSON text as LookupEvents serves it (CloudTrailEvent) and delivery writes it. */
export function recordJson(event: IndexedEvent): string {
  return event.json ?? JSON.stringify(event.record);
}

export function toWireEvent(event: IndexedEvent, json: string = recordJson(event)): WireEvent {
  const wire: WireEvent = {
    EventId: event.eventId,
    EventName: event.eventName,
    EventTime: new Date(event.time),
    EventSource: event.eventSource,
    Resources: event.resources,
    CloudTrailEvent: json,
  };
  if (event.readOnly) wire.ReadOnly = event.readOnly;
  if (event.accessKeyId) wire.AccessKeyId = event.accessKeyId;
  if (event.username) wire.Username = event.username;
  return wire;
}
