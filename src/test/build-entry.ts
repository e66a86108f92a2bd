// Builds one server entry point as `npm start` builds it (a Vite SSR bundle with `@/` resolved and npm
// packages external), for tests that run it in a child process. The bundle lives below the project's
// node_modules so that its packages (DuckDB) resolve.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

export interface BuiltEntry {
  /** The bundle's file: URL, for `import()`. */
  url: string;
  remove(): void;
}

/** `source`: the entry's path below src/, e.g. 'server/main.ts'. */
export async function buildEntry(source: string): Promise<BuiltEntry> {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'entry-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': src } },
    build: {
      ssr: join(src, source),
      outDir,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'entry.mjs' } },
    },
  });
  return {
    url: pathToFileURL(join(outDir, 'entry.mjs')).href,
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
