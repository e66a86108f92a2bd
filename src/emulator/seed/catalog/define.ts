// Helpers to declare a service's APIs compactly: one line per API in the service files.
import type { EventType, JsonObject, JsonValue } from '@/domain/record';
import type { ApiSpec, Builder, CallContext, ErrorContext, ErrorSpec, Payload, ServiceSpec } from './types';

/** Describe*, List*, Get* and friends are read-only; every other API writes (docs/cloudtrail-facts.md#records readOnly). */
const READ_ONLY_NAME = /^(Describe|List|Get|BatchGet|Lookup|Search|Filter|Select|Simulate|Validate|Estimate)/;

export interface ApiOptions {
  readOnly?: boolean;
  errorRate?: number;
  errors?: readonly ErrorSpec[];
  eventType?: EventType;
  build?: Builder;
  /** Called by agents and services only: left out when a person's mix takes a whole service. */
  machineOnly?: boolean;
}

export type ApiEntry = readonly [name: string, weight: number, options?: ApiOptions | Builder];

export interface ServiceDefinition {
  key: string;
  source: string;
  global?: boolean;
  eventVersion?: string;
  apiVersion?: string;
  actionPrefix?: string;
  s3RequestIds?: boolean;
  host?: (region: string) => string;
  denied: ErrorSpec;
  /** Errors of APIs that list none of their own. */
  errors?: readonly ErrorSpec[];
  errorRate?: number;
  /** Payload of APIs without a builder of their own. */
  build?: Builder;
  /** APIs that agents and services call, never people (the SSM agent, ECS agent, Config rules). */
  machineOnly?: readonly string[];
}

const NO_PARAMETERS: Payload = Object.freeze({ requestParameters: null });
export const noParameters: Builder = () => NO_PARAMETERS;

export function defineService(definition: ServiceDefinition, entries: readonly ApiEntry[]): ServiceSpec {
  const apis = new Map<string, ApiSpec>();
  const service: ServiceSpec = {
    key: definition.key,
    source: definition.source,
    global: definition.global ?? false,
    eventVersion: definition.eventVersion ?? '1.11',
    actionPrefix: definition.actionPrefix ?? definition.key,
    s3RequestIds: definition.s3RequestIds ?? false,
    host:
      definition.host ??
      (definition.global
        ? () => `${definition.key}.amazonaws.com`
        : (region) => `${definition.key}.${region}.amazonaws.com`),
    denied: definition.denied,
    apis,
    ...(definition.apiVersion ? { apiVersion: definition.apiVersion } : {}),
  };
  for (const [name, weight, raw] of entries) {
    const options: ApiOptions = typeof raw === 'function' ? { build: raw } : (raw ?? {});
    if (apis.has(name)) throw new Error(`${definition.source} declares ${name} twice.`);
    apis.set(name, {
      service,
      name,
      // Lambda's event names carry the API version ("GetFunction20150331v2"); its IAM actions do not.
      action: `${service.actionPrefix}:${name.replace(/\d{8}(v\d+)?$/, '')}`,
      weight,
      readOnly: options.readOnly ?? READ_ONLY_NAME.test(name),
      machineOnly: options.machineOnly ?? definition.machineOnly?.includes(name) ?? false,
      eventType: options.eventType ?? 'AwsApiCall',
      errorRate: options.errorRate ?? definition.errorRate ?? 0.02,
      errors: options.errors ?? definition.errors ?? [definition.denied],
      build: options.build ?? definition.build ?? noParameters,
    });
  }
  return service;
}

export function err(code: string, weight: number, message?: (c: ErrorContext) => string): ErrorSpec {
  return message ? { code, weight, message } : { code, weight };
}

/** A builder of request parameters only (responseElements null, as for most calls). */
export function req(parameters: (c: CallContext) => JsonObject | null): Builder {
  return (c) => ({ requestParameters: parameters(c) });
}

/** A builder whose request parameters never change: one shared object for every record. */
export function fixed(parameters: JsonObject): Builder {
  const payload: Payload = Object.freeze({ requestParameters: Object.freeze(parameters) });
  return () => payload;
}

/**
 * A builder whose payload depends only on the Region and one choice drawn per call: the payload is
 * built once per (Region, choice) and shared by every record that makes the same choice. `make` must not
 * draw from the generator, so a day's records never depend on which days were generated before.
 */
export function shared<K extends string>(
  choose: (c: CallContext) => K,
  make: (choice: K, region: string) => Payload,
): Builder {
  const cache = new Map<string, Payload>();
  return (c) => {
    const choice = choose(c);
    const key = `${c.region}\u0000${choice}`;
    let payload = cache.get(key);
    if (!payload) {
      payload = Object.freeze(make(choice, c.region));
      cache.set(key, payload);
    }
    return payload;
  };
}

/** Request parameters naming one of a few resources: `{ [key]: name }`, shared per name. */
export function named(key: string, names: readonly string[]): Builder {
  return shared(
    (c) => c.rng.pick(names),
    (name) => ({ requestParameters: { [key]: name } }),
  );
}

/** startTime/endTime of the last three hours, as dashboards and log searches ask for them (epoch ms). */
export function lastThreeHours(c: CallContext): JsonObject {
  return { startTime: c.timeMs - 3 * 3_600_000, endTime: c.timeMs };
}

/** A string member of request parameters, for error messages. */
export function param(params: JsonObject | null, key: string, fallback = ''): string {
  const value: JsonValue | undefined = params?.[key];
  return typeof value === 'string' ? value : fallback;
}

/** The common "not authorized" sentence of IAM-evaluated denials. */
export function notAuthorized(c: ErrorContext): string {
  return `User: ${c.callerArn} is not authorized to perform: ${c.action} because no identity-based policy allows the ${c.action} action`;
}

export const throttled = (code = 'ThrottlingException', weight = 1): ErrorSpec =>
  err(code, weight, () => 'Rate exceeded');
