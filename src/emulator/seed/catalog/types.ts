// What the generator knows about one AWS API: how often it is called, whether it reads or writes,
// what its request and response look like in a record, and which errors it really returns.
import type { EventType, JsonObject, RecordResource, UserIdentity } from '@/domain/record';
import type { Prng } from '../prng';

export interface CallContext {
  rng: Prng;
  region: string;
  identity: UserIdentity;
  timeMs: number;
  requestId: string;
}

export interface Payload {
  requestParameters: JsonObject | null;
  responseElements?: JsonObject | null;
  resources?: RecordResource[];
  additionalEventData?: JsonObject;
  serviceEventDetails?: JsonObject;
  /** An error message recorded without an error code: console sign-in failures (docs/cloudtrail-facts.md#records). */
  errorMessage?: string;
  /** The TLS host when it is not the service's regional endpoint (S3 virtual-hosted buckets). */
  host?: string;
  /** The Region when the resource decides it (an S3 bucket's Region). */
  region?: string;
}

export type Builder = (c: CallContext) => Payload;

export interface ErrorContext {
  region: string;
  callerArn: string;
  /** The IAM action, e.g. "iam:CreateUser". */
  action: string;
  params: JsonObject | null;
  rng: Prng;
}

export interface ErrorSpec {
  code: string;
  weight: number;
  /** Absent when the service records no message (e.g. SSM ParameterNotFound). */
  message?: (c: ErrorContext) => string;
}

export interface ApiSpec {
  service: ServiceSpec;
  name: string;
  /** The IAM action, e.g. "lambda:GetFunction" for GetFunction20150331v2. */
  action: string;
  readOnly: boolean;
  /** Called by agents and services, never by a person at a console or CLI. */
  machineOnly: boolean;
  eventType: EventType;
  /** Relative call frequency within the service. */
  weight: number;
  /** Chance that a call fails, before the caller's own error factor. */
  errorRate: number;
  errors: readonly ErrorSpec[];
  build: Builder;
}

export interface ServiceSpec {
  key: string;
  source: string;
  /** Global services (IAM, STS, sign-in, Organizations, Route 53) record in us-east-1 (docs/cloudtrail-facts.md#records). */
  global: boolean;
  eventVersion: string;
  apiVersion?: string;
  /** The IAM action prefix, e.g. "cloudwatch" for monitoring.amazonaws.com. */
  actionPrefix: string;
  /** S3 request ids are 16 upper-case characters; other services use UUIDs. */
  s3RequestIds: boolean;
  host: (region: string) => string;
  /** What a principal without permission gets from this service. */
  denied: ErrorSpec;
  apis: ReadonlyMap<string, ApiSpec>;
}
