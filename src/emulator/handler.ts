// The emulator: one fetch-style handler (Request -> Response) that the MSW worker, the MSW node server
// and the local server all call. Requests are routed by the SigV4 credential scope's service name; each
// service's codec speaks its wire protocol; every call is recorded as a CloudTrail event.
import type { UserIdentity } from '@/domain/record';
import { createAuditRecorder } from './audit/recorder';
import type { CallContext } from './context';
import { ServiceError } from './errors';
import { INSIGHTS_TRIGGERS, observedStore } from './insights/observed-store';
import type { DecodedCall } from './protocol/codec';
import { isRegionName, invalidScopeRegion } from './protocol/sigv4';
import { renderError, unemulatedServiceError, wireProtocolOf } from './protocol/error-shape';
import { parseCredentialScope, parseQueryCredential } from './protocol/sigv4';
import type { CloudTrailDeps } from './services/cloudtrail/cloudtrail-service';
import { THROTTLE_HEADER } from './services/cloudtrail/lookup-throttle';
import { createServices, serviceForUnsignedRequest } from './services/registry';
import { isReadOnlyOperation } from './services/service';
import type { AccountState } from './state';
import type { EventStore } from './store/event-store';
import type { ObjectStore } from './objects/object-store';

export interface EmulatorOptions {
  store: EventStore;
  state: AccountState;
  /** Region for requests that carry no SigV4 scope. */
  defaultRegion?: string;
  clock?: () => number;
  /** Who the console acts as in the recorded events; default the IAM user console-admin of the account. */
  identity?: UserIdentity;
  /** Record every served call as a CloudTrail event (default true). */
  audit?: boolean;
  /**
   * Called after every successful call that changed the state (not after reads), to persist it with the
   * call's event; the response waits for it.
   */
  onStateChange?: () => unknown;
  /** The Insights engine behind ListInsightsMetricData (see services/cloudtrail/insights-metric-data.ts). */
  insights?: CloudTrailDeps['insights'];
  /** S3 objects (delivered log files and what users put); default in memory. */
  objects?: ObjectStore;
  /** CloudTrail Lake: the SQL engine and where event data stores persist (services/cloudtrail/lake-*.ts). */
  lake?: CloudTrailDeps['lake'];
  /** Enforce LookupEvents' 2 requests per second per account and Region on every call (lookup-throttle.ts). */
  throttleLookupEvents?: boolean;
}

export interface RequestMeta {
  sourceIp?: string;
}

export type EmulatorHandler = (request: Request, meta?: RequestMeta) => Promise<Response>;

export function createEmulator(options: EmulatorOptions): EmulatorHandler {
  const clock = options.clock ?? Date.now;
  const { insights } = options;
  const store = insights ? observedStore(options.store, insights) : options.store;
  const services = createServices({ ...options, store });
  const record = options.audit === false ? undefined : createAuditRecorder(store, options.identity);

  return async function handle(request, meta = {}) {
    const url = new URL(request.url);
    const scope = parseCredentialScope(request.headers.get('authorization')) ?? parseQueryCredential(url);
    const serviceName = scope?.service ?? (await serviceForUnsignedRequest(request, url));
    // Own properties only: a scope naming `constructor` or `__proto__` is just an unknown service.
    const service =
      serviceName !== undefined && Object.hasOwn(services, serviceName) ? services[serviceName] : undefined;
    if (!service || (scope && !isRegionName(scope.region))) {
      const protocol = wireProtocolOf({
        method: request.method,
        headers: request.headers,
        url,
        service: serviceName,
      });
      const error = service
        ? invalidScopeRegion(protocol, scope!.region)
        : unemulatedServiceError(protocol, serviceName);
      const { status, headers, body } = renderError(protocol, error, crypto.randomUUID(), request.method);
      return new Response(body || null, { status, headers });
    }
    const requestId = service.codec.newRequestId?.() ?? crypto.randomUUID();
    const context: CallContext = {
      region: scope?.region ?? options.defaultRegion ?? 'us-east-1',
      accountId: options.state.accountId,
      accessKeyId: scope?.accessKeyId ?? '',
      requestId,
      userAgent: request.headers.get('x-amz-user-agent') ?? request.headers.get('user-agent') ?? '',
      sourceIp: meta.sourceIp ?? '127.0.0.1',
      host: request.headers.get('host') ?? url.host,
      now: clock(),
      throttleLookups: request.headers.get(THROTTLE_HEADER) === 'on',
    };
    let call: DecodedCall | undefined;
    let known = false;
    try {
      call = await service.codec.decode(request, url);
      const run = Object.hasOwn(service.operations, call.operation)
        ? service.operations[call.operation]
        : undefined;
      if (!run) {
        throw (
          service.codec.unknownOperation?.(call.operation) ??
          new ServiceError(
            'UnknownOperationException',
            `The operation ${call.operation} is not supported.`,
            404,
          )
        );
      }
      known = true;
      const output = await run(call.input, context);
      const data = service.dataOperations?.has(call.operation) ?? false;
      if (!data) {
        await record?.({ service, operation: call.operation, input: call.input, output, context });
        // Answered only once the change and its event are committed (local backend: one transaction).
        if (!isReadOnlyOperation(call.operation) && !(await persisted(options.onStateChange))) {
          const error = new ServiceError('InternalFailure', 'The change could not be saved.', 500);
          return service.codec.encodeError(error, requestId, call, request);
        }
      }
      if (insights && INSIGHTS_TRIGGERS.has(call.operation)) {
        await insights.analyse(options.state.trails.values(), context.now);
      }
      return service.codec.encode(call.operation, output, requestId, request);
    } catch (thrown) {
      let error: ServiceError;
      if (thrown instanceof ServiceError) error = thrown;
      else {
        // Never leak a stack trace to a client: log it here, answer in the AWS shape.
        console.error('emulator: internal failure', thrown);
        error = new ServiceError('InternalFailure', 'The request processing has failed.', 500);
      }
      if (known && call && !service.dataOperations?.has(call.operation))
        await record?.({ service, operation: call.operation, input: call.input, error, context });
      return service.codec.encodeError(error, requestId, call, request);
    }
  };
}

/** Runs the persistence hook; false (and a log line) when it failed. */
async function persisted(onStateChange: EmulatorOptions['onStateChange']): Promise<boolean> {
  try {
    await onStateChange?.();
    return true;
  } catch (error) {
    console.error('emulator: could not persist a change', error);
    return false;
  }
}
