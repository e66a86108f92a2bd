// The CloudTrail record of one call the emulator served (record-contents.html, eventVersion 1.11): a
// management event with the configured identity, the request's user agent and source IP, the request
// and response as the service writes them, and errorCode/errorMessage when it failed.
import type { CloudTrailRecord, UserIdentity } from '@/domain/record';
import type { CallContext } from '../context';
import type { ServiceError } from '../errors';
import { isoTimestamp } from '../protocol/xml';
import { isReadOnlyOperation, type ServiceDefinition } from '../services/service';
import { auditObject } from './audit-case';

export interface AuditedCall {
  service: ServiceDefinition;
  operation: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: ServiceError;
  context: CallContext;
  identity: UserIdentity;
}

export const AUDIT_EVENT_VERSION = '1.11';

export function buildAuditRecord(call: AuditedCall): CloudTrailRecord {
  const { service, operation, input, output, error, context } = call;
  const audit = service.audit ?? {};
  const mapMembers = new Set(audit.mapMembers ?? []);
  const readOnly = isReadOnlyOperation(operation);
  const requestParameters = audit.requestParameters
    ? audit.requestParameters(operation, input, context)
    : auditObject(input, mapMembers);
  // "null for readOnly APIs and APIs without response" (reference event-history-insights.md §6).
  let responseElements = null;
  if (!error && !readOnly) {
    responseElements = audit.responseElements
      ? audit.responseElements(operation, output, context)
      : auditObject(output, mapMembers);
  }
  const resources = audit.resources?.(operation, input, output, context);
  const record: CloudTrailRecord = {
    eventVersion: AUDIT_EVENT_VERSION,
    userIdentity: call.identity,
    eventTime: isoTimestamp(new Date(context.now)),
    eventSource: service.eventSource,
    eventName: operation,
    awsRegion: audit.region?.(operation, input, context) ?? context.region,
    sourceIPAddress: context.sourceIp,
    userAgent: context.userAgent,
    requestParameters,
    responseElements,
    requestID: context.requestId,
    eventID: crypto.randomUUID(),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: context.accountId,
    eventCategory: 'Management',
  };
  if (error) {
    record.errorCode = audit.errorCode?.(error.code) ?? error.code;
    record.errorMessage = error.message;
  }
  if (resources && resources.length > 0) record.resources = resources;
  return orderFields(record);
}

// Field order of real records (record-contents.html): errors after userAgent, resources after readOnly.
const ORDER: Array<keyof CloudTrailRecord> = [
  'eventVersion',
  'userIdentity',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'requestParameters',
  'responseElements',
  'requestID',
  'eventID',
  'readOnly',
  'resources',
  'eventType',
  'managementEvent',
  'recipientAccountId',
  'eventCategory',
];

function orderFields(record: CloudTrailRecord): CloudTrailRecord {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (record[key] !== undefined) ordered[key] = record[key];
  return ordered as unknown as CloudTrailRecord;
}
