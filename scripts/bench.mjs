// `npm run bench -- [--out FILE] [--quick] [--only seed,bundle,lookup,import,ui,detect,lake]`: the performance report.
// Measures on this machine, prints each figure with its budget, what bounds it and how far it is from that
// bound, and writes the figures as JSON (default bench-results/bench.json). Budgets are goals, not tests:
// the exit code is non-zero only when a measurement could not be taken. CI runs the bundle budget alone
// (scripts/bundle-budget.mjs in `npm test`); timings on a shared machine are not tests (docs/conventions.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonParseFloor, localhostRoundTrip } from './bench-floors.mjs';
import {
  BENCH_DIR,
  benchDetect,
  benchImport,
  benchLake,
  benchLookup,
  benchSeed,
  benchUi,
  buildAll,
  log,
  median,
  round,
} from './bench-measure.mjs';
import { INITIAL_JS_BUDGET_KB, measureBundle } from './bundle-budget.mjs';

const PARTS = ['seed', 'bundle', 'lookup', 'import', 'ui', 'detect', 'lake'];
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join('bench-results', 'bench.json') },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = values.quick;
const only = new Set(values.only ? values.only.split(',') : PARTS);
// The issue's sizes, or (--quick) smaller ones for a run of a few minutes.
const SIZES = quick
  ? { scale: 100_000, lookup: 100_000, import: 50_000, ui: 20_000, uiRuns: 3, seedRuns: 1 }
  : { scale: 10_000_000, lookup: 1_000_000, import: 500_000, ui: 100_000, uiRuns: 5, seedRuns: 3 };

const results = {};
const rows = [];
const fmt = (x, digits = 1) =>
  x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
/** A difference with its sign. */
const plus = (x, digits = 1) => `${x < 0 ? '−' : '+'}${fmt(Math.abs(x), digits)}`;
/** One line of the table; `met` undefined = no budget. */
const row = (key, value, budget = '', met = undefined, bound = '', distance = '') =>
  rows.push({ key, value, budget, met: met === undefined ? '' : met ? 'met' : 'MISSED', bound, distance });
/** A size the budgets are defined on: --quick runs smaller on purpose. */
const sizeRow = (key, value, least) =>
  row(key, fmt(value), `≥ ${fmt(least)}`, quick ? undefined : value >= least, quick ? '--quick size' : '');

async function part(name, measure, report) {
  if (!only.has(name)) return;
  log(`\n── ${name} ──`);
  try {
    report(await measure());
  } catch (error) {
    results[`${name}.error`] = error.message;
    row(name, 'failed', '', undefined, error.message.split('\n')[0]);
  }
}

log(
  `Trailview bench${quick ? ' --quick (smaller sizes than the budgets are defined on)' : ''}: ` +
    `${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}`,
);
await buildAll();

let seed;
await part(
  'seed',
  () => benchSeed(SIZES),
  (s) => {
    seed = s;
    Object.assign(results, {
      'seed.events': s.events,
      'seed.ms': round(s.ms),
      'seed.peak_rss_mb': round(s.peak_rss_mb),
    });
    row('seed.events', fmt(s.events), '≥ 150,000', s.events >= 150_000);
    row(
      'seed.ms',
      fmt(s.ms, 0),
      '≤ 2,000',
      s.ms <= 2000,
      `allocating the same objects (${fmt(s.floor.json_mb, 0)} MB of JSON): ${fmt(s.floor.ms, 0)} ms`,
      `${fmt(s.ms / s.floor.ms)}×`,
    );
    row('seed.peak_rss_mb', fmt(s.peak_rss_mb, 0), '', undefined, 'a Node process holding every event');
  },
);

await part('bundle', measureBundle, (b) => {
  Object.assign(results, {
    'bundle.initial_js_gz_kb': b.initial_js_gz_kb,
    'bundle.initial_css_gz_kb': b.initial_css_gz_kb,
    'bundle.demo_extra_js_gz_kb': b.demo_extra_js_gz_kb,
    'bundle.events_deferred_js_gz_kb': b.events_deferred_js_gz_kb,
  });
  row(
    'bundle.initial_js_gz_kb',
    fmt(b.initial_js_gz_kb),
    `≤ ${INITIAL_JS_BUDGET_KB}`,
    b.initial_js_gz_kb <= INITIAL_JS_BUDGET_KB,
    'react-dom, Cloudscape shell and table, AWS SDK',
    `${b.initial_js_files} files, gzip -9`,
  );
  row(
    'bundle.initial_css_gz_kb',
    fmt(b.initial_css_gz_kb),
    '',
    undefined,
    'Cloudscape global styles inline 8 fonts',
  );
  row(
    'bundle.demo_extra_js_gz_kb',
    fmt(b.demo_extra_js_gz_kb),
    '',
    undefined,
    'MSW, emulator, seed (demo only)',
  );
  row(
    'bundle.events_deferred_js_gz_kb',
    fmt(b.events_deferred_js_gz_kb),
    '',
    undefined,
    'loaded after the first render',
  );
});

await part(
  'lookup',
  async () => ({ ...(await benchLookup(SIZES)), rtt: await localhostRoundTrip() }),
  (l) => {
    Object.assign(results, {
      'lookup.events': l.events,
      'lookup.p50_ms': l.p50_ms,
      'lookup.p99_ms': l.p99_ms,
      'lookup.open_ms': l.open_ms,
      'lookup.rss_mb': l.rss_mb,
      'lookup.bytes_per_event': l.bytes_per_event,
      'lookup.concurrent_rps': l.concurrent_rps,
      'lookup.concurrent_p99_ms': l.concurrent_p99_ms,
    });
    sizeRow('lookup.events', l.events, 10_000_000);
    for (const [key, budget, rtt] of [
      ['p50_ms', 5, l.rtt.p50_ms],
      ['p99_ms', 30, l.rtt.p99_ms],
    ]) {
      row(
        `lookup.${key}`,
        fmt(l[key], 2),
        `≤ ${budget}`,
        l[key] <= budget,
        `localhost round trip ${key.slice(0, 3)} ${fmt(rtt, 2)} ms`,
        `${plus(l[key] - rtt, 2)} ms`,
      );
    }
    row(
      'lookup.open_ms',
      fmt(l.open_ms, 0),
      '≤ 3,000',
      l.open_ms <= 3000,
      `the server on an empty data dir: ${fmt(l.empty_open_ms, 0)} ms`,
      `${plus(l.open_ms - l.empty_open_ms, 0)} ms`,
    );
    row(
      'lookup.rss_mb',
      fmt(l.rss_mb, 0),
      '≤ 1,536',
      l.rss_mb <= 1536,
      `the server on an empty data dir: ${fmt(l.empty_rss_mb, 0)} MB`,
      `${plus(l.rss_mb - l.empty_rss_mb, 0)} MB; ${fmt(l.end_rss_mb, 0)} MB after the run`,
    );
    row(
      'lookup.bytes_per_event',
      fmt(l.bytes_per_event, 1),
      '≤ 100',
      l.bytes_per_event <= 100,
      'resident memory over the empty server, per event',
    );
    row(
      'lookup.concurrent_rps',
      fmt(l.concurrent_rps, 0),
      '≥ 500',
      l.concurrent_rps >= 500,
      `${l.clients} clients with filters and paging, a writer beside`,
      `p50 ${fmt(l.concurrent_p50_ms, 1)} ms`,
    );
    row(
      'lookup.concurrent_p99_ms',
      fmt(l.concurrent_p99_ms, 1),
      '≤ 100',
      l.concurrent_p99_ms <= 100,
      `sequential p99 ${fmt(l.p99_ms, 1)} ms`,
    );
  },
);

await part(
  'import',
  async () => ({
    ...(await benchImport(SIZES)),
    floor: await jsonParseFloor(BENCH_DIR, Math.min(SIZES.import, 100_000)),
  }),
  (i) => {
    Object.assign(results, {
      'import.events': i.events,
      'import.events_per_s': Math.round(i.events_per_s),
      'import.jq_events_per_s': i.jq_events_per_s === null ? null : Math.round(i.jq_events_per_s),
      'import.duckdb_events_per_s': Math.round(i.duckdb_events_per_s),
    });
    const vsJq = i.jq_events_per_s ? i.events_per_s / i.jq_events_per_s : undefined;
    sizeRow('import.events', i.events, 500_000);
    row(
      'import.events_per_s',
      fmt(i.events_per_s, 0),
      '≥ 150,000',
      i.events_per_s >= 150_000,
      `JSON.parse on one core: ${fmt(i.floor.parse_events_per_s, 0)}/s`,
      `${fmt(i.events_per_s / i.floor.parse_events_per_s, 2)}× of it`,
    );
    row(
      'import.jq_events_per_s',
      vsJq === undefined ? 'jq missing' : fmt(i.jq_events_per_s, 0),
      'import ≥ 2× jq',
      vsJq === undefined ? undefined : vsJq >= 2,
      'gzip -dc | jq, the same files',
      vsJq === undefined ? '' : `import ${fmt(vsJq, 2)}× jq`,
    );
    row(
      'import.duckdb_events_per_s',
      fmt(i.duckdb_events_per_s, 0),
      'import ≥ 1.0× DuckDB',
      i.events_per_s >= i.duckdb_events_per_s,
      'DuckDB read_json into a plain table, records as JSON, the same files',
      `import ${fmt(i.events_per_s / i.duckdb_events_per_s, 2)}× DuckDB`,
    );
  },
);

await part(
  'ui',
  () => benchUi(SIZES),
  (u) => {
    const floor = seed && median(Object.values(seed.refine));
    Object.assign(results, {
      'ui.first_rows_ms': round(u.first_rows_ms, 0),
      'ui.refine_100k_ms': round(u.refine_100k_ms),
      'ui.scroll_frame_p95_ms': round(u.scroll_frame_p95_ms),
      'ui.refine_loaded_events': u.refine_loaded_events,
    });
    row(
      'ui.first_rows_ms',
      fmt(u.first_rows_ms, 0),
      '≤ 1,500',
      u.first_rows_ms <= 1500,
      `JS/CSS waterfall done at ${fmt(u.first_rows_files_loaded_ms, 0)} ms`,
      `${plus(u.first_rows_ms - u.first_rows_files_loaded_ms, 0)} ms`,
    );
    row(
      'ui.refine_100k_ms',
      fmt(u.refine_100k_ms),
      '≤ 100',
      u.refine_100k_ms <= 100,
      floor === undefined ? 'run with seed for the floor' : `the filter alone, Node: ${fmt(floor)} ms`,
      `${floor === undefined ? '' : `${plus(u.refine_100k_ms - floor)} ms, `}${fmt(u.refine_loaded_events)} loaded`,
    );
    row(
      'ui.scroll_frame_p95_ms',
      fmt(u.scroll_frame_p95_ms),
      '≤ 20',
      u.scroll_frame_p95_ms <= 20,
      `idle frame p95 ${fmt(u.idle_frame_p95_ms)} ms`,
      `${plus(u.scroll_frame_p95_ms - u.idle_frame_p95_ms)} ms`,
    );
  },
);

await part(
  'detect',
  () => benchDetect(SIZES),
  (d) => {
    Object.assign(results, { 'detect.events': d.events, 'detect.rules': d.rules, 'detect.ms': d.ms });
    row(
      'detect.ms',
      fmt(d.ms, 0),
      '',
      undefined,
      `one rule as DuckDB SQL: ${fmt(d.sql_one_rule_ms, 0)} ms`,
      `${d.rules} rules, ${fmt(d.events)} events`,
    );
  },
);

await part(
  'lake',
  () => benchLake(SIZES),
  (k) => {
    Object.assign(results, {
      'lake.events': k.events,
      'lake.group_by_event_name_ms': k.group_by_ms,
      'lake.errors_by_caller_ms': k.json_ms,
    });
    sizeRow('lake.events', k.events, 1_000_000);
    row(
      'lake.group_by_event_name_ms',
      fmt(k.group_by_ms, 0),
      '≤ 1,000',
      k.group_by_ms <= 1000,
      `the same GROUP BY on the events table: ${fmt(k.bound_ms, 0)} ms`,
      `${plus(k.group_by_ms - k.bound_ms, 0)} ms (scan statistics ${fmt(k.scan_stats_ms, 0)} ms)`,
    );
    row(
      'lake.errors_by_caller_ms',
      fmt(k.json_ms, 0),
      '',
      undefined,
      'reads userIdentity and errorCode out of every record',
    );
  },
);

const headers = {
  key: 'key',
  value: 'value',
  budget: 'budget',
  met: '',
  bound: 'bound',
  distance: 'vs bound',
};
const columns = Object.keys(headers);
const widths = columns.map((k) => Math.max(...[headers, ...rows].map((r) => String(r[k]).length)));
const line = (r) =>
  columns
    .map((k, i) => String(r[k]).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(`\n${[headers, ...rows].map(line).join('\n')}`);
if (quick) console.log('--quick: smaller stores and loads than the budgets are defined on.');

const out = resolve(values.out);
mkdirSync(dirname(out), { recursive: true });
// `lookup.p50_ms` is read as a path: { "lookup": { "p50_ms": … } }.
const nested = {};
for (const [key, value] of Object.entries(results)) {
  const [group, name] = key.split('.');
  (nested[group] ??= {})[name] = value;
}
nested.meta = {
  quick,
  sizes: SIZES,
  cpus: availableParallelism(),
  load_average: loadavg()[0],
  date: new Date().toISOString(),
};
writeFileSync(out, `${JSON.stringify(nested, null, 2)}\n`);
console.log(`Written to ${values.out}`);
process.exitCode = Object.keys(results).some((key) => key.endsWith('.error')) ? 1 : 0;
