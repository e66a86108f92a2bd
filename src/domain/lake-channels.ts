// CloudTrail Lake channels (integrations with event sources outside AWS): names, sources, destinations, limits
// and messages, shared by the emulator's channel operations, PutAuditEvents and the Lake engines. Sources: the
// CloudTrail API Reference (CreateChannel, GetChannel, ListChannels, UpdateChannel, DeleteChannel; shapes and
// exception descriptions as in the SDK models), query-event-data-store-integration.html and
// WhatIsCloudTrail-Limits.html. docs/lake.md ("Channels") says which rules are Trailview's own reading.
import { selectorEventCategories } from './lake-import';
import type { EventDataStoreState } from './lake';

/** Channels per account and Region (WhatIsCloudTrail-Limits.html: "Channels 25"). */
export const MAX_CHANNELS = 25;
/** ChannelName: 3–128 characters of `^[a-zA-Z0-9._\-]+$` (API reference, CreateChannel). */
export const CHANNEL_NAME_MIN = 3;
export const CHANNEL_NAME_MAX = 128;
export const CHANNEL_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;
/** Source: 1–256 characters (API reference). */
export const SOURCE_MAX = 256;
/** Destinations: 1–200 per channel; Location 3–1024 characters (API reference, Destination). */
export const MAX_DESTINATIONS = 200;
/** ListChannels MaxResults 1–1000 (ListChannelsMaxResultsCount). */
export const MAX_LIST_CHANNELS = 1000;

/** "A source can be either Custom for all valid non-AWS events, or the name of a partner event source." */
export const CUSTOM_SOURCE = 'Custom';

/** The event category an event data store must collect to be a channel's destination. */
export const INTEGRATION_EVENT_CATEGORY = 'ActivityAuditLog';

export type DestinationType = 'EVENT_DATA_STORE' | 'AWS_SERVICE';
export const DESTINATION_TYPES: readonly DestinationType[] = ['EVENT_DATA_STORE', 'AWS_SERVICE'];

export interface ChannelDestination {
  Type: DestinationType;
  Location: string;
}

/** What GetChannel reports of the latest PutAuditEvents calls on a channel (IngestionStatus). */
export interface ChannelIngestion {
  latestAttemptMs?: number;
  latestAttemptEventId?: string;
  latestSuccessMs?: number;
  latestSuccessEventId?: string;
  latestErrorCode?: string;
}

/** A channel as the emulator keeps it (times in epoch ms). */
export interface ChannelState {
  id: string;
  arn: string;
  name: string;
  source: string;
  destinations: ChannelDestination[];
  homeRegion: string;
  createdMs: number;
  updatedMs: number;
  tags: Array<{ Key: string; Value?: string }>;
  ingestion?: ChannelIngestion;
  /** The resource-based policy JSON text as put (PutResourcePolicy); it goes with the channel. */
  resourcePolicy?: string;
}

/** The exceptions' descriptions in the API reference, used as their messages. */
export const CHANNEL_MESSAGES = {
  notFound: 'This exception is thrown when CloudTrail cannot find the specified channel.',
  arnInvalid: 'This exception is thrown when the specified value of ChannelARN is not valid.',
  alreadyExists: 'This exception is thrown when the provided channel already exists.',
  maxLimit: 'This exception is thrown when the maximum number of channels limit is exceeded.',
  invalidSource: 'This exception is thrown when the specified value of Source is not valid.',
  invalidCategory:
    'This exception is thrown when event categories of specified event data stores are not valid.',
  existsForEds:
    'This exception is thrown when the specified event data store cannot yet be deleted because it is in use by a channel.',
} as const;

export function channelArn(region: string, accountId: string, id: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:channel/${id}`;
}

const CHANNEL_ARN = /^arn:aws:cloudtrail:([a-z0-9-]+):(\d{12}):channel\/([A-Za-z0-9-]+)$/;

/** The parts of a channel ARN, or undefined when the text is not one. */
export function parseChannelArn(text: string): { region: string; accountId: string; id: string } | undefined {
  const match = CHANNEL_ARN.exec(text);
  return match ? { region: match[1]!, accountId: match[2]!, id: match[3]! } : undefined;
}

/** Why a channel name is invalid, or undefined. */
export function channelNameError(name: string): string | undefined {
  if (name.length < CHANNEL_NAME_MIN || name.length > CHANNEL_NAME_MAX) {
    return `The channel name must be between ${CHANNEL_NAME_MIN} and ${CHANNEL_NAME_MAX} characters.`;
  }
  if (!CHANNEL_NAME_PATTERN.test(name)) {
    return 'The channel name can contain only letters, numbers, periods (.), underscores (_) and hyphens (-).';
  }
  return undefined;
}

/**
 * Whether a Source is acceptable: `Custom`, or a partner's source name. Trailview does not hold AWS's
 * partner catalogue, so any other name that is not blank and fits the model's length is taken as a partner's.
 */
export function isValidSource(source: string): boolean {
  return source.trim() !== '' && source.length <= SOURCE_MAX;
}

/** "A maximum of one channel is allowed per source": Trailview applies it to partner sources only. */
export function sourceTakenBy(
  source: string,
  channels: readonly ChannelState[],
  except?: string,
): ChannelState | undefined {
  if (source === CUSTOM_SOURCE) return undefined;
  return channels.find((c) => c.source === source && c.id !== except);
}

/**
 * Whether an event data store collects integration events: every eventCategory its selectors name is
 * ActivityAuditLog ("as long as the destination event data stores are set to log
 * eventCategory="ActivityAuditLog" events", query-event-data-store-integration.html).
 */
export function isIntegrationStore(store: Pick<EventDataStoreState, 'advancedEventSelectors'>): boolean {
  const categories = selectorEventCategories(store.advancedEventSelectors);
  return categories.length > 0 && categories.every((c) => c === INTEGRATION_EVENT_CATEGORY);
}

/** The event data store selectors of an integration store, as the console creates it. */
export const INTEGRATION_STORE_SELECTORS = [
  {
    Name: 'Integration events',
    FieldSelectors: [{ Field: 'eventCategory', Equals: [INTEGRATION_EVENT_CATEGORY] }],
  },
];
