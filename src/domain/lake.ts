// CloudTrail Lake: event data stores and queries (docs/lake.md has the sources). The limits, statuses and
// messages here are shared by the emulator's Lake API, the server's SQL engine and the console's forms.
import type { AdvancedEventSelector } from './event-selectors';
import type { EventDataStoreEventConfiguration } from './lake-event-configuration';

export type EventDataStoreStatus =
  | 'CREATED'
  | 'ENABLED'
  | 'PENDING_DELETION'
  | 'STARTING_INGESTION'
  | 'STOPPING_INGESTION'
  | 'STOPPED_INGESTION';

/** AWS's notice on Lake pages and in the CLI reference since 2026 (cloudtrail-lake-service-availability-change.html). */
export const LAKE_AVAILABILITY_NOTE =
  'AWS CloudTrail Lake is no longer open to new customers since May 31, 2026. Existing customers can continue to use the service as normal.';

/** How the console names a Lake status (an event data store's, an import's): the API value in sentence case. */
export function lakeStatusLabel(status: string): string {
  const words = status.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';

/** Statuses after which a query no longer changes (CancelQuery refuses them). */
export const TERMINAL_QUERY_STATUSES: ReadonlySet<QueryStatus> = new Set([
  'FINISHED',
  'FAILED',
  'CANCELLED',
  'TIMED_OUT',
]);

export const QUERY_STATUSES: readonly QueryStatus[] = [
  'QUEUED',
  'RUNNING',
  'FINISHED',
  'FAILED',
  'CANCELLED',
  'TIMED_OUT',
];

/** An event data store as the emulator keeps it (times in epoch ms). */
export interface EventDataStoreState {
  id: string;
  arn: string;
  name: string;
  status: EventDataStoreStatus;
  advancedEventSelectors: AdvancedEventSelector[];
  multiRegionEnabled: boolean;
  organizationEnabled: boolean;
  retentionPeriod: number;
  terminationProtectionEnabled: boolean;
  billingMode: BillingMode;
  /** The Region the store lives in; a store that is not multi-Region collects only this Region's events. */
  homeRegion: string;
  createdMs: number;
  updatedMs: number;
  /** When DeleteEventDataStore put it in PENDING_DELETION. */
  deletedMs?: number;
  /** The built-in store of the local backend: every stored event, whatever its time or origin. */
  builtIn?: boolean;
  /**
   * Periods ingestion was stopped (StopEventDataStoreIngestion to StartEventDataStoreIngestion; `toMs` unset
   * while it still is): the store holds none of the events of those times.
   */
  ingestionStops?: Array<{ fromMs: number; toMs?: number }>;
  tags: Array<{ Key: string; Value?: string }>;
  /** The resource-based policy JSON text as put (PutResourcePolicy); DeleteEventDataStore removes it. */
  resourcePolicy?: string;
  /** PutEventConfiguration's settings; absent members are the defaults (lake-event-configuration.ts). */
  eventConfiguration?: EventDataStoreEventConfiguration;
}

export const EDS_NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const EDS_NAME_MIN = 3;
export const EDS_NAME_MAX = 128;
/** The name field's constraint text in the console's create and edit forms. */
export const EDS_NAME_CONSTRAINT = `${EDS_NAME_MIN}-${EDS_NAME_MAX} characters. Only letters, numbers, periods, underscores and hyphens are allowed.`;
export const RETENTION_MIN_DAYS = 7;
/** Maximum and default retention by pricing option (query-event-data-store-cloudtrail.html). */
export const RETENTION_BY_BILLING: Readonly<Record<BillingMode, { max: number; default: number }>> = {
  EXTENDABLE_RETENTION_PRICING: { max: 3653, default: 366 },
  FIXED_RETENTION_PRICING: { max: 2557, default: 2557 },
};
/** Event data stores per Region, pending deletion included (WhatIsCloudTrail-Limits.html). */
export const MAX_EVENT_DATA_STORES = 10;
/** A deleted store stays restorable in PENDING_DELETION this long. */
export const PENDING_DELETION_DAYS = 7;
export const DAY_MS = 86_400_000;
/** Queued and running queries per account (MaxConcurrentQueriesException). */
export const MAX_CONCURRENT_QUERIES = 10;
export const QUERY_STATEMENT_MAX = 10_000;
export const MAX_QUERY_RESULTS = 1000;
/** Query results and history are kept this long. */
export const QUERY_RESULTS_DAYS = 7;
export const MAX_EDS_SELECTORS = 5;

/** The name of the local backend's built-in store holding every stored event. */
export const BUILT_IN_STORE_NAME = 'trailview-all-events';

/**
 * The local backend's built-in store: every stored event (served calls, the demo account, imports) from
 * every Region, whatever its time within the longest retention, protected from deletion. Listed like any
 * other store; only its selection differs (no selectors: everything).
 */
export function builtInEventDataStore(options: {
  id: string;
  accountId: string;
  region: string;
  createdMs: number;
}): EventDataStoreState {
  const { id, accountId, region, createdMs } = options;
  return {
    id,
    arn: eventDataStoreArn(region, accountId, id),
    name: BUILT_IN_STORE_NAME,
    status: 'ENABLED',
    advancedEventSelectors: [],
    multiRegionEnabled: true,
    organizationEnabled: false,
    retentionPeriod: RETENTION_BY_BILLING.EXTENDABLE_RETENTION_PRICING.max,
    terminationProtectionEnabled: true,
    billingMode: 'EXTENDABLE_RETENTION_PRICING',
    homeRegion: region,
    createdMs,
    updatedMs: createdMs,
    builtIn: true,
    tags: [],
  };
}

export const LAKE_MESSAGES = {
  maxConcurrentQueries:
    'The maximum number of concurrent queries is 10. Wait a minute for some queries to finish, and then run the query again.',
  inactiveQuery:
    'The specified query cannot be canceled because it is in the FINISHED, FAILED, TIMED_OUT, or CANCELLED state.',
  edsNotFound: 'The specified event data store was not found.',
  edsAlreadyExists: 'An event data store with that name already exists.',
  edsMaxLimit: 'Your account has used the maximum number of event data stores.',
  edsTerminationProtected:
    'The event data store cannot be deleted because termination protection is enabled for it.',
  edsInactive: 'The event data store is inactive.',
  // EventDataStoreHasOngoingImportException (API reference, UpdateEventDataStore, DeleteEventDataStore).
  edsOngoingImport:
    'This exception is thrown when you try to update or delete an event data store that currently has an import in progress.',
  // InvalidEventDataStoreStatusException (API reference, Start/StopEventDataStoreIngestion, Restore…).
  edsStatus: 'The event data store is not in a status that supports the operation.',
  edsArnInvalid:
    'The specified event data store ARN is not valid or does not map to an event data store in your account.',
  queryIdNotFound: 'The query ID does not exist or does not map to a query.',
  onlySelect: 'Only SELECT statements are allowed. No query strings can change or mutate data.',
  noEventDataStore: 'The query must name an event data store ID in its FROM clause.',
  intervalKeyword: 'CloudTrail Lake does not support the INTERVAL keyword.',
  noEngine:
    'CloudTrail Lake queries need a SQL engine: run the console with the local backend (npm start). The demo build lists event data stores but cannot run queries.',
  timedOut: 'The query exceeded its time limit and was stopped.',
} as const;

/** The ID part of an event data store ARN, or the input when it is already an ID. */
export function eventDataStoreIdOf(idOrArn: string): string {
  const slash = idOrArn.lastIndexOf('/');
  return idOrArn.startsWith('arn:') && slash >= 0 ? idOrArn.slice(slash + 1) : idOrArn;
}

export function eventDataStoreArn(region: string, accountId: string, id: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:eventdatastore/${id}`;
}

/** Why a store name is invalid, or undefined. */
export function eventDataStoreNameError(name: string): string | undefined {
  if (name.length < EDS_NAME_MIN || name.length > EDS_NAME_MAX) {
    return `The event data store name must be between ${EDS_NAME_MIN} and ${EDS_NAME_MAX} characters.`;
  }
  if (!EDS_NAME_PATTERN.test(name)) {
    return 'The event data store name can contain only letters, numbers, periods (.), underscores (_) and hyphens (-).';
  }
  return undefined;
}

/**
 * Why a retention period is invalid for the pricing option, or undefined. RetentionPeriod is an Integer in the
 * API model, so a fraction is refused for what it is before the range is checked.
 */
export function retentionPeriodError(days: number, billing: BillingMode): string | undefined {
  const { max } = RETENTION_BY_BILLING[billing];
  if (!Number.isInteger(days)) {
    return 'The retention period must be a whole number of days.';
  }
  if (days < RETENTION_MIN_DAYS || days > max) {
    return `The retention period must be between ${RETENTION_MIN_DAYS} and ${max} days.`;
  }
  return undefined;
}

/**
 * The columns of a CloudTrail event data store as Lake's SQL sees them (query-limitations.html, "Supported
 * schema for event record fields"); the editor completes them, the server builds its view with them.
 */
export const LAKE_COLUMNS: ReadonlyArray<{ name: string; type: string }> = [
  { name: 'eventVersion', type: 'string' },
  { name: 'userIdentity', type: 'struct' },
  { name: 'eventTime', type: 'timestamp' },
  { name: 'eventSource', type: 'string' },
  { name: 'eventName', type: 'string' },
  { name: 'awsRegion', type: 'string' },
  { name: 'sourceIPAddress', type: 'string' },
  { name: 'userAgent', type: 'string' },
  { name: 'errorCode', type: 'string' },
  { name: 'errorMessage', type: 'string' },
  { name: 'requestParameters', type: 'map<string,string>' },
  { name: 'responseElements', type: 'map<string,string>' },
  { name: 'additionalEventData', type: 'map<string,string>' },
  { name: 'requestID', type: 'string' },
  { name: 'eventID', type: 'string' },
  { name: 'readOnly', type: 'boolean' },
  { name: 'resources', type: 'array<struct>' },
  { name: 'eventType', type: 'string' },
  { name: 'apiVersion', type: 'string' },
  { name: 'managementEvent', type: 'boolean' },
  { name: 'recipientAccountId', type: 'string' },
  { name: 'sharedEventID', type: 'string' },
  { name: 'vpcEndpointId', type: 'string' },
  { name: 'serviceEventDetails', type: 'map<string,string>' },
  { name: 'eventCategory', type: 'string' },
  { name: 'tlsDetails', type: 'struct' },
  { name: 'sessionCredentialFromConsole', type: 'string' },
];

/** Nested fields the editor completes after a dot. */
export const LAKE_NESTED_FIELDS: ReadonlyArray<string> = [
  'userIdentity.type',
  'userIdentity.principalId',
  'userIdentity.arn',
  'userIdentity.accountId',
  'userIdentity.accessKeyId',
  'userIdentity.userName',
  'userIdentity.invokedBy',
  'userIdentity.identityProvider',
  'userIdentity.sessionContext.attributes.creationDate',
  'userIdentity.sessionContext.attributes.mfaAuthenticated',
  'userIdentity.sessionContext.sessionIssuer.type',
  'userIdentity.sessionContext.sessionIssuer.principalId',
  'userIdentity.sessionContext.sessionIssuer.arn',
  'userIdentity.sessionContext.sessionIssuer.accountId',
  'userIdentity.sessionContext.sessionIssuer.userName',
  'userIdentity.sessionContext.sourceIdentity',
  'tlsDetails.tlsVersion',
  'tlsDetails.cipherSuite',
  'tlsDetails.clientProvidedHostHeader',
];
