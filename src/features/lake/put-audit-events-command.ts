// The AWS CLI command that sends one event to a channel (`aws cloudtrail-data put-audit-events`,
// API_PutAuditEvents.html), with an eventData that has every field the integrations schema requires
// (query-integration-event-schema.html, checked by src/domain/integration-events.ts).
import { isoSeconds } from '@/domain/iso-time';
import { parseChannelArn } from '@/domain/lake-channels';

export interface PutAuditEventsCommandInput {
  channelArn: string;
  region: string;
  /** `--endpoint-url`, when the events go to Trailview's server rather than to AWS. */
  endpointUrl?: string;
  /** The example event's time, epoch ms. */
  now: number;
}

/** The command, one option per line (POSIX shell quoting: the events are single-quoted JSON). */
export function putAuditEventsCommand({ channelArn, region, endpointUrl, now }: PutAuditEventsCommandInput) {
  const eventData = {
    version: '1.0',
    userIdentity: { type: 'CustomUser', principalId: 'alice' },
    eventSource: 'my-app.example.com',
    eventName: 'SignIn',
    eventTime: isoSeconds(now),
    UID: 'event-0001',
    recipientAccountId: parseChannelArn(channelArn)?.accountId ?? '',
  };
  const auditEvents = JSON.stringify([{ id: 'event-0001', eventData: JSON.stringify(eventData) }]);
  return [
    'aws cloudtrail-data put-audit-events',
    `  --region ${region}`,
    ...(endpointUrl ? [`  --endpoint-url ${endpointUrl}`] : []),
    `  --channel-arn ${channelArn}`,
    `  --audit-events '${auditEvents.replaceAll("'", `'\\''`)}'`,
  ].join(' \\\n');
}
