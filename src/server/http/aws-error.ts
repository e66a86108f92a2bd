// Errors the server itself raises (a foreign origin, a bad Host, a body too large, a method no AWS
// protocol uses, a refused write, an upstream failure), in the wire shape of the protocol the client
// speaks (emulator/protocol/error-shape.ts), so SDKs and the CLI show the code and message.
import type { IncomingHttpHeaders } from 'node:http';
import { renderError, wireProtocolOf, type RenderedError } from '@/emulator/protocol/error-shape';
import { parseCredentialScope, parseQueryCredential } from '@/emulator/protocol/sigv4';

export type AwsErrorBody = RenderedError;

/** The parts of a request its error shape depends on. */
export interface ErrorContext {
  method: string;
  headers: IncomingHttpHeaders | Headers;
  /** The request target; a malformed one counts as none. */
  url?: string | URL;
}

function toHeaders(headers: IncomingHttpHeaders | Headers): Headers {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    try {
      for (const v of Array.isArray(value) ? value : [value]) result.append(name, v);
    } catch {
      // A header value fetch will not hold; it does not decide the error's shape.
    }
  }
  return result;
}

function toUrl(url: string | URL | undefined): URL {
  if (url instanceof URL) return url;
  try {
    return url?.startsWith('/') ? new URL(`http://localhost${url}`) : new URL(url ?? '/', 'http://localhost');
  } catch {
    return new URL('http://localhost/');
  }
}

export function awsError(request: ErrorContext, status: number, code: string, message: string): AwsErrorBody {
  const headers = toHeaders(request.headers);
  const url = toUrl(request.url);
  const scope = parseCredentialScope(headers.get('authorization')) ?? parseQueryCredential(url);
  const protocol = wireProtocolOf({ method: request.method, headers, url, service: scope?.service });
  return renderError(protocol, { code, message, status }, crypto.randomUUID(), request.method);
}
