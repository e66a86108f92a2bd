// AWS REST-JSON protocol (smithy aws.protocols#restJson1) as far as the CloudTrail Data API needs it: the
// operation is the method and the path below the endpoint (`POST /aws/PutAuditEvents`), some members come
// from the query string, the rest from a JSON body; responses are JSON with the operation's status, errors
// `{"__type", "message"}` with x-amzn-errortype (error-shape.ts).
import { ServiceError } from '../errors';
import type { DecodedCall, ProtocolCodec } from './codec';
import { renderError } from './error-shape';
import { encodeJson, MAX_JSON_DEPTH, nestingDepth } from './json';
import { pathBelowEndpoint } from './rest-xml';

export interface RestJsonRoute {
  method: string;
  /** The path below the endpoint, e.g. `/PutAuditEvents`. */
  path: string;
  operation: string;
  /** Query parameters that are input members: parameter name → member name. */
  query?: Readonly<Record<string, string>>;
}

const unknownOperation = (what: string) =>
  new ServiceError(
    'UnknownOperationException',
    `The operation ${what} is not supported by this service.`,
    404,
  );

async function decode(request: Request, url: URL, routes: readonly RestJsonRoute[]): Promise<DecodedCall> {
  const path = pathBelowEndpoint(url.pathname);
  const route = routes.find((r) => r.path === path);
  if (!route) throw unknownOperation(`${request.method} ${path || '/'}`);
  if (request.method !== route.method) throw unknownOperation(`${request.method} ${path}`);
  const text = await request.text();
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ServiceError(
      'SerializationException',
      `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  }
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  const input: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [param, member] of Object.entries(route.query ?? {})) {
    const value = url.searchParams.get(param);
    if (value !== null) input[member] = value;
  }
  return { operation: route.operation, input };
}

export function restJsonCodec(routes: readonly RestJsonRoute[]): ProtocolCodec {
  return {
    decode: (request, url) => decode(request, url, routes),
    encode: (_operation, output, requestId) =>
      new Response(encodeJson(output ?? {}), {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
      }),
    encodeError(error, requestId) {
      const { status, headers, body } = renderError('rest-json', error, requestId);
      return new Response(body, { status, headers });
    },
    unknownOperation: (operation) => unknownOperation(operation),
  };
}
