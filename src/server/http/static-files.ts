// The built console (dist/): files with their content types, index.html for `/` and for paths that
// are not files (the console uses hash routes, so this is only a courtesy for reloads of odd URLs).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(distDir: string, pathname: string, method: string, res: ServerResponse) {
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
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(file.size),
    // Vite puts a content hash in every asset name; index.html and trailview.json must be revalidated.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...COMMON_HEADERS,
  });
  if (method === 'HEAD') res.end();
  else createReadStream(file.path).pipe(res);
}
