// The emulator: one fetch-style handler (Request -> Response) that the MSW worker, the MSW node server
// and the local server all call. Requests are routed by the SigV4 credential scope's service name.
import type { CallContext, Operation } from './context';
import { ServiceError } from './errors';
import { decodeJsonRequest, jsonError, jsonResponse } from './protocol/json';
import { parseCredentialScope, parseQueryCredential } from './protocol/sigv4';
import { CLOUDTRAIL_TARGET_PREFIX, cloudTrailOperations } from './services/cloudtrail/cloudtrail-service';
import type { AccountState } from './state';
import type { EventStore } from './store/event-store';

export interface EmulatorOptions {
  store: EventStore;
  state: AccountState;
  /** Region for requests that carry no SigV4 scope. */
  defaultRegion?: string;
  clock?: () => number;
}

export interface RequestMeta {
  sourceIp?: string;
}

export type EmulatorHandler = (request: Request, meta?: RequestMeta) => Promise<Response>;

interface JsonService {
  protocol: 'json';
  targetPrefix: string;
  operations: Record<string, Operation>;
}

/** X-Amz-Target prefixes, for unsigned requests that name their service only that way. */
const SERVICE_BY_TARGET_PREFIX: Record<string, string> = { [CLOUDTRAIL_TARGET_PREFIX]: 'cloudtrail' };

export function createEmulator(options: EmulatorOptions): EmulatorHandler {
  const clock = options.clock ?? Date.now;
  const services: Record<string, JsonService> = {
    cloudtrail: {
      protocol: 'json',
      targetPrefix: CLOUDTRAIL_TARGET_PREFIX,
      operations: cloudTrailOperations(options),
    },
  };

  return async function handle(request, meta = {}) {
    const requestId = crypto.randomUUID();
    try {
      const url = new URL(request.url);
      const scope = parseCredentialScope(request.headers.get('authorization')) ?? parseQueryCredential(url);
      const target = request.headers.get('x-amz-target') ?? '';
      const serviceName = scope?.service ?? SERVICE_BY_TARGET_PREFIX[target.split('.').at(-2) ?? ''];
      const service = serviceName ? services[serviceName] : undefined;
      if (!service) {
        throw new ServiceError(
          'UnknownOperationException',
          serviceName ? `The service ${serviceName} is not emulated.` : 'The request names no AWS service.',
        );
      }
      const context: CallContext = {
        region: scope?.region ?? options.defaultRegion ?? 'us-east-1',
        accountId: options.state.accountId,
        accessKeyId: scope?.accessKeyId ?? '',
        requestId,
        userAgent: request.headers.get('x-amz-user-agent') ?? request.headers.get('user-agent') ?? '',
        sourceIp: meta.sourceIp ?? '127.0.0.1',
        now: clock(),
      };
      const { operation, input } = await decodeJsonRequest(request, service.targetPrefix);
      const run = Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
      if (!run) {
        throw new ServiceError('UnknownOperationException', `The operation ${operation} is not supported.`);
      }
      return jsonResponse(await run(input, context), requestId);
    } catch (error) {
      if (error instanceof ServiceError) return jsonError(error, requestId);
      // Never leak a stack trace to a client: log it here, answer in the AWS shape.
      console.error('emulator: internal failure', error);
      return jsonError(new ServiceError('InternalFailure', 'The request processing has failed.', 500), requestId);
    }
  };
}
