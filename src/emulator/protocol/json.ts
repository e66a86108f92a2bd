// AWS JSON 1.1 protocol (CloudTrail, KMS, CloudWatch Logs): POST /, X-Amz-Target names the operation,
// body and response are JSON, timestamps are epoch seconds, errors are {"__type","message"}.
// Both target forms are accepted: the JS SDK sends `CloudTrail_20131101.Op`, botocore and the API
// reference use `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Op` (docs/cloudtrail-facts.md#the-wire-protocol).
import { ServiceError } from '../errors';
import type { ProtocolCodec } from './codec';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface JsonRequest {
  operation: string;
  input: Record<string, unknown>;
}

/** Splits `[namespace.]Prefix.Operation`; returns the prefix (e.g. `CloudTrail_20131101`) and operation. */
export function parseTarget(target: string | null): { prefix: string; operation: string } | undefined {
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const operation = target.slice(dot + 1);
  const qualified = target.slice(0, dot);
  const prefix = qualified.slice(qualified.lastIndexOf('.') + 1);
  return { prefix, operation };
}

/**
 * How deep a request body may nest. Every AWS input shape the emulator knows nests a few levels; bodies
 * past this are refused before parsing, so nothing recursive downstream (the audit record, the store's
 * JSON) meets unbounded depth.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in JSON text, scanned without recursion or parsing. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export async function decodeJsonRequest(request: Request, expectedPrefix: string): Promise<JsonRequest> {
  const target = parseTarget(request.headers.get('x-amz-target'));
  if (!target || target.prefix !== expectedPrefix) {
    throw new ServiceError(
      'UnknownOperationException',
      `The operation ${target ? target.operation : '(none)'} is not supported by this service.`,
      // CommonErrors: UnknownOperationException is a 404.
      404,
    );
  }
  const text = await request.text();
  let input: unknown = {};
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ServiceError(
      'SerializationException',
      `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  }
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return { operation: target.operation, input: input as Record<string, unknown> };
}

/** Serialises Dates as epoch seconds, the protocol's timestamp format. */
export function encodeJson(value: unknown): string {
  // Dates become epoch seconds in a copy first: JSON.stringify with a replacer function takes about
  // three times as long (it leaves V8's fast path), and a page of events is ~80 KB of JSON.
  return JSON.stringify(epochSeconds(value));
}

/** The value with every Date as epoch seconds (objects and arrays copied; the rest shared). */
function epochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(epochSeconds);
  if (value === null || typeof value !== 'object') return value;
  // Null prototype: a key named __proto__ (event data may hold one) stays a key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = epochSeconds((value as Record<string, unknown>)[key]);
  return out;
}

export function jsonResponse(body: unknown, requestId: string): Response {
  return new Response(encodeJson(body), {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
  });
}

export function jsonError(error: ServiceError, requestId: string): Response {
  return new Response(JSON.stringify({ __type: error.code, message: error.message }), {
    status: error.status,
    headers: {
      'content-type': JSON_CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
  });
}

/** Reads a timestamp member: epoch seconds (number or numeric string) or an ISO 8601 string. */
export function readTimestamp(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const asNumber = Number(value);
    if (value.trim() !== '' && Number.isFinite(asNumber)) return Math.round(asNumber * 1000);
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw new ServiceError('SerializationException', `Value for ${member} is not a valid timestamp.`);
}

/** The JSON 1.1 codec of one service, e.g. `jsonCodec('TrentService')` for KMS. */
export function jsonCodec(targetPrefix: string): ProtocolCodec {
  return {
    decode: (request) => decodeJsonRequest(request, targetPrefix),
    encode: (_operation, output, requestId) => jsonResponse(output ?? {}, requestId),
    encodeError: (error, requestId) => jsonError(error, requestId),
  };
}
