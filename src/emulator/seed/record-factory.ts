// Assembles one CloudTrail record from a call: who, when, which API, where, and how it ended.
// Field order follows real records (docs/cloudtrail-facts.md#records) so exported JSON reads like the real thing.
import type { CloudTrailRecord, TlsDetails, UserIdentity } from '@/domain/record';
import type { ApiSpec, Builder, CallContext, ErrorSpec, Payload, ServiceSpec } from './catalog/types';
import { tlsFor } from './clients';
import type { Prng } from './prng';
import { ACCOUNT_ID } from './resources';
import { eventTimeOf } from './time';

export interface Caller {
  identity: UserIdentity;
  userAgent: string;
  sourceIp: string;
  /** Credentials from a console session: sessionCredentialFromConsole "true". */
  console?: boolean;
  /** A service calling for the principal, or as itself: such records have no tlsDetails (docs/cloudtrail-facts.md#records). */
  viaService?: boolean;
  /** Older clients negotiate TLS 1.2. */
  legacyTls?: boolean;
  vpcEndpointId?: string;
}

/** The generator's state for one UTC day. */
export interface DayFrame {
  rng: Prng;
  dayStartMs: number;
  /** "2025-03-10T" */
  datePrefix: string;
}

export interface Call {
  /** Second of the UTC day. */
  second: number;
  caller: Caller;
  api: ApiSpec;
  region: string;
  /** Replaces the API's own payload builder (stories need specific requests). */
  build?: Builder;
  /** Forces the outcome; by default the API's error rate decides. */
  outcome?: ErrorSpec | 'success';
  /** Scales the API's error rate for this caller (careful scripts fail less, probing people more). */
  errorFactor?: number;
  /** Chance that a write is denied: the caller lacks permissions for most writes. */
  deniedWrites?: number;
}

/** TLS details per service and Region: one shared object for all records of the same endpoint. */
const endpointTls = new Map<ServiceSpec, Map<string, TlsDetails>>();

function tlsOf(
  service: ServiceSpec,
  region: string,
  payloadHost: string | undefined,
  legacy: boolean | undefined,
): TlsDetails {
  if (payloadHost || legacy) return tlsFor(payloadHost ?? service.host(region), legacy);
  let byRegion = endpointTls.get(service);
  if (!byRegion) endpointTls.set(service, (byRegion = new Map()));
  let tls = byRegion.get(region);
  if (!tls) byRegion.set(region, (tls = tlsFor(service.host(region))));
  return tls;
}

function pickError(rng: Prng, errors: readonly ErrorSpec[]): ErrorSpec | undefined {
  if (errors.length === 1) return errors[0];
  let total = 0;
  for (const e of errors) total += e.weight;
  let target = rng.next() * total;
  for (const e of errors) {
    target -= e.weight;
    if (target < 0) return e;
  }
  return errors[errors.length - 1];
}

function decideError(frame: DayFrame, call: Call): ErrorSpec | undefined {
  if (call.outcome === 'success') return undefined;
  if (call.outcome) return call.outcome;
  const { api, deniedWrites = 0, errorFactor = 1 } = call;
  if (!api.readOnly && deniedWrites > 0 && frame.rng.chance(deniedWrites)) return api.service.denied;
  if (api.errorRate > 0 && frame.rng.chance(api.errorRate * errorFactor))
    return pickError(frame.rng, api.errors);
  return undefined;
}

export function makeRecord(frame: DayFrame, call: Call): CloudTrailRecord {
  const { api, caller } = call;
  const service = api.service;
  const rng = frame.rng;
  const requestId = service.s3RequestIds ? rng.upperAlnum(16) : rng.uuid();
  const context: CallContext = {
    rng,
    region: service.global ? 'us-east-1' : call.region,
    identity: caller.identity,
    timeMs: frame.dayStartMs + call.second * 1000,
    requestId,
  };
  const payload: Payload = (call.build ?? api.build)(context);
  const region = service.global ? 'us-east-1' : (payload.region ?? context.region);
  const error = decideError(frame, call);
  const errorMessage = error
    ? error.message?.({
        region,
        callerArn: caller.identity.arn ?? `arn:aws:iam::${ACCOUNT_ID}:root`,
        action: api.action,
        params: payload.requestParameters,
        rng,
      })
    : payload.errorMessage;
  const signIn = api.eventType === 'AwsConsoleSignIn';
  const serviceEvent = api.eventType === 'AwsServiceEvent';

  // Members are added one by one in the order real records have them (docs/cloudtrail-facts.md#records). The `as` covers
  // the required members assigned right below: a literal with conditional spreads keeps the order too,
  // allocates a temporary object per optional member and made generation four times slower.
  const record = {
    eventVersion: service.eventVersion,
    userIdentity: caller.identity,
    eventTime: eventTimeOf(frame.datePrefix, call.second),
    eventSource: service.source,
    eventName: api.name,
    awsRegion: region,
    sourceIPAddress: caller.sourceIp,
    userAgent: caller.userAgent,
  } as CloudTrailRecord;
  if (error) record.errorCode = error.code;
  if (errorMessage !== undefined) record.errorMessage = errorMessage;
  record.requestParameters = payload.requestParameters;
  record.responseElements = error ? null : (payload.responseElements ?? null);
  if (payload.additionalEventData) record.additionalEventData = payload.additionalEventData;
  if (!signIn) record.requestID = requestId;
  record.eventID = rng.uuid();
  record.readOnly = api.readOnly;
  if (payload.resources) record.resources = payload.resources;
  record.eventType = api.eventType;
  if (service.apiVersion) record.apiVersion = service.apiVersion;
  record.managementEvent = true;
  record.recipientAccountId = ACCOUNT_ID;
  if (payload.serviceEventDetails) record.serviceEventDetails = payload.serviceEventDetails;
  if (caller.vpcEndpointId) {
    record.vpcEndpointId = caller.vpcEndpointId;
    record.vpcEndpointAccountId = ACCOUNT_ID;
  }
  record.eventCategory = 'Management';
  if (!caller.viaService && !serviceEvent) {
    record.tlsDetails = tlsOf(service, region, payload.host, caller.legacyTls);
  }
  if (caller.console) record.sessionCredentialFromConsole = 'true';
  return record;
}
