// `npm run detect -- [--data-dir DIR] [--rules DIR…] [--format table|json]`: evaluates the rule pack and the
// user's rule folders over a data dir's store. `--format json` prints one entry per rule with hits:
// { ruleId, title, level, tags, eventIds } (issue 14). Rule problems go to stderr; the other rules still run.
import { get } from 'node:http';
import { parseArgs } from 'node:util';
import type { RuleHits } from '@/domain/detections/rule-set';
import type { RuleProblem } from '@/domain/detections/sigma-rule';
import { prepareDataDir, readServerLock } from '../data-dir';
import { openDatabase } from '../store/database';
import { loadRuleSet } from './rule-folders';
import { detectInStore } from './store-detections';
import type { DetectionsReport } from '@/domain/detections/report';

const USAGE = `Usage: npm run detect -- [--data-dir DIR] [--rules DIR]… [--format table|json]

Evaluates Trailview's Sigma rule pack, and the .yml rules under each --rules folder, over the events in
the data dir (default ./data). A rule that cannot be read is reported with its file and line and skipped.`;

export async function main(argv: readonly string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string', default: 'data' },
        rules: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
    if (values.format !== 'table' && values.format !== 'json')
      throw new Error(`--format must be table or json, not ${values.format}.`);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) return void console.log(USAGE);
  let report: DetectionsReport;
  try {
    report = await detect(values['data-dir'], values.rules);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  for (const p of report.problems) console.error(formatProblem(p));
  console.log(values.format === 'json' ? JSON.stringify(report.hits, null, 2) : formatTable(report));
}

async function detect(dataDir: string, ruleDirs: string[]): Promise<DetectionsReport> {
  const lock = readServerLock(dataDir);
  if (lock) {
    if (ruleDirs.length > 0)
      throw new Error(
        `The server at ${lock.url} has this data dir open; start it with these --rules, or stop it first.`,
      );
    console.error(`The server at ${lock.url} (pid ${lock.pid}) has this data dir open; asking it.`);
    return getJson(`${lock.url}/trailview/detections?complete`);
  }
  const set = loadRuleSet(ruleDirs);
  const db = await openDatabase(prepareDataDir(dataDir).databaseFile);
  try {
    const started = performance.now();
    const { hits, scanned } = await detectInStore(db.connection, set.rules);
    return {
      hits,
      problems: set.problems,
      rules: set.rules.length,
      scanned,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}

export const formatProblem = (p: RuleProblem) => `${p.file}:${p.line}: ${p.reason} (skipped)`;

function formatTable(report: DetectionsReport): string {
  const rows = report.hits.map((h: RuleHits) => [h.level, String(h.eventIds.length), h.title, h.ruleId]);
  const header = ['level', 'hits', 'rule', 'id'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const summary = `${report.hits.length} of ${report.rules} rules hit, over ${report.scanned.toLocaleString('en-US')} events read in ${report.ms} ms.`;
  return [line(header), ...rows.map(line), '', summary].join('\n');
}

function getJson(url: string): Promise<DetectionsReport> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`The server answered ${res.statusCode}: ${text}`));
        else resolve(JSON.parse(text) as DetectionsReport);
      });
    }).on('error', reject);
  });
}
