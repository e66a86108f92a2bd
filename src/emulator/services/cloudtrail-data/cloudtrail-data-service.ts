// The CloudTrail Data API (service `cloudtrail-data`, restJson1): PutAuditEvents ingests events from outside
// AWS through a channel into the channel's event data stores (API_PutAuditEvents.html). Per-event problems are
// answered in `failed`, the rest stored, and the answer waits until the host has made them durable. Events
// are kept beside the CloudTrail events, not among them: Event history, trails and Insights never see them;
// only Lake queries on the destination stores do (docs/lake.md, "Channels").
import {
  AUDIT_EVENT_ID_PATTERN,
  EXTERNAL_ID_PATTERN,
  integrationRecord,
  MAX_AUDIT_EVENTS,
  MAX_AUDIT_EVENTS_BYTES,
  readEventData,
  type AuditEventFailure,
  type IntegrationRecord,
} from '@/domain/integration-events';
import { eventDataStoreIdOf } from '@/domain/lake';
import { parseChannelArn } from '@/domain/lake-channels';
import { channelPolicyDeniesOwner } from '@/domain/lake-resource-policy';
import type { Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { RestJsonRoute } from '../../protocol/rest-json';
import { constraintMessage, isRecord } from '../input';
import type { ChannelCatalog } from '../cloudtrail/lake-channels';

export const CLOUDTRAIL_DATA_ROUTES: readonly RestJsonRoute[] = [
  {
    method: 'POST',
    path: '/PutAuditEvents',
    operation: 'PutAuditEvents',
    query: { channelArn: 'channelArn', externalId: 'externalId' },
  },
];

/** PutAuditEvents is a data event of the channel (resources.type AWS::CloudTrail::Channel), not a management event. */
export const CLOUDTRAIL_DATA_DATA_OPERATIONS: ReadonlySet<string> = new Set(['PutAuditEvents']);

// The exceptions' descriptions in the cloudtrail-data model, used as their messages.
const MESSAGES = {
  invalidArn: 'The specified channel ARN is not a valid channel ARN.',
  notFound: 'The channel could not be found.',
  insufficientPermission: "The caller's account ID must be the same as the channel owner's account ID.",
  duplicated: 'Two or more entries in the request have the same event ID.',
  // IAM's wording of an explicit deny (reference_policies_evaluation-logic; the caller is the account root).
  explicitDeny: (accountId: string, channelArn: string) =>
    `User: arn:aws:iam::${accountId}:root is not authorized to perform: cloudtrail-data:PutAuditEvents on resource: ${channelArn} with an explicit deny in a resource-based policy`,
} as const;

const validation = (message: string) => new ServiceError('ValidationException', message);

interface AuditEventInput {
  id: string;
  eventData: string;
  eventDataChecksum?: string;
}

function readAuditEvents(value: unknown): AuditEventInput[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw validation(
      constraintMessage('[]', 'auditEvents', 'Member must have length greater than or equal to 1'),
    );
  }
  if (value.length > MAX_AUDIT_EVENTS) {
    throw validation(
      `1 validation error detected: Value at 'auditEvents' failed to satisfy constraint: Member must have length less than or equal to ${MAX_AUDIT_EVENTS}`,
    );
  }
  const events = value.map((item, i): AuditEventInput => {
    const where = `auditEvents.${i + 1}`;
    if (!isRecord(item)) throw validation(`${where} must be an object with an id and eventData.`);
    const { id, eventData, eventDataChecksum } = item;
    if (typeof id !== 'string' || !AUDIT_EVENT_ID_PATTERN.test(id)) {
      throw validation(
        constraintMessage(
          String(id),
          `${where}.member.id`,
          'Member must satisfy regular expression pattern: [-_A-Za-z0-9]+ and have length between 1 and 128',
        ),
      );
    }
    if (typeof eventData !== 'string') throw validation(`${where}.member.eventData must be a string.`);
    if (
      eventDataChecksum !== undefined &&
      eventDataChecksum !== null &&
      typeof eventDataChecksum !== 'string'
    ) {
      throw validation(`${where}.member.eventDataChecksum must be a string.`);
    }
    return { id, eventData, ...(typeof eventDataChecksum === 'string' ? { eventDataChecksum } : {}) };
  });
  const bytes = events.reduce((sum, e) => sum + new TextEncoder().encode(e.eventData).length, 0);
  if (bytes > MAX_AUDIT_EVENTS_BYTES) {
    throw validation(
      `The events of one request may hold up to 1 MB of event data; these hold ${bytes} bytes.`,
    );
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) throw new ServiceError('DuplicatedAuditEventId', MESSAGES.duplicated);
    seen.add(event.id);
  }
  return events;
}

/** base64 of the SHA-256 of the event data ("printf %s $eventdata | openssl dgst -binary -sha256 | base64"). */
async function checksumOf(eventData: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(eventData));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

export function cloudTrailDataOperations(channels: ChannelCatalog): Record<string, Operation> {
  return {
    async PutAuditEvents(input, context) {
      await channels.ready();
      const arnOrId = typeof input.channelArn === 'string' ? input.channelArn : '';
      if (arnOrId === '') throw new ServiceError('InvalidChannelARN', MESSAGES.invalidArn);
      let id = arnOrId;
      if (arnOrId.startsWith('arn:')) {
        const arn = parseChannelArn(arnOrId);
        if (!arn) throw new ServiceError('InvalidChannelARN', MESSAGES.invalidArn);
        if (arn.accountId !== context.accountId) {
          throw new ServiceError('ChannelInsufficientPermission', MESSAGES.insufficientPermission);
        }
        id = arn.id;
      }
      const channel = channels.list().find((c) => c.id === id && (id === arnOrId || c.arn === arnOrId));
      if (!channel) throw new ServiceError('ChannelNotFound', MESSAGES.notFound);
      // A given external ID must be well formed; whether the channel's policy lets the call in is checked next.
      const externalId = input.externalId;
      if (
        externalId !== undefined &&
        (typeof externalId !== 'string' || !EXTERNAL_ID_PATTERN.test(externalId))
      ) {
        throw validation(
          constraintMessage(
            String(externalId),
            'externalId',
            'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]* and have length between 2 and 1224',
          ),
        );
      }
      // Every caller here is the channel's owner, whom only a Deny of the channel's policy keeps out.
      if (
        channel.resourcePolicy !== undefined &&
        channelPolicyDeniesOwner(channel.resourcePolicy, context.accountId, externalId as string | undefined)
      ) {
        throw new ServiceError(
          'AccessDeniedException',
          MESSAGES.explicitDeny(context.accountId, channel.arn),
          403,
        );
      }
      const events = readAuditEvents(input.auditEvents);

      const successful: Array<{ id: string; eventID: string }> = [];
      const failed: Array<{ id: string } & AuditEventFailure> = [];
      const records: IntegrationRecord[] = [];
      for (const event of events) {
        if (
          event.eventDataChecksum !== undefined &&
          event.eventDataChecksum !== (await checksumOf(event.eventData))
        ) {
          failed.push({
            id: event.id,
            errorCode: 'InvalidChecksum',
            errorMessage: 'The eventDataChecksum does not match the SHA-256 of the event data.',
          });
          continue;
        }
        const read = readEventData(event.eventData, context.accountId);
        if ('failure' in read) {
          failed.push({ id: event.id, ...read.failure });
          continue;
        }
        const eventID = crypto.randomUUID();
        records.push(
          integrationRecord({
            eventId: eventID,
            eventData: read.eventData,
            region: context.region,
            accountId: context.accountId,
            channelArn: channel.arn,
            ingestedMs: context.now,
          }),
        );
        successful.push({ id: event.id, eventID });
      }

      const storeIds = channel.destinations
        .filter((d) => d.Type === 'EVENT_DATA_STORE')
        .map((d) => eventDataStoreIdOf(d.Location));
      // Acknowledged only once the events are durable (the local backend commits them before this resolves).
      if (records.length > 0) await channels.persistence.addEvents(storeIds, records);

      const last = records.at(-1)?.eventID;
      const ingestion = {
        ...channel.ingestion,
        latestAttemptMs: context.now,
        ...(last
          ? { latestAttemptEventId: last, latestSuccessMs: context.now, latestSuccessEventId: last }
          : {}),
        ...(failed.length > 0 ? { latestErrorCode: failed.at(-1)!.errorCode } : {}),
      };
      // The channel as it is now: an UpdateChannel may have run while the events were written.
      const current = channels.list().find((c) => c.id === channel.id);
      try {
        if (current) await channels.put({ ...current, ingestion });
      } catch (error) {
        // The events are stored; only GetChannel's IngestionStatus could not be kept.
        console.error('emulator: could not save a channel ingestion status', error);
      }
      return { successful, failed };
    },
  };
}
