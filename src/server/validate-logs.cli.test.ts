// @vitest-environment node
// The acceptance run: `npm start -- --delivery-interval 1`, a trail with log file validation made
// through the AWS CLI, and the real `aws cloudtrail validate-logs` (AWS_ENDPOINT_URL at the server)
// reporting every digest and log file valid; after `aws s3 cp` replaces one log file, that file INVALID.
// The AWS CLI is not part of the project's dependencies: without it this file is skipped and says so;
// delivery.sdk.test.ts checks the same files with an independent verifier everywhere.
import { execFile, spawnSync } from 'node:child_process';
import { DescribeTrailsCommand, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { LOCAL_ACCOUNT as ACCOUNT, localClients, startLocalServer } from '@/test/local-server';
import { main as importCli } from './import/import-cli';
import type { RunningServer } from './main';

const HAS_AWS_CLI = spawnSync('aws', ['--version']).status === 0;
if (!HAS_AWS_CLI) console.warn('validate-logs.cli.test.ts: skipped, the AWS CLI (`aws`) is not installed.');

const BUCKET = 'validated-trail-logs';
const root = mkdtempSync(join(tmpdir(), 'trailview-validate-'));
let server: RunningServer;

/** Runs the AWS CLI; resolves with stdout and stderr together (validate-logs reports INVALID on stderr). */
async function aws(...args: string[]): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)('aws', ['--region', 'us-east-1', ...args], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: `${server.url}/aws`,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-checked',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: join(root, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    },
  });
  return stdout + stderr;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the bucket holds a digest that names a log file, making a recorded call each second so
 * there is something to deliver; returns that log file's key. Polls with the SDK: a CLI process a second
 * would cost more than the wait.
 */
async function firstDigestedLogFile(): Promise<string> {
  const { s3, ct: cloudTrail } = localClients(server);
  for (let attempt = 0; attempt < 60; attempt++) {
    await cloudTrail.send(new DescribeTrailsCommand({}));
    const listing = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `AWSLogs/${ACCOUNT}/CloudTrail-Digest/` }),
    );
    for (const { Key } of listing.Contents ?? []) {
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      const digest = JSON.parse(gunzipSync(await got.Body!.transformToByteArray()).toString()) as {
        logFiles: Array<{ s3Object: string }>;
      };
      if (digest.logFiles[0]) return digest.logFiles[0].s3Object;
    }
    await sleep(1000);
  }
  throw new Error('No digest with log files was delivered within a minute.');
}

describe.skipIf(!HAS_AWS_CLI)('aws cloudtrail validate-logs against the local server', () => {
  let trailArn: string;
  const started = new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    server = await startLocalServer(root, { deliveryInterval: 1 });
    await aws('s3api', 'create-bucket', '--bucket', BUCKET);
    const policy = cloudTrailBucketPolicy({ bucket: BUCKET, accountId: ACCOUNT });
    await aws('s3api', 'put-bucket-policy', '--bucket', BUCKET, '--policy', JSON.stringify(policy));
    const created = JSON.parse(
      await aws(
        'cloudtrail',
        'create-trail',
        '--name',
        'validated',
        '--s3-bucket-name',
        BUCKET,
        '--is-multi-region-trail',
        '--enable-log-file-validation',
      ),
    ) as { TrailARN: string };
    trailArn = created.TrailARN;
    await aws('cloudtrail', 'start-logging', '--name', 'validated');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports all files valid, then the replaced log file INVALID', async () => {
    const tampered = await firstDigestedLogFile();
    const validate = () =>
      aws('cloudtrail', 'validate-logs', '--trail-arn', trailArn, '--start-time', started, '--verbose');

    const valid = await validate();
    expect(valid).toMatch(/Results requested for /);
    expect(valid).toMatch(/(\d+)\/\1 digest files valid/);
    expect(valid).toMatch(/(\d+)\/\1 log files valid/);
    expect(valid).not.toMatch(/INVALID/);
    expect(valid).toContain(`Log file\ts3://${BUCKET}/${tampered}\tvalid`);

    // Round trip: the delivered files, copied with the CLI and imported into an empty data dir, give the
    // same events, with the same record text, as the server that delivered them serves.
    const copy = join(root, 'copied-logs');
    await aws('s3', 'cp', '--recursive', `s3://${BUCKET}/AWSLogs`, copy);
    const delivered = new Map<string, string>();
    for (const file of readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
      if (!/_CloudTrail_.*\.json\.gz$/.test(file)) continue;
      const text = gunzipSync(readFileSync(join(copy, file))).toString();
      for (const record of (JSON.parse(text) as { Records: Array<{ eventID: string }> }).Records)
        delivered.set(record.eventID, JSON.stringify(record));
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await importCli(['--data-dir', join(root, 'imported', 'data'), copy]);
    log.mockRestore();
    const imported = await startLocalServer(join(root, 'imported'));
    try {
      const { ct } = localClients(imported);
      const found = new Map<string, string>();
      let token: string | undefined;
      do {
        const page = await ct.send(new LookupEventsCommand({ MaxResults: 50, NextToken: token }));
        for (const e of page.Events ?? [])
          found.set(e.EventId!, JSON.stringify(JSON.parse(e.CloudTrailEvent!)));
        token = page.NextToken;
      } while (token);
      expect(delivered.size).toBeGreaterThan(0);
      for (const [id, record] of delivered) expect(found.get(id)).toBe(record);
    } finally {
      await imported.stop();
    }

    const replacement = join(root, 'replacement.json.gz');
    writeFileSync(replacement, gzipSync('{"Records":[]}'));
    await aws('s3', 'cp', replacement, `s3://${BUCKET}/${tampered}`);
    const after = await validate().catch(
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    expect(after).toContain(`Log file\ts3://${BUCKET}/${tampered}\tINVALID: hash value doesn't match`);
    expect(after.match(/^(Digest|Log) file\t.*\tINVALID/gm)).toHaveLength(1);
    expect(after).toMatch(/, 1\/(\d+) log files INVALID/);
    expect(after).toMatch(/(\d+)\/\1 digest files valid/);
  }, 120_000);
});
