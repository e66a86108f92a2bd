// @vitest-environment node
// Durable acknowledgements: the server, built as `npm start` builds it, runs in a child process while
// clients create and delete trails concurrently; it is killed with SIGKILL at a random moment, started
// again on the same data dir, and every acknowledged write must be there with its event — three rounds.
// Also the --host warning.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { buildEntry, type BuiltEntry } from '@/test/build-entry';
import { exposureWarning } from './main';

const root = mkdtempSync(join(tmpdir(), 'trailview-durability-'));
const dataDir = join(root, 'data');
const distDir = join(root, 'console');
let entry: BuiltEntry;
const BUCKET = 'durability-logs';
const ACCOUNT = '123456789012';

beforeAll(async () => {
  entry = await buildEntry('server/main.ts');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Trailview</title>');
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  entry?.remove();
});

interface Child {
  process: ChildProcess;
  url: string;
}

function startChild(): Promise<Child> {
  const script =
    `const { main } = await import(${JSON.stringify(entry.url)});` +
    `await main(['--port', '0', '--data-dir', ${JSON.stringify(dataDir)}, '--empty'], ${JSON.stringify(distDir)});`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running at (http:\/\/\S+?)\/ /.exec(out)?.[1];
      if (url) resolve({ process: child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it started: ${err}`)));
  });
}

function killed(child: Child): Promise<void> {
  return new Promise((resolve) => {
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

const sign = (service: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

async function cloudTrail(
  url: string,
  operation: string,
  input: unknown,
  region?: string,
): Promise<Response> {
  return fetch(`${url}/aws`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `CloudTrail_20131101.${operation}`,
      authorization: sign('cloudtrail', region),
    },
    body: JSON.stringify(input),
  });
}

/** A Region per client and round: an account holds at most 5 trails per Region. */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-southeast-2',
];
const CLIENTS = 4;
const regionOf = (round: number, client: number) => REGIONS[round * CLIENTS + client]!;

async function prepareBucket(url: string): Promise<void> {
  const s3 = (method: string, path: string, body?: string) =>
    fetch(`${url}/aws/${path}`, { method, headers: { authorization: sign('s3') }, body });
  expect((await s3('PUT', BUCKET)).status).toBe(200);
  const policy = JSON.stringify(cloudTrailBucketPolicy({ bucket: BUCKET, accountId: ACCOUNT }));
  expect((await s3('PUT', `${BUCKET}?policy`, policy)).status).toBeLessThan(300);
}

/** What the clients were told: per trail name, the writes answered 200, and the ones still in flight. */
interface Outcome {
  acknowledged: Map<string, ('CreateTrail' | 'DeleteTrail')[]>;
  unanswered: Set<string>;
}

/**
 * Clients that each create a trail and then delete their previous one, until the server dies under
 * them: every client keeps at most two trails, in a Region of its own.
 */
async function writeUntilKilled(child: Child, round: number, killAfterMs: number): Promise<Outcome> {
  const outcome: Outcome = { acknowledged: new Map(), unanswered: new Set() };
  const failures: string[] = [];
  let alive = true;
  /** False when the server died with the request in flight. */
  const write = async (operation: 'CreateTrail' | 'DeleteTrail', name: string, region: string) => {
    outcome.unanswered.add(name);
    let response: Response;
    try {
      const input = operation === 'CreateTrail' ? { Name: name, S3BucketName: BUCKET } : { Name: name };
      response = await cloudTrail(child.url, operation, input, region);
    } catch {
      return false;
    }
    if (response.status !== 200) {
      failures.push(`${operation} ${name}: ${response.status} ${await response.text()}`);
      return false;
    }
    outcome.unanswered.delete(name);
    outcome.acknowledged.set(name, [...(outcome.acknowledged.get(name) ?? []), operation]);
    return true;
  };
  const client = async (id: number) => {
    const region = regionOf(round, id);
    let previous: string | undefined;
    for (let i = 0; alive; i++) {
      const name = `r${round}-c${id}-t${i}`;
      if (!(await write('CreateTrail', name, region))) return;
      if (previous !== undefined && !(await write('DeleteTrail', previous, region))) return;
      previous = name;
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, id) => client(id));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  await killed(child);
  alive = false;
  await Promise.all(clients);
  expect(failures).toEqual([]);
  return outcome;
}

async function trailNames(url: string, regions: readonly string[]): Promise<Set<string>> {
  const names = new Set<string>();
  for (const region of regions) {
    const response = await cloudTrail(url, 'DescribeTrails', { includeShadowTrails: false }, region);
    const body = (await response.json()) as { trailList: { Name: string }[] };
    for (const trail of body.trailList) names.add(trail.Name);
  }
  return names;
}

/** The trail names of every stored event of one name, over some Regions. */
async function eventTrailNames(
  url: string,
  eventName: string,
  regions: readonly string[],
): Promise<Map<string, number>> {
  const names = new Map<string, number>();
  for (const region of regions) await eventTrailNamesIn(url, eventName, region, names);
  return names;
}

async function eventTrailNamesIn(url: string, eventName: string, region: string, names: Map<string, number>) {
  let token: string | undefined;
  do {
    const response = await cloudTrail(
      url,
      'LookupEvents',
      {
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
        MaxResults: 50,
        StartTime: 0,
        ...(token && { NextToken: token }),
      },
      region,
    );
    const page = (await response.json()) as { Events: { CloudTrailEvent: string }[]; NextToken?: string };
    for (const event of page.Events) {
      const record = JSON.parse(event.CloudTrailEvent) as { requestParameters: { name: string } };
      const name = record.requestParameters.name;
      names.set(name, (names.get(name) ?? 0) + 1);
    }
    token = page.NextToken;
  } while (token);
}

describe('kill -9 during writes', () => {
  it('loses no acknowledged CreateTrail or DeleteTrail and no event of one, in three rounds', async () => {
    let child = await startChild();
    await prepareBucket(child.url);
    const everything: Outcome[] = [];
    // Kill times spread over the load, different each round.
    for (const [round, killAfterMs] of [450, 900, 1_400].entries()) {
      everything.push(await writeUntilKilled(child, round, killAfterMs));
      child = await startChild();
      const regions = REGIONS.slice(0, (round + 1) * CLIENTS);
      const trails = await trailNames(child.url, regions);
      const created = await eventTrailNames(child.url, 'CreateTrail', regions);
      const deleted = await eventTrailNames(child.url, 'DeleteTrail', regions);
      let acknowledgedWrites = 0;
      for (const outcome of everything) {
        for (const [name, writes] of outcome.acknowledged) {
          acknowledgedWrites += writes.length;
          const inFlight = outcome.unanswered.has(name);
          // Acknowledged: its event is stored.
          expect(created.get(name), `CreateTrail event of acknowledged ${name}`).toBe(1);
          if (writes.includes('DeleteTrail')) {
            expect(deleted.get(name), `DeleteTrail event of ${name}`).toBe(1);
            expect(trails.has(name), `${name} was deleted`).toBe(false);
          } else if (!inFlight) {
            expect(trails.has(name), `${name} was created`).toBe(true);
          }
        }
      }
      // Nothing is kept without its event: every stored trail has its CreateTrail event.
      for (const name of trails) expect(created.get(name), `CreateTrail event of stored ${name}`).toBe(1);
      expect(acknowledgedWrites).toBeGreaterThan(0);
    }
    await killed(child);
  }, 180_000);
});

describe('the --host warning', () => {
  it('warns that the console has no authentication when the server is reachable from other machines', () => {
    expect(exposureWarning({ host: '127.0.0.1', backend: 'local' })).toBeUndefined();
    expect(exposureWarning({ host: 'localhost', backend: 'aws' })).toBeUndefined();
    expect(exposureWarning({ host: '::1', backend: 'local' })).toBeUndefined();
    expect(exposureWarning({ host: '0.0.0.0', backend: 'local' })).toMatch(/no authentication/);
    expect(exposureWarning({ host: '192.168.1.20', backend: 'aws' })).toMatch(/your credentials/);
  });
});
