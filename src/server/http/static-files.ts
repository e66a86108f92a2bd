// The built console (dist/): files with their content types, index.html for `/` and for paths that
// are not files (the console uses hash routes, so this is only a courtesy for reloads of odd URLs).
//
// Text files over 1 KB go out brotli- or gzip-compressed as the request's Accept-Encoding allows, and
// every file carries a strong ETag (a hash of its bytes, one per encoding) that If-None-Match turns into
// a 304. The compressed forms are made here, once per file on its first request, and kept in memory,
// rather than written next to the assets by the build: the server then serves any dist/ (an older build,
// a copied one, the tests' own) the same way, nothing on disk can go stale beside an asset, and the build
// output that scripts/bundle-budget.mjs reads is unchanged. dist/ is a few MB, so the memory is small.
// Compression runs on libuv's thread pool, never blocking other requests. gzip takes milliseconds, so the
// first request waits for it; brotli at its best quality takes about a second for the largest chunk, so
// it is made in the background and served from the request after it is ready (a different
// representation, with its own ETag, which Vary: Accept-Encoding allows).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The console must not be framed by another site (clickjacking its forms).
  'x-frame-options': 'DENY',
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** What is worth compressing: text formats, from 1 KB (below that the headers outweigh the saving). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
const COMPRESS_MIN_BYTES = 1024;
/** Files above this are streamed as they are, without an ETag (dist/ has none; this bounds the memory). */
const CACHE_MAX_BYTES = 32 * 1024 * 1024;

type Encoding = 'br' | 'gzip';

interface Representation {
  body: Buffer;
  etag: string;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  identity: Representation;
  /** Only the encodings that came out smaller than the file; brotli arrives after the rest. */
  encoded: Map<Encoding, Representation>;
  compressible: boolean;
}

const cache = new Map<string, Promise<CachedFile>>();

async function load(path: string, mtimeMs: number, size: number): Promise<CachedFile> {
  const body = await readFile(path);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  const compressible = COMPRESSIBLE.has(extname(path).toLowerCase());
  const file: CachedFile = {
    mtimeMs,
    size,
    identity: { body, etag: `"${hash}"` },
    encoded: new Map(),
    compressible,
  };
  if (compressible && body.length >= COMPRESS_MIN_BYTES) {
    const keep = (encoding: Encoding, suffix: string) => (compressed: Buffer) => {
      if (compressed.length < body.length)
        file.encoded.set(encoding, { body: compressed, etag: `"${hash}-${suffix}"` });
    };
    // A failed brotli job leaves gzip and identity: nothing waits for it.
    brotli(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).then(keep('br', 'br'), () => undefined);
    keep('gzip', 'gz')(await gzipped(body, { level: 9 }));
  }
  return file;
}

/** The file's representations, made again when the file changed on disk (a new build). */
function cached(path: string, mtimeMs: number, size: number): Promise<CachedFile> {
  const hit = cache.get(path);
  if (hit) {
    return hit.then((file) => {
      if (file.mtimeMs === mtimeMs && file.size === size) return file;
      if (cache.get(path) === hit) cache.delete(path);
      return cached(path, mtimeMs, size);
    });
  }
  const made = load(path, mtimeMs, size);
  cache.set(path, made);
  made.catch(() => {
    if (cache.get(path) === made) cache.delete(path);
  });
  return made;
}

/** The q-value Accept-Encoding gives each coding (RFC 9110 §12.5.3); `*` stands for the ones not named. */
function acceptedEncodings(header: string | string[] | undefined): Map<string, number> {
  const accepted = new Map<string, number>();
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of text.split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (coding === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  return accepted;
}

/** The best encoding both sides have: the highest q-value, brotli before gzip on a tie, else none. */
function chooseEncoding(file: CachedFile, header: string | string[] | undefined): Encoding | undefined {
  const accepted = acceptedEncodings(header);
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const encoding of ['br', 'gzip'] as const) {
    if (!file.encoded.has(encoding)) continue;
    const weight =
      accepted.get(encoding) ??
      (encoding === 'gzip' ? accepted.get('x-gzip') : undefined) ??
      accepted.get('*') ??
      0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** If-None-Match holds the ETag (weak comparison, as RFC 9110 §13.1.2 asks) or `*`. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

async function fileAt(path: string): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(
  distDir: string,
  pathname: string,
  method: string,
  requestHeaders: IncomingHttpHeaders,
  res: ServerResponse,
) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '';
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = join(distDir, relative);
  const inside = candidate === distDir || candidate.startsWith(distDir + sep);
  let file = inside && relative !== '' ? await fileAt(candidate) : undefined;
  if (!file && inside && (relative === '' || extname(relative) === ''))
    file = await fileAt(join(distDir, 'index.html'));
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...COMMON_HEADERS });
    res.end(relative === '' ? 'The console is not built: run `npm run build`.\n' : 'Not found.\n');
    return;
  }
  const hashed = file.path.includes(`${sep}assets${sep}`);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    // Vite puts a content hash in every asset name; index.html and trailview.json must be revalidated.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...COMMON_HEADERS,
  };
  if (file.size > CACHE_MAX_BYTES) {
    res.writeHead(200, { ...headers, 'content-length': String(file.size) });
    if (method === 'HEAD') res.end();
    else createReadStream(file.path).pipe(res);
    return;
  }
  const entry = await cached(file.path, file.mtimeMs, file.size);
  const encoding = chooseEncoding(entry, requestHeaders['accept-encoding']);
  const chosen = (encoding && entry.encoded.get(encoding)) ?? entry.identity;
  // Caches must key compressed files on Accept-Encoding, whichever form this response has.
  if (entry.compressible) headers.vary = 'Accept-Encoding';
  headers.etag = chosen.etag;
  if (notModified(requestHeaders['if-none-match'], chosen.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(200, { ...headers, 'content-length': String(chosen.body.length) });
  res.end(method === 'HEAD' ? undefined : chosen.body);
}
