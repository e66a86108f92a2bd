// Checks one CloudTrail record against the record-contents table (docs/cloudtrail-facts.md#records; Insights records: #insights). Pure: used by the demo
// generator's tests and by the log importer, which shows the reasons to the user.
import type { EventCategory, EventType, InsightType, UserIdentityType } from './record';

export const EVENT_TYPES: readonly EventType[] = [
  'AwsApiCall',
  'AwsServiceEvent',
  'AwsConsoleAction',
  'AwsConsoleSignIn',
  'AwsCloudTrailInsight',
  'AwsVpceEvent',
];

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  'Management',
  'Data',
  'NetworkActivity',
  'Insight',
];

export const USER_IDENTITY_TYPES: readonly UserIdentityType[] = [
  'Root',
  'IAMUser',
  'AssumedRole',
  'Role',
  'FederatedUser',
  'Directory',
  'AWSAccount',
  'AWSService',
  'IdentityCenterUser',
  'SAMLUser',
  'WebIdentityUser',
  'Unknown',
];

const INSIGHT_TYPES: readonly InsightType[] = ['ApiCallRateInsight', 'ApiErrorRateInsight'];

/** `major.minor`, e.g. 1.05 or 1.11 (§6 eventVersion). */
const EVENT_VERSION = /^\d+\.\d+$/;
/** UTC, second precision, optionally with milliseconds (§6 eventTime). */
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_ID = /^\d{12}$/;
/** §6: userAgent, errorCode and errorMessage hold at most 1 KB. */
const ONE_KB = 1024;

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.includes(value);
}

/** True when the version is at least major.minor (§6: compare major with ==, minor with >=). */
function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [m = 0, n = 0] = version.split('.').map(Number);
  return m > major || (m === major && n >= minor);
}

class Problems {
  readonly list: string[] = [];

  add(reason: string): void {
    this.list.push(reason);
  }

  /** A required string: present and a string; returns it when valid. */
  required(record: Fields, field: string, label = field): string | undefined {
    const value = record[field];
    if (value === undefined || value === null || value === '') this.add(`${label} is missing.`);
    else if (typeof value !== 'string') this.add(`${label} must be a string.`);
    else return value;
    return undefined;
  }

  optionalString(record: Fields, field: string, label = field, maxLength?: number): void {
    const value = record[field];
    if (value === undefined) return;
    if (typeof value !== 'string') this.add(`${label} must be a string.`);
    else if (maxLength !== undefined && value.length > maxLength) this.add(`${label} is longer than 1 KB.`);
  }

  optionalBoolean(record: Fields, field: string): void {
    const value = record[field];
    if (value !== undefined && typeof value !== 'boolean') this.add(`${field} must be true or false.`);
  }

  optionalObject(record: Fields, field: string, label = field, allowNull = false): void {
    const value = record[field];
    if (value === undefined || (allowNull && value === null)) return;
    if (!isObject(value)) this.add(`${label} must be an object${allowNull ? ' or null' : ''}.`);
  }
}

function checkCommon(record: Fields, problems: Problems): string | undefined {
  const version = problems.required(record, 'eventVersion');
  if (version !== undefined && !EVENT_VERSION.test(version))
    problems.add('eventVersion is not a version like 1.11.');
  const time = problems.required(record, 'eventTime');
  if (time !== undefined && (!EVENT_TIME.test(time) || Number.isNaN(Date.parse(time)))) {
    problems.add('eventTime is not an ISO 8601 UTC time such as 2025-03-10T16:24:34Z.');
  }
  const id = problems.required(record, 'eventID');
  if (id !== undefined && !UUID.test(id)) problems.add('eventID is not a UUID.');
  problems.required(record, 'awsRegion');
  const recipient = record.recipientAccountId;
  if (recipient !== undefined && (typeof recipient !== 'string' || !ACCOUNT_ID.test(recipient))) {
    problems.add('recipientAccountId is not a 12-digit account ID.');
  }
  return version;
}

function checkUserIdentity(value: unknown, problems: Problems): void {
  if (value === undefined || value === null) return problems.add('userIdentity is missing.');
  if (!isObject(value)) return problems.add('userIdentity must be an object.');
  const type = value.type;
  // Some AwsServiceEvent records have no type at all (real logs); a type that is there must be known.
  if (type !== undefined && !oneOf(USER_IDENTITY_TYPES, type)) {
    problems.add(`userIdentity.type ${JSON.stringify(type)} is not a known identity type.`);
  }
  for (const field of [
    'principalId',
    'arn',
    'accountId',
    'accessKeyId',
    'userName',
    'invokedBy',
    'credentialId',
  ]) {
    problems.optionalString(value, field, `userIdentity.${field}`);
  }
  problems.optionalObject(value, 'sessionContext', 'userIdentity.sessionContext');
  problems.optionalObject(value, 'onBehalfOf', 'userIdentity.onBehalfOf');
  if (isObject(value.sessionContext)) {
    problems.optionalObject(
      value.sessionContext,
      'sessionIssuer',
      'userIdentity.sessionContext.sessionIssuer',
    );
  }
}

function checkResources(value: unknown, problems: Problems): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return problems.add('resources must be an array.');
  value.forEach((resource: unknown, i) => {
    if (!isObject(resource)) return problems.add(`resources[${i}] must be an object.`);
    for (const field of ['ARN', 'accountId', 'type'])
      problems.optionalString(resource, field, `resources[${i}].${field}`);
  });
}

function checkTls(value: unknown, problems: Problems): void {
  if (value === undefined) return;
  if (!isObject(value)) return problems.add('tlsDetails must be an object.');
  for (const field of ['tlsVersion', 'cipherSuite', 'clientProvidedHostHeader', 'keyExchange']) {
    problems.optionalString(value, field, `tlsDetails.${field}`);
  }
}

function checkEvent(record: Fields, version: string | undefined, problems: Problems): void {
  const source = problems.required(record, 'eventSource');
  if (source !== undefined && !source.endsWith('.amazonaws.com'))
    problems.add('eventSource must end with .amazonaws.com.');
  problems.required(record, 'eventName');
  problems.required(record, 'sourceIPAddress');
  checkUserIdentity(record.userIdentity, problems);
  // §6: both are null for calls without parameters or response, and omitted when larger than 100 KB.
  problems.optionalObject(record, 'requestParameters', 'requestParameters', true);
  problems.optionalObject(record, 'responseElements', 'responseElements', true);
  problems.optionalString(record, 'userAgent', 'userAgent', ONE_KB);
  problems.optionalString(record, 'errorCode', 'errorCode', ONE_KB);
  problems.optionalString(record, 'errorMessage', 'errorMessage', ONE_KB);
  for (const field of ['requestID', 'apiVersion', 'sharedEventID', 'vpcEndpointId', 'vpcEndpointAccountId']) {
    problems.optionalString(record, field);
  }
  problems.optionalBoolean(record, 'readOnly');
  problems.optionalBoolean(record, 'managementEvent');
  problems.optionalObject(record, 'additionalEventData');
  problems.optionalObject(record, 'serviceEventDetails');
  checkResources(record.resources, problems);
  checkTls(record.tlsDetails, problems);
  const fromConsole = record.sessionCredentialFromConsole;
  if (fromConsole !== undefined && fromConsole !== 'true')
    problems.add('sessionCredentialFromConsole must be the string "true".');
  const category = record.eventCategory;
  if (category === undefined) {
    // §6: eventCategory exists since eventVersion 1.07; older records lack it.
    if (version !== undefined && EVENT_VERSION.test(version) && versionAtLeast(version, 1, 7)) {
      problems.add('eventCategory is missing.');
    }
  } else if (category === 'Insight' || !oneOf(EVENT_CATEGORIES, category)) {
    problems.add('eventCategory must be Management, Data or NetworkActivity.');
  }
}

function checkInsight(record: Fields, problems: Problems): void {
  if (record.eventCategory !== 'Insight') problems.add('eventCategory of an Insights event must be Insight.');
  const shared = problems.required(record, 'sharedEventID');
  if (shared !== undefined && !UUID.test(shared)) problems.add('sharedEventID is not a UUID.');
  const details = record.insightDetails;
  if (!isObject(details)) return problems.add('insightDetails is missing.');
  if (details.state !== 'Start' && details.state !== 'End')
    problems.add('insightDetails.state must be Start or End.');
  problems.required(details, 'eventSource', 'insightDetails.eventSource');
  problems.required(details, 'eventName', 'insightDetails.eventName');
  if (!oneOf(INSIGHT_TYPES, details.insightType)) {
    problems.add('insightDetails.insightType must be ApiCallRateInsight or ApiErrorRateInsight.');
  }
  problems.optionalObject(details, 'insightContext', 'insightDetails.insightContext');
}

/** Reasons the value is not a valid CloudTrail record, as short sentences; empty when it is valid. */
export function validateRecord(value: unknown): string[] {
  if (!isObject(value)) return ['The record is not a JSON object.'];
  const problems = new Problems();
  const version = checkCommon(value, problems);
  const type = problems.required(value, 'eventType');
  if (type !== undefined && !oneOf(EVENT_TYPES, type)) {
    problems.add(`eventType ${type} is not one of ${EVENT_TYPES.join(', ')}.`);
  }
  if (type === 'AwsCloudTrailInsight') checkInsight(value, problems);
  else checkEvent(value, version, problems);
  return problems.list;
}
