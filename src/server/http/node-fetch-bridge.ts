// node:http <-> WHATWG fetch: the emulator and the proxy are fetch-style handlers (Request -> Response).
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`The request body is larger than the ${Math.round(limit / 1024 / 1024)} MB this server accepts.`);
  }
}

/** Reads the whole body, refusing more than `limit` bytes (by Content-Length first, then as it arrives). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function toRequest(req: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    // Node's Buffers sit on ArrayBuffers (never shared memory), which is what BodyInit wants.
    body: hasBody ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : undefined,
  });
}

/** Headers a relay must not copy: hop-by-hop ones, and those fetch already undid (it decompresses). */
const NOT_RELAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
]);

export async function sendResponse(res: ServerResponse, response: Response, method: string): Promise<void> {
  const body = method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (!NOT_RELAYED.has(name)) headers[name] = value;
  });
  if (method === 'HEAD') {
    const length = response.headers.get('content-length');
    if (length) headers['content-length'] = length;
  } else {
    headers['content-length'] = String(body!.length);
  }
  res.writeHead(response.status, headers);
  res.end(body);
}
