// Builds what `npm start` and `npm run import` run, when it is missing or older than its sources:
// the console (`dist/`, the normal Vite build) and the server (`dist-server/`, a Vite SSR bundle of
// src/server with the emulator and domain code inlined; npm packages such as @duckdb/node-api stay
// external and load from node_modules). Plain Node cannot run the TypeScript sources or resolve `@/`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIR = join(ROOT, 'dist-server');

const SERVER_ENTRIES = {
  server: 'src/server/main.ts',
  import: 'src/server/import/import-cli.ts',
  'bench-server': 'src/server/bench/bench-cli.ts',
  'import-worker': 'src/server/import/import-worker.ts',
  detect: 'src/server/detections/detect-cli.ts',
  export: 'src/server/export/export-cli.ts',
};

/** Newest modification time of the files under `dir` (tests excluded), or 0. */
function newest(dir, skip = () => false) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, skip));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt(file) {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

const isServerSource = (path) => path.startsWith(join(ROOT, 'src', 'server'));
const isBrowserOnly = (path) =>
  ['features', 'app', 'components', 'api', 'mocks'].some((d) => path.startsWith(join(ROOT, 'src', d)));

/** Runs a build in a child process, so the server does not keep the bundler's memory. */
function buildInChild(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The build failed: node ${args.join(' ')}`);
}

/** Builds the console into dist/ unless it is newer than its sources. */
export async function ensureConsoleBuilt() {
  const sources = Math.max(
    newest(join(ROOT, 'src'), isServerSource),
    builtAt(join(ROOT, 'index.html')),
    builtAt(join(ROOT, 'vite.config.ts')),
  );
  if (builtAt(join(ROOT, 'dist', 'index.html')) > sources) return;
  console.log('Building the console (dist/)…');
  buildInChild([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}

/** Builds dist-server/ unless it is newer than the sources it bundles. */
export async function ensureServerBuilt() {
  const sources = Math.max(
    newest(join(ROOT, 'src'), isBrowserOnly),
    builtAt(join(ROOT, 'package-lock.json')),
  );
  if (Object.keys(SERVER_ENTRIES).every((name) => builtAt(join(SERVER_DIR, `${name}.mjs`)) > sources)) return;
  console.log('Building the server (dist-server/)…');
  buildInChild([fileURLToPath(import.meta.url), '--build']);
}

async function buildServer() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: { '@': join(ROOT, 'src') } },
    build: {
      ssr: true,
      target: 'node20',
      outDir: SERVER_DIR,
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        input: Object.fromEntries(
          Object.entries(SERVER_ENTRIES).map(([name, path]) => [name, join(ROOT, path)]),
        ),
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
}

/** Loads a built server entry point (`server`, `import` or `bench-server`). */
export async function loadServerEntry(name) {
  await ensureServerBuilt();
  return import(pathToFileURL(join(SERVER_DIR, `${name}.mjs`)).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--build') await buildServer();
