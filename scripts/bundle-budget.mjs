// `node scripts/bundle-budget.mjs [--json]`: what `#/events` loads, from the Vite manifests of
// `npm run build` (dist/) and `npm run build:demo` (dist-demo/), gzip level 9 (node:zlib), in KB of 1,000 bytes.
// Exits non-zero when the initial JavaScript is over budget. Cheap and stable, so CI runs it.
//
// initial  = index.html's entry chunk and its static imports, plus the Event history route chunk and its
//            static imports: what must arrive before the page can render its first rows.
// deferred = chunks the page itself loads with React.lazy right after its first render, with no user
//            action (the date range picker, the Refine property filter, the preferences): reported, not budgeted.
// demo     = what dist-demo/ loads in addition: the MSW worker, the emulator and the demo seed
//            (src/mocks/browser.ts and its static imports), less what the initial closure already has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const EVENTS_PAGE = 'src/features/event-history/event-history-page.tsx';
const DEMO_ENTRY = 'src/mocks/browser.ts';
/** Dynamic imports the Event history page renders at once (Suspense with a disabled stand-in meanwhile). */
const EVENTS_DEFERRED = [
  'src/features/event-history/event-preferences.tsx',
  'src/features/event-history/time-range-picker.tsx',
  'src/features/event-history/refine-property-filter.tsx',
  'src/features/event-history/download-button.tsx',
];
export const INITIAL_JS_BUDGET_KB = 450;

function readManifest(outDir) {
  const file = join(ROOT, outDir, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` and \`npm run build:demo\` first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The manifest keys reachable from `keys` through static imports. */
function staticClosure(manifest, keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}.`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

/** The output files (JS and CSS) of a set of manifest keys. */
function filesOf(manifest, keys) {
  const files = new Set();
  for (const key of keys) {
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
  }
  return files;
}

function gzipKb(outDir, files, extension) {
  let bytes = 0;
  for (const file of files) {
    if (file.endsWith(extension))
      bytes += gzipSync(readFileSync(join(ROOT, outDir, file)), { level: 9 }).length;
  }
  return Math.round(bytes / 100) / 10;
}

function entryKey(manifest) {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  return entry;
}

export function measureBundle() {
  const app = readManifest('dist');
  const initial = staticClosure(app, [entryKey(app), EVENTS_PAGE]);
  const initialFiles = filesOf(app, initial);
  const deferred = [...staticClosure(app, EVENTS_DEFERRED)].filter((key) => !initial.has(key));

  const demo = readManifest('dist-demo');
  const demoInitial = filesOf(demo, staticClosure(demo, [entryKey(demo), EVENTS_PAGE]));
  const demoExtra = [...filesOf(demo, staticClosure(demo, [DEMO_ENTRY]))].filter((f) => !demoInitial.has(f));

  return {
    initial_js_gz_kb: gzipKb('dist', initialFiles, '.js'),
    initial_css_gz_kb: gzipKb('dist', initialFiles, '.css'),
    demo_extra_js_gz_kb: gzipKb('dist-demo', demoExtra, '.js'),
    events_deferred_js_gz_kb: gzipKb('dist', filesOf(app, deferred), '.js'),
    initial_js_files: [...initialFiles].filter((f) => f.endsWith('.js')).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = measureBundle();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures));
  } else {
    console.log(
      [
        `#/events, gzip -9 (KB = 1,000 bytes):`,
        `  initial JS   ${figures.initial_js_gz_kb} KB in ${figures.initial_js_files} files (budget ≤ ${INITIAL_JS_BUDGET_KB} KB)`,
        `  initial CSS  ${figures.initial_css_gz_kb} KB`,
        `  deferred JS  ${figures.events_deferred_js_gz_kb} KB (date range picker, Refine filter, preferences, Download events: loaded after the first render)`,
        `  demo extra   ${figures.demo_extra_js_gz_kb} KB (MSW, emulator, demo seed; dist-demo only)`,
      ].join('\n'),
    );
  }
  if (figures.initial_js_gz_kb > INITIAL_JS_BUDGET_KB) {
    console.error(
      `The initial JavaScript of #/events is ${figures.initial_js_gz_kb} KB gzip, over the ${INITIAL_JS_BUDGET_KB} KB budget.`,
    );
    process.exit(1);
  }
}
