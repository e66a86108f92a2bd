// The local server: the console's static files, `trailview.json`, the AWS-compatible endpoint `/aws`
// (every emulated service, or the signing proxy) and `/trailview/import`. node:http, no framework.
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backends/backend';
import { awsError } from './aws-error';
import { crossOriginRefusal, hostPolicy, isWellFormedHost } from './guards';
import { BodyTooLargeError, readBody, sendResponse, toRequest } from './node-fetch-bridge';
import { eventStatsRoute } from './event-stats-routes';
import { serveStatic } from './static-files';
import { refuseDetections } from '../detections/detections-endpoint';
import { INVESTIGATION_ROUTE } from '@/emulator/investigations/investigation-routes';
import { SNS_NOTIFICATIONS_ROUTE } from '@/emulator/services/sns/notifications-route';

export interface HttpServerOptions {
  backend: Backend;
  /** The built console (dist/). */
  distDir: string;
  host: string;
  /** Bytes accepted in one /aws request body. */
  bodyLimit?: number;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
const AWS_PATH = /^\/aws(\/|$)/;
/** Paths of the server's APIs: requests from other sites are refused there, whatever the method. */
const API_PATH = /^\/(aws|trailview)(\/|$)|^\/trailview\.json$/;
/** The methods AWS's protocols use; fetch cannot even represent some others (TRACE, CONNECT). */
const AWS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

export function createHttpServer(options: HttpServerOptions): Server {
  const allowedHost = hostPolicy(options.host);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Never a stack trace to the client: log it, answer in the AWS shape.
      console.error('trailview: request failed', error);
      if (!res.headersSent)
        send(res, awsError(errorContext(req), 500, 'InternalFailure', 'The request processing has failed.'));
      else res.destroy();
    });
  });

  // Requests Node's parser refuses before any handler sees them (a request line or headers past its
  // limit, a malformed message): answered in S3's bare XML error shape, as no protocol is known yet.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || closing.has(socket)) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const [code, message] =
      status === 431
        ? [
            'RequestHeaderSectionTooLarge',
            'The request line and headers are larger than this server accepts.',
          ]
        : status === 408
          ? ['RequestTimeout', 'The request was not received in time.']
          : ['BadRequest', 'The request is not a well-formed HTTP request.'];
    // The request line may have been read: a HEAD request gets no body.
    const raw = (error as { rawPacket?: Buffer }).rawPacket;
    const method = raw?.subarray(0, 5).toString('latin1') === 'HEAD ' ? 'HEAD' : 'GET';
    const error_ = awsError({ method, headers: {} }, status, code, message);
    const head = Object.entries({
      ...error_.headers,
      'content-length': Buffer.byteLength(error_.body),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${error_.body}`);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const context = errorContext(req);
    // The request target is a path: never `//host/…` or an absolute URL, which would name another host.
    const target = req.url ?? '/';
    if (!target.startsWith('/') || target.startsWith('//')) {
      return send(res, awsError(context, 400, 'InvalidURI', "Couldn't parse the specified URI."), true);
    }
    const url = new URL(`http://localhost${target}`);
    // URL parsing resolves dot segments: a target under /aws that resolves outside it (an S3 key such as
    // `../../etc/passwd`) is refused in the AWS shape instead of being looked up as a console file.
    if (AWS_PATH.test(target.split('?', 1)[0]!) && !AWS_PATH.test(url.pathname)) {
      return send(res, awsError(context, 400, 'InvalidURI', "Couldn't parse the specified URI."), true);
    }
    if (!isWellFormedHost(req.headers.host)) {
      return send(
        res,
        awsError(context, 400, 'InvalidHostHeader', 'The Host header is not a host name and port.'),
        true,
      );
    }
    if (!allowedHost(req.headers.host)) {
      return send(
        res,
        awsError(
          context,
          403,
          'AccessDeniedException',
          `This server does not answer to the host ${req.headers.host}.`,
        ),
        true,
      );
    }
    const api = API_PATH.test(url.pathname);
    const refusal =
      method === 'OPTIONS'
        ? 'This server does not accept cross-origin requests.'
        : api || (method !== 'GET' && method !== 'HEAD')
          ? crossOriginRefusal(method, req.headers)
          : undefined;
    if (refusal) return send(res, awsError(context, 403, 'AccessDeniedException', refusal), true);

    if (AWS_PATH.test(url.pathname)) {
      if (!AWS_METHODS.has(method)) {
        return send(
          res,
          awsError(
            context,
            405,
            'MethodNotAllowed',
            `The method ${method} is not allowed against this resource.`,
          ),
          true,
        );
      }
      let body: Buffer;
      try {
        body = await readBody(req, bodyLimit);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return send(res, awsError(context, 413, 'RequestEntityTooLargeException', error.message), true);
      }
      const origin = `http://${req.headers.host ?? `${options.host}:${(server.address() as AddressInfo).port}`}`;
      const response = await options.backend.handle(toRequest(req, origin, body), {
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
      });
      return sendResponse(res, response, method);
    }
    if (url.pathname === '/trailview.json' && (method === 'GET' || method === 'HEAD')) {
      return sendJson(res, 200, options.backend.info);
    }
    if (url.pathname === '/trailview/status' && method === 'GET') {
      return sendJson(res, 200, await options.backend.status());
    }
    const stats = eventStatsRoute(url.pathname, method, url.searchParams, options.backend.eventStats);
    if (stats) return sendJson(res, stats.status, stats.body);
    if (url.pathname === '/trailview/detections' && method === 'GET' && !options.backend.investigations)
      return refuseDetections(options.backend, res);
    // The two routes are unanchored (the demo's worker matches them against whole URLs); here only paths
    // under /trailview qualify, the ones the cross-site check above covered.
    if (api && options.backend.investigations && INVESTIGATION_ROUTE.test(url.pathname)) {
      const answer = await options.backend.investigations.handle(
        new Request(new URL(url.pathname + url.search, 'http://localhost'), { method }),
      );
      if (answer) return sendResponse(res, answer, method);
    }
    if (api && options.backend.snsNotifications && SNS_NOTIFICATIONS_ROUTE.test(url.pathname)) {
      const answer = options.backend.snsNotifications(
        new Request(new URL(url.pathname + url.search, 'http://localhost'), { method }),
      );
      if (answer) return sendResponse(res, answer, method);
    }
    if (url.pathname === '/trailview/import') {
      if (method !== 'POST') return sendJson(res, 405, { message: 'POST the file to import.' });
      if (!options.backend.importFile) {
        return sendJson(res, 400, {
          message: `Import needs the local backend; this server runs ${options.backend.info.mode}.`,
        });
      }
      const file = url.searchParams.get('file') ?? 'upload';
      const size = Number(req.headers['content-length']);
      return sendJson(
        res,
        200,
        await options.backend.importFile(file, req, Number.isFinite(size) ? size : undefined),
      );
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, { message: `${method} is not allowed here.` });
    return serveStatic(options.distDir, url.pathname, method, req.headers, res);
  }

  return server;
}

function errorContext(req: IncomingMessage) {
  return { method: req.method ?? 'GET', headers: req.headers, url: req.url };
}

/** Sockets answered with `Connection: close` before their request body was read. */
const closing = new WeakSet<Duplex>();

function send(res: ServerResponse, error: ReturnType<typeof awsError>, close = false): void {
  // Closing matters after a refusal mid-upload: the rest of the body is not read (and is not a request).
  const socket = res.socket ?? res.req.socket;
  if (close && socket) closing.add(socket);
  res.writeHead(error.status, { ...error.headers, ...(close ? { connection: 'close' } : {}) });
  res.end(error.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(text);
}

/** Listens and resolves with the port (0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
