// A PutAuditEvents client for tests: the CloudTrail Data API's restJson1 request as its SDK clients send it
// (`POST <endpoint>/PutAuditEvents?channelArn=…&externalId=…`, JSON body, SigV4 for the service
// `cloudtrail-data`), and its answer or its error as a thrown value named after the exception. The npm
// registry this project installs from does not serve @aws-sdk/client-cloudtrail-data.
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@/server/proxy/sha256';
import { TEST_CREDENTIALS } from './sdk';

export interface AuditEventInput {
  id: string;
  eventData: string;
  eventDataChecksum?: string;
}

export interface PutAuditEventsOutput {
  successful: Array<{ id: string; eventID: string }>;
  failed: Array<{ id: string; errorCode: string; errorMessage: string }>;
}

export class CloudTrailDataError extends Error {
  readonly status: number;
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

export async function putAuditEvents(
  endpoint: string,
  input: { channelArn: string; externalId?: string; auditEvents: AuditEventInput[] },
  options: { region?: string; headers?: Record<string, string> } = {},
): Promise<PutAuditEventsOutput> {
  const url = new URL(`${endpoint.replace(/\/$/, '')}/PutAuditEvents`);
  const query: Record<string, string> = { channelArn: input.channelArn };
  if (input.externalId !== undefined) query.externalId = input.externalId;
  const body = JSON.stringify({ auditEvents: input.auditEvents });
  const signer = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: options.region ?? 'us-east-1',
    service: 'cloudtrail-data',
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host, 'content-type': 'application/json', ...options.headers },
    body,
  });
  url.search = new URLSearchParams(query).toString();
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
  const text = await response.text();
  if (!response.ok) {
    const error = JSON.parse(text) as { __type?: string; message?: string };
    throw new CloudTrailDataError(
      response.headers.get('x-amzn-errortype') ?? error.__type ?? 'Unknown',
      error.message ?? '',
      response.status,
    );
  }
  return JSON.parse(text) as PutAuditEventsOutput;
}

/** An eventData of the integrations schema, valid for the account unless fields are overridden. */
export function auditEventData(accountId: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '1.0',
    userIdentity: { type: 'CustomUser', principalId: 'alice@example.com', details: { team: 'payments' } },
    userAgent: 'billing-app/2.1',
    eventSource: 'billing.example.com',
    eventName: 'ApproveInvoice',
    eventTime: '2026-11-20T10:00:00Z',
    UID: 'uid-1',
    requestParameters: { invoice: 'INV-7', amount: 120 },
    responseElements: { approved: true },
    sourceIPAddress: '198.51.100.7',
    recipientAccountId: accountId,
    ...fields,
  });
}
