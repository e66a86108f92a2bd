// The measurements of `npm run bench` (scripts/bench.mjs prints and writes them): builds, the seed in a
// fresh Node process, the server's LookupEvents and import benchmarks (scripts/bench-server.mjs, whose
// printed lines are parsed here), and the browser figures (e2e/bench/ui.bench.ts).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = join(ROOT, 'dist-bench');

export const log = (line) => console.error(line);
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const round = (x, digits = 1) => (x === undefined || x === null ? null : Number(x.toFixed(digits)));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}).`);
}

/** Runs a command, echoing its output to stderr, and resolves with its stdout and exit code. */
function capture(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ out, code }));
  });
}

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export async function buildAll() {
  log('Building dist/, dist-demo/ and dist-bench/ …');
  run(process.execPath, [VITE, 'build', '--logLevel', 'warn']);
  run(process.execPath, [VITE, 'build', '--mode', 'demo', '--logLevel', 'warn']);
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
      outDir: BENCH_DIR,
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          'seed-bench': join(ROOT, 'src/emulator/seed/seed-bench.ts'),
          'synthetic-events': join(ROOT, 'src/server/bench/synthetic-events.ts'),
        },
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
}

/** The demo generation, each run in a fresh Node process: a cold start, and that process's peak RSS. */
export async function benchSeed(SIZES) {
  const entry = pathToFileURL(join(BENCH_DIR, 'seed-bench.mjs')).href;
  const script = `
    const m = await import(${JSON.stringify(entry)});
    const seed = m.measureSeed();
    const peak_rss_mb = process.resourceUsage().maxRSS / 1024;
    const floor = m.materialiseFloor(seed.records);
    const refine = m.refineFloor(seed.records, ${SIZES.ui});
    console.log(JSON.stringify({ events: seed.events, ms: seed.ms, peak_rss_mb, floor, refine }));`;
  const runs = [];
  for (let i = 0; i < SIZES.seedRuns; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`The seed benchmark failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout));
  }
  const at = runs.indexOf(runs.find((r) => r.ms === median(runs.map((x) => x.ms))));
  return { ...runs[at], runs_ms: runs.map((r) => round(r.ms, 0)) };
}

export async function benchLookup(SIZES) {
  const { out, code } = await capture(process.execPath, [
    join(ROOT, 'scripts', 'bench-server.mjs'),
    'lookup',
    '--events',
    String(SIZES.scale),
  ]);
  const all = /^all \((\d+)\)\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms/m.exec(out);
  const open = /^open: (\d+) ms \(empty store (\d+) ms\)/m.exec(out);
  const rss =
    /^rss after open: (\d+) MB \(empty store (\d+) MB\) = ([\d.-]+) bytes\/event over (\d+) events/m.exec(
      out,
    );
  const together =
    /^concurrent \((\d+) clients\): (\d+) lookups\/s\s+p50 ([\d.]+) ms\s+p99 ([\d.]+) ms/m.exec(out);
  const end = /^rss at the end: (\d+) MB/m.exec(out);
  if (code !== 0 || !all || !open || !rss || !together || !end)
    throw new Error(`bench-server lookup failed (exit ${code}).`);
  return {
    events: Number(rss[4]),
    requests: Number(all[1]),
    p50_ms: Number(all[2]),
    p99_ms: Number(all[3]),
    open_ms: Number(open[1]),
    empty_open_ms: Number(open[2]),
    rss_mb: Number(rss[1]),
    empty_rss_mb: Number(rss[2]),
    bytes_per_event: Number(rss[3]),
    clients: Number(together[1]),
    concurrent_rps: Number(together[2]),
    concurrent_p50_ms: Number(together[3]),
    concurrent_p99_ms: Number(together[4]),
    end_rss_mb: Number(end[1]),
  };
}

function hasJq() {
  return spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).status === 0;
}

export async function benchImport(SIZES) {
  const jq = hasJq();
  if (!jq) log('jq is not installed (apt-get install jq): import.jq_events_per_s cannot be measured.');
  const { out, code } = await capture(process.execPath, [
    join(ROOT, 'scripts', 'bench-server.mjs'),
    'import',
    '--events',
    String(SIZES.import),
  ]);
  const number = (text) => Number(text.replace(/,/g, ''));
  const ours = /^Trailview import: ([\d,]+) events in ([\d.]+) s = ([\d,]+) events\/s/m.exec(out);
  const theirs = /^jq -c '\.Records\[\]': ([\d.]+) s = ([\d,]+) events\/s/m.exec(out);
  const duckdb = /^duckdb read_json: ([\d.]+) s = ([\d,]+) events\/s/m.exec(out);
  if (!ours) throw new Error(`bench-server import failed (exit ${code}).`);
  if (jq && (!theirs || code !== 0))
    throw new Error(`The jq run of bench-server import failed (exit ${code}).`);
  if (!duckdb) throw new Error(`The DuckDB run of bench-server import failed (exit ${code}).`);
  return {
    events: number(ours[1]),
    events_per_s: number(ours[3]),
    jq_events_per_s: theirs ? number(theirs[2]) : null,
    duckdb_events_per_s: number(duckdb[2]),
  };
}

export async function benchUi(SIZES) {
  const chromium = await findChromium();
  if (!chromium) throw new Error(INSTALL_HINT);
  const file = join(tmpdir(), `trailview-bench-ui-${process.pid}.json`);
  const { code } = await capture(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'),
      'test',
      '-c',
      'e2e/bench/playwright.config.ts',
    ],
    {
      CHROMIUM_PATH: chromium,
      BENCH_UI_OUT: file,
      BENCH_UI_EVENTS: String(SIZES.ui),
      BENCH_UI_RUNS: String(SIZES.uiRuns),
    },
  );
  if (code !== 0) throw new Error(`The browser benchmark failed (exit ${code}).`);
  const figures = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  return figures;
}

/** The rule pack over the lookup store (src/server/detections/detect-bench.ts), with one rule as SQL beside it. */
export async function benchDetect(SIZES) {
  const { out, code } = await capture(process.execPath, [
    join(ROOT, 'scripts', 'bench-server.mjs'),
    'detect',
    '--events',
    String(SIZES.lookup),
  ]);
  const js = /^js: (\d+) rules over (\d+) events in (\d+) ms/m.exec(out);
  const sql = /^sql: 1 rule .* in (\d+) ms/m.exec(out);
  if (code !== 0 || !js || !sql) throw new Error(`bench-server detect failed (exit ${code}).`);
  return { rules: Number(js[1]), events: Number(js[2]), ms: Number(js[3]), sql_one_rule_ms: Number(sql[1]) };
}

export async function benchLake(SIZES) {
  const { out, code } = await capture(process.execPath, [
    join(ROOT, 'scripts', 'bench-server.mjs'),
    'lake',
    '--events',
    String(SIZES.lookup),
  ]);
  const lake = /^lake: group by eventName over (\d+) events in (\d+) ms/m.exec(out);
  const json = /^lake-json: .* in (\d+) ms/m.exec(out);
  const bound = /^bound: .* in (\d+) ms/m.exec(out);
  const stats = /^scan-stats: .* in (\d+) ms/m.exec(out);
  if (code !== 0 || !lake || !json || !bound || !stats) {
    throw new Error(`bench-server lake failed (exit ${code}).`);
  }
  return {
    events: Number(lake[1]),
    group_by_ms: Number(lake[2]),
    json_ms: Number(json[1]),
    bound_ms: Number(bound[1]),
    scan_stats_ms: Number(stats[1]),
  };
}
