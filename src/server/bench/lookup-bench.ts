// LookupEvents latency over HTTP against a server on a data dir of N events (the target:
// ≤ 5 ms median and ≤ 30 ms p99 over 1,000,000 stored events). The server runs in its own process,
// as `npm start` runs it, and the requests are sent one at a time.
import { spawn } from 'node:child_process';
import {
  CloudTrailClient,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../store/database';
import { DuckDbEventStore } from '../store/duckdb-event-store';
import { prepareDataDir } from '../data-dir';
import { CALLS, syntheticRecord, USERS } from './synthetic-events';

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

/**
 * A query of the concurrent clients, varied as a team's would be: the newest events, or a user, event
 * name, resource (one of 9,000) or Read-only value, or a week of the 600 days — so pages come from all over
 * the store rather than a few hot ones.
 */
function variedQuery(n: number): LookupEventsCommandInput {
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const attribute = (key: string, value: string) => ({
    LookupAttributes: [{ AttributeKey: key as 'Username', AttributeValue: value }],
  });
  switch (n % 6) {
    case 1:
      return attribute('Username', pick(USERS));
    case 2:
      return attribute('EventName', pick(CALLS)[1]);
    case 3:
      return attribute(
        'ResourceName',
        `${pick(CALLS.filter((c) => c[3]))[0].split('.')[0]}-resource-${Math.floor(Math.random() * 500)}`,
      );
    case 4:
      return attribute('ReadOnly', pick(['true', 'false']));
    case 5: {
      const end = END - Math.floor(Math.random() * 593) * 86_400_000;
      return { StartTime: new Date(end - 7 * 86_400_000), EndTime: new Date(end) };
    }
    default:
      return {};
  }
}

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

/** Resident memory of a process, MB (Linux /proc). */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return kb ? Number(kb[1]) / 1024 : NaN;
}

/** Starts `npm start` on a data dir in its own process; resolves when it serves, with the time that took. */
async function startServer(root: string, dataDir: string) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      // TRAILVIEW_BENCH_PROFILE=DIR: the server writes a CPU profile there when it stops.
      ...(process.env.TRAILVIEW_BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TRAILVIEW_BENCH_PROFILE}`]
        : []),
      join(root, 'scripts', 'start.mjs'),
      ...['--data-dir', dataDir, '--port', '0', '--empty'],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+?)\/? /.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { child, url, openMs: performance.now() - started, rssMb: residentMb(child.pid!) };
}

/** The server's start and memory on an empty data dir: the peer of the stored events' figures. */
export async function emptyStoreStart(root: string): Promise<{ openMs: number; rssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'trailview-bench-empty-'));
  try {
    const { child, openMs, rssMb } = await startServer(root, dir);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    return { openMs, rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `clients` loops sending LookupEvents with filters and paging for `seconds`, while one writer creates
 * log groups (acknowledged writes, each committed with its event): what a team of analysts does to one
 * server. Plain HTTP (no SDK) so the clients' own CPU takes less of the machine the server runs on.
 */
async function concurrentLookups(url: string, clients: number, seconds: number) {
  const send = (target: string, body: unknown) =>
    fetch(`${url}/aws`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(body),
    }).then(async (response) => {
      const out = (await response.json()) as { NextToken?: string };
      if (!response.ok) throw new Error(`${target} answered ${response.status}: ${JSON.stringify(out)}`);
      return out;
    });
  const lookup = (body: LookupEventsCommandInput) =>
    send('CloudTrail_20131101.LookupEvents', {
      MaxResults: 50,
      ...body,
      StartTime: body.StartTime ? (body.StartTime as Date).getTime() / 1000 : undefined,
      EndTime: body.EndTime ? (body.EndTime as Date).getTime() / 1000 : undefined,
    });
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  let writes = 0;
  const writer = (async () => {
    while (performance.now() < until) {
      await send('Logs_20140328.CreateLogGroup', {
        logGroupName: `bench-${process.pid}-${Date.now()}-${writes}`,
      });
      writes++;
    }
  })();
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let n = client; performance.now() < until; n++) {
      const body = variedQuery(n);
      let started = performance.now();
      const first = await lookup(body);
      times.push(performance.now() - started);
      if (first.NextToken && n % 3 === 0) {
        started = performance.now();
        await lookup({ ...body, NextToken: first.NextToken });
        times.push(performance.now() - started);
      }
    }
  });
  const began = performance.now();
  await Promise.all([...loops, writer]);
  const elapsed = (performance.now() - began) / 1000;
  const sorted = times.sort((a, b) => a - b);
  return {
    rps: times.length / elapsed,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    writesPerSecond: writes / elapsed,
  };
}

export async function runLookupBench(
  root: string,
  dataDir: string,
  rounds: number,
  log: (line: string) => void,
  concurrency = { clients: 16, seconds: 10 },
) {
  const empty = await emptyStoreStart(root);
  const { child, url, openMs, rssMb } = await startServer(root, dataDir);
  try {
    const events = Number(
      ((await (await fetch(`${url}/trailview/status`)).json()) as { events?: number }).events ?? NaN,
    );
    log(`open: ${openMs.toFixed(0)} ms (empty store ${empty.openMs.toFixed(0)} ms)`);
    log(
      `rss after open: ${rssMb.toFixed(0)} MB (empty store ${empty.rssMb.toFixed(0)} MB) = ` +
        `${(((rssMb - empty.rssMb) * 1024 * 1024) / events).toFixed(1)} bytes/event over ${events} events`,
    );
    // Measure the steady state: the server reads past events for Insights once after it starts (and,
    // the first time this version opens a store, copies its records into the records file).
    const settling = performance.now();
    for (let i = 0; i < 2400; i++) {
      const status = (await (await fetch(`${url}/trailview/status`)).json()) as {
        insights?: string;
        records?: string;
      };
      if (status.insights !== 'loading' && status.records !== 'filling') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    log(
      `settled (Insights read, records file filled) after ${(performance.now() - settling).toFixed(0)} ms, ` +
        `rss ${residentMb(child.pid!).toFixed(0)} MB`,
    );
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
    const together = await concurrentLookups(url, concurrency.clients, concurrency.seconds);
    log(
      `concurrent (${concurrency.clients} clients): ${together.rps.toFixed(0)} lookups/s   p50 ${together.p50.toFixed(2)} ms   p99 ${together.p99.toFixed(2)} ms   (writes beside: ${together.writesPerSecond.toFixed(0)}/s)`,
    );
    log(`rss at the end: ${residentMb(child.pid!).toFixed(0)} MB`);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), requests: all.length };
  } finally {
    child.kill('SIGTERM');
  }
}
