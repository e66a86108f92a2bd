// @vitest-environment node
// `npm run import -- --validate PATH`: a trail of the local server delivers with validation on, its
// bucket's AWSLogs is copied into a folder as `aws s3 cp --recursive` copies it (bytes only), and the
// CLI reports every digest and log file valid with the server's public keys; after one log file in the
// folder is replaced, that file INVALID and exit code 1. Without a server to ask, it says what it needs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_ACCOUNT,
  localClients,
  startTestServer,
  startValidatedTrail,
  type TestServer,
} from '@/test/local-server';
import { main as importCli } from './import-cli';

const BUCKET = 'copied-trail-logs';
const root = mkdtempSync(join(tmpdir(), 'trailview-validate-folder-'));
const folder = join(root, 'logs');
let running: TestServer;

/** Runs the CLI; what it printed to stdout and stderr, and its exit code. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  const error = vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  process.exitCode = undefined;
  try {
    await importCli(args);
    return { out: out.join('\n'), err: err.join('\n'), code: process.exitCode ?? 0 };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(async () => {
  running = await startTestServer('validate-folder', { deliveryInterval: 1 });
  const { s3, ct } = localClients(running.server);
  await startValidatedTrail({ s3, ct }, BUCKET, 'copied');
  // A recorded call each second until a digest names a log file (12 one-second deliveries).
  const digested = async () => {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `AWSLogs/${LOCAL_ACCOUNT}/CloudTrail-Digest/` }),
    );
    for (const { Key } of listed.Contents ?? []) {
      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      const digest = JSON.parse(gunzipSync(await got.Body!.transformToByteArray()).toString()) as {
        logFiles: unknown[];
      };
      if (digest.logFiles.length > 0) return true;
    }
    return false;
  };
  for (let attempt = 0; attempt < 60 && !(await digested()); attempt++) {
    await ct.send(new DescribeTrailsCommand({}));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'AWSLogs/' }));
  for (const { Key } of listed.Contents ?? []) {
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    const file = join(folder, Key!.slice('AWSLogs/'.length));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await got.Body!.transformToByteArray());
  }
}, 120_000);

afterAll(async () => {
  await running?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run import -- --validate', () => {
  it('reports every file of a copied folder valid, then a replaced log file INVALID', async () => {
    const valid = await cli('--validate', '--endpoint-url', running.server.url, folder);
    expect(valid.err).toBe('');
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(
      /^Digest file\ts3:\/\/copied-trail-logs\/AWSLogs\/.+_CloudTrail-Digest_.+\tvalid$/m,
    );
    expect(valid.out).toMatch(/^([1-9]\d*)\/\1 digest files valid$/m);
    expect(valid.out).toMatch(/^([1-9]\d*)\/\1 log files valid$/m);

    const logLine = /^Log file\ts3:\/\/copied-trail-logs\/AWSLogs\/(\S+)\tvalid$/m.exec(valid.out)!;
    writeFileSync(join(folder, logLine[1]!), gzipSync('{"Records":[]}'));
    const tampered = await cli('--validate', '--endpoint-url', running.server.url, folder);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toBe(
      `Log file\ts3://copied-trail-logs/AWSLogs/${logLine[1]}\tINVALID: hash value doesn't match`,
    );
  });

  it('says it needs a server when none runs on the data dir', async () => {
    const alone = await cli('--validate', '--data-dir', join(root, 'no-server'), folder);
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/needs the public keys of a running Trailview server/);
  });
});
