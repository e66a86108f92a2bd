// The one place Lake reads events: a subquery over the store's `events` table (columns record, event_id,
// time_ms, region, event_name, event_source) that shapes each row as Lake's CloudTrail schema
// (query-limitations.html): top-level record fields as columns, userIdentity and tlsDetails as structs,
// requestParameters/responseElements/additionalEventData/serviceEventDetails as map<string,string>,
// eventTime as a timestamp. Columns the store keeps on their own (eventName, eventSource, awsRegion,
// eventID, eventTime) are read from them, so a query that uses only those never parses a record.
import type { AdvancedEventSelector, AdvancedFieldSelector } from '@/domain/event-selectors';
import { DESELECT_OPERATORS, SELECT_OPERATORS } from '@/domain/event-selectors';
import { DAY_MS, type EventDataStoreState } from '@/domain/lake';
import { isIntegrationStore } from '@/domain/lake-channels';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A JSON object member as map<string,string>: strings as they are, other values as JSON text. */
function mapColumn(member: string): string {
  const value = `(j->'${member}')`;
  return `CASE WHEN json_type(${value}) = 'OBJECT' THEN map_from_entries(list_transform(
      map_entries(json_transform(${value}, '"MAP(VARCHAR, JSON)"')),
      e -> {'key': e.key, 'value': CASE json_type(e.value) WHEN 'VARCHAR' THEN e.value->>'$'
        WHEN 'NULL' THEN NULL ELSE e.value::VARCHAR END})) END AS ${member}`;
}

const USER_IDENTITY_SHAPE = JSON.stringify({
  type: 'VARCHAR',
  principalId: 'VARCHAR',
  arn: 'VARCHAR',
  accountId: 'VARCHAR',
  accessKeyId: 'VARCHAR',
  userName: 'VARCHAR',
  sessionContext: {
    attributes: { creationDate: 'TIMESTAMP', mfaAuthenticated: 'VARCHAR' },
    sessionIssuer: {
      type: 'VARCHAR',
      principalId: 'VARCHAR',
      arn: 'VARCHAR',
      accountId: 'VARCHAR',
      userName: 'VARCHAR',
    },
    webIdFederationData: { federatedProvider: 'VARCHAR', attributes: 'MAP(VARCHAR, VARCHAR)' },
    sourceIdentity: 'VARCHAR',
    ec2RoleDelivery: 'VARCHAR',
    ec2IssuedInVPC: 'VARCHAR',
  },
  invokedBy: 'VARCHAR',
  identityProvider: 'VARCHAR',
});

const TLS_SHAPE = JSON.stringify({
  tlsVersion: 'VARCHAR',
  cipherSuite: 'VARCHAR',
  clientProvidedHostHeader: 'VARCHAR',
});

const RESOURCES_SHAPE = JSON.stringify([{ accountId: 'VARCHAR', type: 'VARCHAR', ARN: 'VARCHAR' }]);

const text = (member: string) => `j->>'${member}' AS ${member}`;

/** The columns of a Lake row, over a relation with the events columns and `j` (the record as JSON). */
const LAKE_SELECT_LIST = [
  text('eventVersion'),
  `json_transform(j->'userIdentity', '${USER_IDENTITY_SHAPE}') AS userIdentity`,
  `make_timestamp(time_ms * 1000) AS eventTime`,
  `event_source AS eventSource`,
  `event_name AS eventName`,
  `region AS awsRegion`,
  text('sourceIPAddress'),
  text('userAgent'),
  text('errorCode'),
  text('errorMessage'),
  mapColumn('requestParameters'),
  mapColumn('responseElements'),
  mapColumn('additionalEventData'),
  text('requestID'),
  `event_id AS eventID`,
  `TRY_CAST(j->>'readOnly' AS BOOLEAN) AS readOnly`,
  `json_transform(j->'resources', '${RESOURCES_SHAPE}') AS resources`,
  text('eventType'),
  text('apiVersion'),
  `TRY_CAST(j->>'managementEvent' AS BOOLEAN) AS managementEvent`,
  text('recipientAccountId'),
  text('sharedEventID'),
  text('vpcEndpointId'),
  mapColumn('serviceEventDetails'),
  `coalesce(j->>'eventCategory', CASE WHEN j->>'managementEvent' = 'false' THEN 'Data' ELSE 'Management' END) AS eventCategory`,
  `json_transform(j->'tlsDetails', '${TLS_SHAPE}') AS tlsDetails`,
  text('sessionCredentialFromConsole'),
].join(',\n  ');

/** The values an advanced selector field reads from a record, as a DuckDB list expression. */
function fieldValues(field: string, resourceTypes: readonly string[] | undefined): string | undefined {
  const one = (expression: string) => `list_filter([${expression}], v -> v IS NOT NULL)`;
  const resources = `coalesce(json_transform(j->'resources', '${RESOURCES_SHAPE}'), [])`;
  switch (field) {
    case 'eventCategory':
      return one(
        `coalesce(j->>'eventCategory', CASE WHEN j->>'managementEvent' = 'false' THEN 'Data' ELSE 'Management' END)`,
      );
    case 'eventSource':
      return one('event_source');
    case 'eventName':
      return one('event_name');
    case 'readOnly':
    case 'eventType':
    case 'errorCode':
    case 'vpcEndpointId':
    case 'sessionCredentialFromConsole':
      return one(`j->>'${field}'`);
    case 'userIdentity.arn':
      return one(`j->'userIdentity'->>'arn'`);
    case 'resources.type':
      return `list_filter(list_transform(${resources}, r -> r.type), v -> v IS NOT NULL)`;
    case 'resources.ARN': {
      const ofType = resourceTypes
        ? `list_filter(${resources}, r -> r.type IN (${resourceTypes.map(literal).join(', ')}))`
        : resources;
      return `list_filter(list_transform(${ofType}, r -> r.ARN), v -> v IS NOT NULL)`;
    }
    default:
      return undefined;
  }
}

const OPERATOR_SQL: Record<string, (operand: string) => string> = {
  Equals: (o) => `v = ${literal(o)}`,
  NotEquals: (o) => `v = ${literal(o)}`,
  StartsWith: (o) => `starts_with(v, ${literal(o)})`,
  NotStartsWith: (o) => `starts_with(v, ${literal(o)})`,
  EndsWith: (o) => `suffix(v, ${literal(o)})`,
  NotEndsWith: (o) => `suffix(v, ${literal(o)})`,
};

/** The same semantics as domain/event-selectors.ts `fieldMatches`, as SQL over `j`. */
function fieldCondition(field: AdvancedFieldSelector, resourceTypes: readonly string[] | undefined): string {
  const values = fieldValues(field.Field, resourceTypes);
  if (!values) return 'false';
  const any = (ops: readonly string[]) =>
    ops.flatMap(
      (op) =>
        (field[op as keyof AdvancedFieldSelector] as string[] | undefined)?.map(OPERATOR_SQL[op]!) ?? [],
    );
  const selects = any(SELECT_OPERATORS);
  const deselects = any(DESELECT_OPERATORS);
  const parts: string[] = [];
  if (selects.length > 0) parts.push(`len(list_filter(${values}, v -> ${selects.join(' OR ')})) > 0`);
  if (deselects.length > 0) parts.push(`len(list_filter(${values}, v -> ${deselects.join(' OR ')})) = 0`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

export function selectorsCondition(selectors: readonly AdvancedEventSelector[]): string {
  if (selectors.length === 0) return 'true';
  return selectors
    .map((selector) => {
      const types = selector.FieldSelectors.find((f) => f.Field === 'resources.type')?.Equals;
      return `(${selector.FieldSelectors.map((f) => fieldCondition(f, types)).join(' AND ') || 'true'})`;
    })
    .join(' OR ');
}

/** The table of events imports copied into stores (server/store/database.ts). */
export const IMPORT_MEMBERS_TABLE = 'lake_import_members';

/** Events StartImport copied into the store, whatever its selectors, creation time and ingestion. */
function importedCondition(store: EventDataStoreState): string {
  return `event_id IN (SELECT event_id FROM ${IMPORT_MEMBERS_TABLE} WHERE store = ${literal(store.id)})`;
}

const retentionCondition = (store: EventDataStoreState, now: number) =>
  `time_ms >= ${Math.floor(now - store.retentionPeriod * DAY_MS)}`;

/** What a store collects, as a condition on the events table's own columns: its time window and Region. */
export function storeRowsCondition(store: EventDataStoreState, now: number): string {
  const conditions = [retentionCondition(store, now)];
  if (!store.builtIn) {
    // A created store collects the events that arrive from its creation on.
    conditions.push(`time_ms >= ${Math.floor(store.createdMs)}`);
    if (!store.multiRegionEnabled) conditions.push(`region = ${literal(store.homeRegion)}`);
  }
  // Events of the times ingestion was stopped never reached the store (their event time stands in for
  // their arrival time, which the store does not keep).
  for (const stop of store.ingestionStops ?? []) {
    const from = Math.floor(stop.fromMs);
    conditions.push(
      stop.toMs === undefined
        ? `time_ms < ${from}`
        : `NOT (time_ms >= ${from} AND time_ms < ${Math.floor(stop.toMs)})`,
    );
  }
  return conditions.join(' AND ');
}

/**
 * The events of one store, with the record as JSON `j`, before they are shaped as Lake rows: those it
 * collects (time window, Region, selectors) and those imports copied into it (within its retention).
 */
export function storeEvents(store: EventDataStoreState, now: number): string {
  // An integration store holds only what its channels ingested: no CloudTrail event is ActivityAuditLog.
  if (isIntegrationStore(store)) return channelEvents(store, now);
  if (store.builtIn) {
    return `SELECT event_id, time_ms, region, event_name, event_source, record,
        CAST(decode(record) AS JSON) AS j FROM events WHERE ${storeRowsCondition(store, now)}`;
  }
  const selected = selectorsCondition(store.advancedEventSelectors);
  const imported = importedCondition(store);
  return `SELECT * EXCLUDE (imported) FROM (SELECT event_id, time_ms, region, event_name, event_source, record,
        CAST(decode(record) AS JSON) AS j, ${imported} AS imported FROM events
        WHERE (${storeRowsCondition(store, now)}) OR (${retentionCondition(store, now)} AND ${imported}))
      WHERE imported OR (${selected})`;
}

/** The table of events PutAuditEvents ingested through channels (server/store/database.ts). */
export const CHANNEL_EVENTS_TABLE = 'lake_channel_events';

const EVENT_DATA_SHAPE = JSON.stringify({
  version: 'VARCHAR',
  userIdentity: { type: 'VARCHAR', principalId: 'VARCHAR', details: 'JSON' },
  userAgent: 'VARCHAR',
  eventSource: 'VARCHAR',
  eventName: 'VARCHAR',
  eventTime: 'VARCHAR',
  UID: 'VARCHAR',
  requestParameters: 'JSON',
  responseElements: 'JSON',
  errorCode: 'VARCHAR',
  errorMessage: 'VARCHAR',
  sourceIPAddress: 'VARCHAR',
  recipientAccountId: 'VARCHAR',
  additionalEventData: 'JSON',
});
const METADATA_SHAPE = JSON.stringify({ ingestionTime: 'VARCHAR', channelARN: 'VARCHAR' });
const ADDENDUM_SHAPE = JSON.stringify({
  reason: 'VARCHAR',
  updatedFields: 'VARCHAR',
  originalUID: 'VARCHAR',
  originalEventID: 'VARCHAR',
});

/**
 * The columns of an integration store (query-integration-event-schema.html): what CloudTrail adds at
 * ingestion, and eventData as a struct whose JSON members stay JSON (domain/integration-events.ts).
 */
const INTEGRATION_SELECT_LIST = [
  text('eventVersion'),
  text('eventCategory'),
  text('eventType'),
  `event_id AS eventID`,
  `make_timestamp(time_ms * 1000) AS eventTime`,
  `region AS awsRegion`,
  text('recipientAccountId'),
  `json_transform(j->'addendum', '${ADDENDUM_SHAPE}') AS addendum`,
  `json_transform(j->'metadata', '${METADATA_SHAPE}') AS metadata`,
  `json_transform(j->'eventData', '${EVENT_DATA_SHAPE}') AS eventData`,
].join(',\n  ');

/** The events PutAuditEvents ingested into an integration store, within its retention. */
function channelEvents(store: EventDataStoreState, now: number): string {
  return `SELECT event_id, time_ms, region, event_name, event_source, record,
      CAST(decode(record) AS JSON) AS j FROM ${CHANNEL_EVENTS_TABLE}
      WHERE store = ${literal(store.id)} AND ${retentionCondition(store, now)}`;
}

/** The rows of one event data store in Lake's schema (an integration store: the integrations schema). */
export function storeSubquery(store: EventDataStoreState, now: number): string {
  if (isIntegrationStore(store)) {
    return `SELECT ${INTEGRATION_SELECT_LIST}\nFROM (${channelEvents(store, now)})`;
  }
  return `SELECT ${LAKE_SELECT_LIST}\nFROM (${storeEvents(store, now)})`;
}
