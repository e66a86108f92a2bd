// @vitest-environment node
// The HTTP layer with a stand-in backend: static files, trailview.json, the body limit, the origin and
// Host checks, and errors without stack traces.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backends/backend';
import { createHttpServer, listen } from './server';

const dist = mkdtempSync(join(tmpdir(), 'trailview-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trailview</title>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');

const calls: Request[] = [];
const backend: Backend = {
  info: { mode: 'local', defaultRegion: 'eu-west-1', readOnly: false },
  async handle(request) {
    calls.push(request);
    if (request.headers.get('x-amz-target') === 'Test.Explode') throw new Error('secret internals');
    return new Response(JSON.stringify({ ok: true, body: await request.text() }), {
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  },
  async status() {
    return { mode: 'local' };
  },
  async close() {},
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createHttpServer({ backend, distDir: dist, host: '127.0.0.1' });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

const json = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'CloudTrail_20131101.CreateTrail',
};

/** node:http, because fetch will not send a Host header of our choosing. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(base, { method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the local HTTP server', () => {
  it('serves the console with content types, an SPA fallback and its backend in trailview.json', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Trailview</title>');
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${base}/events/route`)).text()).toContain('<title>Trailview</title>');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    // URL parsing removes dot segments; an encoded slash survives it and is refused after decoding.
    expect((await raw('GET', '/..%2f..%2fpackage.json', {})).status).toBe(404);
    expect(await (await fetch(`${base}/trailview.json`)).json()).toEqual({
      mode: 'local',
      defaultRegion: 'eu-west-1',
      readOnly: false,
    });
  });

  it('hands /aws and the paths below it to the backend as fetch Requests', async () => {
    const response = await fetch(`${base}/aws/my-bucket/key.txt?list-type=2`, {
      method: 'PUT',
      body: 'hello',
    });
    expect(await response.json()).toEqual({ ok: true, body: 'hello' });
    const seen = calls.at(-1)!;
    expect(seen.method).toBe('PUT');
    expect(new URL(seen.url).pathname).toBe('/aws/my-bucket/key.txt');
    expect(new URL(seen.url).search).toBe('?list-type=2');
  });

  it('refuses a body over 10 MB with 413 in the AWS shape, declared or streamed', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    const declared = await fetch(`${base}/aws`, { method: 'POST', headers: json, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      __type: 'RequestEntityTooLargeException',
      message: 'The request body is larger than the 10 MB this server accepts.',
    });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: json,
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses state-changing requests from another origin or site, and allows the console and the CLI', async () => {
    const before = calls.length;
    const other = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: { ...json, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      __type: 'AccessDeniedException',
      message: expect.stringContaining('http://evil.example'),
    });
    const crossSite = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: { ...json, 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const sameSiteOtherPort = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: { ...json, origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' },
      body: '{}',
    });
    expect(sameSiteOtherPort.status).toBe(403);
    const preflight = await fetch(`${base}/aws`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(calls.length).toBe(before);
    const console = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: { ...json, origin: base, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(console.status).toBe(200);
    const cli = await fetch(`${base}/aws`, { method: 'POST', headers: json, body: '{}' });
    expect(cli.status).toBe(200);
  });

  it('answers only to local host names, against DNS rebinding', async () => {
    const rebound = await raw(
      'POST',
      '/aws',
      { ...json, host: 'attacker.example:4000', origin: 'http://attacker.example:4000' },
      '{}',
    );
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ __type: 'AccessDeniedException' });
    const local = await raw('POST', '/aws', { ...json, host: 'localhost:4000' }, '{}');
    expect(local.status).toBe(200);
  });

  it('answers a failure with InternalFailure and no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await fetch(`${base}/aws`, {
      method: 'POST',
      headers: { ...json, 'x-amz-target': 'Test.Explode' },
      body: '{}',
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      __type: 'InternalFailure',
      message: 'The request processing has failed.',
    });
    expect(text).not.toContain('secret internals');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('refuses imports when the backend has no store', async () => {
    const response = await fetch(`${base}/trailview/import?file=a.json`, { method: 'POST', body: '[]' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: expect.stringContaining('Import needs the local backend'),
    });
  });
});
