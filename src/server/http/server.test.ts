// @vitest-environment node
// The HTTP layer with a stand-in backend: static files, trailview.json, the body limit, the origin and
// Host checks, and errors without stack traces.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../backends/backend';
import { createHttpServer, listen } from './server';

const dist = mkdtempSync(join(tmpdir(), 'trailview-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Trailview</title>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
const BIG = Buffer.from(
  Array.from(
    { length: 800 },
    (_, i) => `export const value${i} = ${JSON.stringify('x'.repeat(i % 40))};\n`,
  ).join(''),
);
writeFileSync(join(dist, 'assets', 'main-def456.js'), BIG);
writeFileSync(join(dist, 'assets', 'logo-123.png'), Buffer.alloc(4096, 7));

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

/** node:http without decompression: the bytes and headers as the server sent them. */
function rawBytes(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = httpRequest(base, { method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files: compression and revalidation', () => {
  const MAIN = '/assets/main-def456.js';

  it('sends brotli when it is accepted, before gzip', async () => {
    // The first request makes gzip and starts brotli; brotli is served once it is ready.
    let res = await rawBytes('GET', MAIN, { 'accept-encoding': 'gzip, deflate, br' });
    for (let tries = 0; res.headers['content-encoding'] !== 'br' && tries < 200; tries++) {
      expect(res.headers['content-encoding']).toBe('gzip');
      await new Promise((resolve) => setTimeout(resolve, 25));
      res = await rawBytes('GET', MAIN, { 'accept-encoding': 'gzip, deflate, br' });
    }
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(BIG.length / 2);
    expect(brotliDecompressSync(res.body).equals(BIG)).toBe(true);
  });

  it('sends gzip when only gzip is accepted or brotli is refused', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await rawBytes('GET', MAIN, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).equals(BIG)).toBe(true);
    }
  });

  it('sends the file as it is without Accept-Encoding, with its own strong ETag', async () => {
    const identity = await rawBytes('GET', MAIN, {});
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.body.equals(BIG)).toBe(true);
    const br = await rawBytes('GET', MAIN, { 'accept-encoding': 'br' });
    const gz = await rawBytes('GET', MAIN, { 'accept-encoding': 'gzip' });
    const tags = [identity, br, gz].map((res) => res.headers.etag as string);
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);
    expect(new Set(tags).size).toBe(3);
    const again = await rawBytes('GET', MAIN, {});
    expect(again.headers.etag).toBe(identity.headers.etag);
    expect(
      (await rawBytes('GET', MAIN, { 'accept-encoding': 'identity, br;q=0, gzip;q=0' })).body.equals(BIG),
    ).toBe(true);
  });

  it('answers If-None-Match with 304 and no body, for each encoding', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const first = await rawBytes('GET', MAIN, { 'accept-encoding': accept });
      const etag = first.headers.etag as string;
      const again = await rawBytes('GET', MAIN, { 'accept-encoding': accept, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toContain('immutable');
      expect(
        (await rawBytes('GET', MAIN, { 'accept-encoding': accept, 'if-none-match': `W/${etag}` })).status,
      ).toBe(304);
    }
    expect((await rawBytes('GET', MAIN, { 'if-none-match': '"something-else"' })).status).toBe(200);
    const index = await rawBytes('GET', '/', {});
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await rawBytes('GET', '/', { 'if-none-match': index.headers.etag as string })).status).toBe(304);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await rawBytes('GET', MAIN, { 'accept-encoding': 'br' });
    const head = await rawBytes('HEAD', MAIN, { 'accept-encoding': 'br' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of [
      'content-encoding',
      'content-length',
      'etag',
      'vary',
      'cache-control',
      'content-type',
    ])
      expect(head.headers[name]).toBe(get.headers[name]);
  });

  it('leaves small and binary files uncompressed, still with an ETag', async () => {
    const small = await rawBytes('GET', '/assets/index-abc123.js', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
    const png = await rawBytes('GET', '/assets/logo-123.png', { 'accept-encoding': 'br, gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(png.body.length).toBe(4096);
  });

  it('never serves a file outside the dist folder, compressed or not', async () => {
    const outside = [
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
    ];
    for (const path of outside) {
      const res = await rawBytes('GET', path, { 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(404);
      expect(res.body.toString()).toBe('Not found.\n');
    }
    // Dot segments stop at the root of dist/: this names dist/etc/passwd, which is not there, and a path
    // without an extension falls back to the console's page.
    const passwd = await rawBytes('GET', '/assets/..%2f..%2f..%2fetc%2fpasswd', {});
    expect(passwd.body.toString()).toContain('<title>Trailview</title>');
  });
});

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

  it('refuses in the AWS shape a path under /aws whose dot segments lead out of it', async () => {
    for (const path of ['/aws/my-bucket/../../etc/passwd', '/aws/b/%2e%2e/%2e%2e/index.html?x=1']) {
      const response = await raw('GET', path, {});
      expect(response.status, path).toBe(400);
      expect(response.body, path).toContain('InvalidURI');
    }
    const inside = await raw('GET', '/aws/my-bucket/a/../key.txt', {});
    expect(inside.body).not.toContain('InvalidURI');
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
