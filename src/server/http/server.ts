// The local server: the console's static files, `trailview.json`, the AWS-compatible endpoint `/aws`
// (every emulated service, or the signing proxy) and `/trailview/import`. node:http, no framework.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backends/backend';
import { awsError } from './aws-error';
import { crossOriginRefusal, hostPolicy } from './guards';
import { BodyTooLargeError, readBody, sendResponse, toRequest } from './node-fetch-bridge';
import { eventStatsRoute } from './event-stats-routes';
import { serveStatic } from './static-files';
import { serveDetections } from '../detections/detections-endpoint';
import { INVESTIGATION_ROUTE } from '@/emulator/investigations/investigation-routes';

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

export function createHttpServer(options: HttpServerOptions): Server {
  const allowedHost = hostPolicy(options.host);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Never a stack trace to the client: log it, answer in the AWS shape.
      console.error('trailview: request failed', error);
      if (!res.headersSent)
        send(res, awsError(req.headers, 500, 'InternalFailure', 'The request processing has failed.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!allowedHost(req.headers.host)) {
      return send(
        res,
        awsError(
          req.headers,
          403,
          'AccessDeniedException',
          `This server does not answer to the host ${req.headers.host}.`,
        ),
        true,
      );
    }
    const refusal =
      method === 'OPTIONS'
        ? 'This server does not accept cross-origin requests.'
        : crossOriginRefusal(method, req.headers);
    if (refusal) return send(res, awsError(req.headers, 403, 'AccessDeniedException', refusal), true);

    if (AWS_PATH.test(url.pathname)) {
      let body: Buffer;
      try {
        body = await readBody(req, bodyLimit);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return send(res, awsError(req.headers, 413, 'RequestEntityTooLargeException', error.message), true);
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
    if (url.pathname === '/trailview/detections' && method === 'GET')
      return serveDetections(options.backend, res);
    if (options.backend.investigations && INVESTIGATION_ROUTE.test(url.pathname)) {
      const answer = await options.backend.investigations.handle(
        new Request(new URL(url.pathname, 'http://localhost'), { method }),
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
    return serveStatic(options.distDir, url.pathname, method, res);
  }

  return server;
}

function send(res: ServerResponse, error: ReturnType<typeof awsError>, close = false): void {
  // Closing matters after a refusal mid-upload: the rest of the body is not read.
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
