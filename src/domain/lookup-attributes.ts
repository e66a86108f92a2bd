// LookupEvents attribute keys and their console labels.
// docs/cloudtrail-facts.md#event-history-console, docs/cloudtrail-facts.md#event-history-and-lookupevents (API_LookupAttribute.html).

export const LOOKUP_ATTRIBUTE_KEYS = [
  'ReadOnly',
  'EventName',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
  'EventId',
] as const;

export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** Labels in the console's order (docs/cloudtrail-facts.md#event-history-console). */
export const LOOKUP_ATTRIBUTE_LABELS: Record<LookupAttributeKey, string> = {
  ReadOnly: 'Read-only',
  EventName: 'Event name',
  Username: 'User name',
  ResourceType: 'Resource type',
  ResourceName: 'Resource name',
  EventSource: 'Event source',
  AccessKeyId: 'AWS access key',
  EventId: 'Event ID',
};

/** Attributes LookupEvents accepts for Insights events (docs/cloudtrail-facts.md#event-history-and-lookupevents). */
export const INSIGHT_LOOKUP_ATTRIBUTE_KEYS = ['EventName', 'EventSource', 'EventId'] as const;

export function isLookupAttributeKey(value: string): value is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(value);
}

export interface LookupAttribute {
  key: LookupAttributeKey;
  value: string;
}

/** Max results per LookupEvents call, and the default (API_LookupEvents.html). */
export const LOOKUP_MAX_RESULTS = 50;

/** Two LookupEvents requests per second, per account and Region (API_LookupEvents.html). */
export const LOOKUP_RATE_LIMIT = { requests: 2, windowMs: 1_000 } as const;

/** Event history keeps 90 days of management events (view-cloudtrail-events.html). */
export const EVENT_HISTORY_DAYS = 90;
