// LookupEvents latency over HTTP against a server on a data dir of N events (the target:
// ≤ 5 ms median and ≤ 30 ms p99 over 1,000,000 stored events). The server runs in its own process,
// as `npm start` runs it, and the requests are sent one at a time.
import { spawn } from 'node:child_process';
import {
  CloudTrailClient,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { join } from 'node:path';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { prepareDataDir } from '../data-dir';
import { syntheticRecord } from './synthetic-events';

const SEED = 7;
const END = Date.parse('2026-11-20T00:00:00Z');

/** Fills the data dir up to `count` synthetic events (600 days of them), keeping what is there. */
export async function fillDataDir(
  dataDir: string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const dir = prepareDataDir(dataDir);
  const db = await openDatabase(dir.databaseFile);
  const store = await DuckDbEventStore.open(db);
  try {
    const have = await store.count();
    if (have >= count) return;
    const started = performance.now();
    await store.bulk('seed', async (writer) => {
      for (let i = have; i < count; i += 10_000) {
        const batch = [];
        for (let j = i; j < Math.min(count, i + 10_000); j++)
          batch.push(syntheticRecord(SEED, j, count, END, 600));
        await writer.append(batch);
        if ((i / 10_000) % 10 === 0) log(`  ${i.toLocaleString('en-US')} events…`);
      }
    });
    log(
      `Stored ${count.toLocaleString('en-US')} events in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await store.close();
    db.close();
  }
}

type Query = [label: string, input: LookupEventsCommandInput];

const QUERIES: Query[] = [
  ['newest page', {}],
  ['by user name', { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'carol' }] }],
  ['by event name', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutBucketPolicy' }] }],
  [
    'by resource name',
    { LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 's3-resource-42' }] },
  ],
  ['read-only false', { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] }],
  [
    'a week a year ago',
    { StartTime: new Date(END - 372 * 86_400_000), EndTime: new Date(END - 365 * 86_400_000) },
  ],
];

/** One LookupEvents call through the AWS SDK, as the console makes it (signed, 50 per page). */
async function lookup(
  client: CloudTrailClient,
  input: LookupEventsCommandInput,
): Promise<{ ms: number; next?: string }> {
  const started = performance.now();
  const out = await client.send(new LookupEventsCommand({ MaxResults: 50, ...input }));
  const ms = performance.now() - started;
  if (!out.Events) throw new Error('LookupEvents answered without Events.');
  return { ms, next: out.NextToken };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function runLookupBench(
  root: string,
  dataDir: string,
  rounds: number,
  log: (line: string) => void,
) {
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'start.mjs'), '--data-dir', dataDir, '--port', '0', '--empty'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /running at (http:\/\/\S+?)\/? /.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    // Measure the steady state: the server reads past events for Insights once after it starts.
    for (let i = 0; i < 600; i++) {
      const status = (await (await fetch(`${url}/trailview/status`)).json()) as { insights?: string };
      if (status.insights !== 'loading') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const client = new CloudTrailClient({
      region: 'us-east-1',
      endpoint: `${url}/aws`,
      credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
      maxAttempts: 1,
    });
    for (let i = 0; i < 20; i++) await lookup(client, QUERIES[i % QUERIES.length]![1]); // warm-up
    const all: number[] = [];
    const byQuery = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const [label, body] of QUERIES) {
        const first = await lookup(client, body);
        // The next page too: the console's "load more" sends the same parameters with NextToken.
        const second = first.next ? await lookup(client, { ...body, NextToken: first.next }) : undefined;
        for (const ms of second ? [first.ms, second.ms] : [first.ms]) {
          all.push(ms);
          byQuery.set(label, [...(byQuery.get(label) ?? []), ms]);
        }
      }
    }
    const row = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${label.padEnd(20)} p50 ${percentile(sorted, 0.5).toFixed(2).padStart(6)} ms   p99 ${percentile(sorted, 0.99).toFixed(2).padStart(6)} ms`;
    };
    for (const [label, values] of byQuery) log(row(label, values));
    log(row(`all (${all.length})`, all));
    const sorted = [...all].sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), requests: all.length };
  } finally {
    child.kill('SIGTERM');
  }
}
