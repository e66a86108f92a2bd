// @vitest-environment node
// `npm start` in local mode, driven by the AWS SDK over HTTP on a random port: a trail created through
// the API and its CreateTrail event are still there after a restart on the same data dir; the import
// CLI sends its files through the running server.
import {
  CloudTrailClient,
  CreateTrailCommand,
  GetTrailCommand,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import { makeRecord, T0 } from '@/test/records';
import { readServerLock } from './data-dir';
import { main as importCli } from './import/import-cli';
import { startServer, type RunningServer } from './main';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const root = mkdtempSync(join(tmpdir(), 'trailview-local-'));
const dataDir = join(root, 'data');
const distDir = join(root, 'dist');
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-checked' };
const running: RunningServer[] = [];

async function start(): Promise<RunningServer> {
  const server = await startServer(
    { port: 0, host: '127.0.0.1', dataDir, empty: true, backend: 'local', allowWrites: false, help: false },
    distDir,
    () => {},
  );
  running.push(server);
  return server;
}

async function stop(server: RunningServer) {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

const clients = (server: RunningServer) => {
  const config = { region: 'us-east-1', endpoint: `${server.url}/aws`, credentials, maxAttempts: 1 };
  return { cloudTrail: new CloudTrailClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
};

const lookup = (client: CloudTrailClient, input: LookupEventsCommandInput) =>
  client.send(new LookupEventsCommand(input));
const byName = (name: string): LookupEventsCommandInput => ({
  LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
});

afterAll(async () => {
  for (const server of running.splice(0)) await server.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('npm start, local backend', () => {
  it('keeps a trail created through the SDK, and its CreateTrail event, across a restart', async () => {
    const first = await start();
    expect(readServerLock(dataDir)?.url).toBe(first.url);
    const { cloudTrail, s3 } = clients(first);
    expect(await fetch(`${first.url}/trailview/status`).then((r) => r.json())).toMatchObject({
      mode: 'local',
    });
    const empty = await lookup(cloudTrail, byName('CreateTrail'));
    expect(empty.Events).toEqual([]);

    const bucket = 'restart-test-logs';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const policy = cloudTrailBucketPolicy({ bucket, accountId: '123456789012' });
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const created = await cloudTrail.send(
      new CreateTrailCommand({ Name: 'survives-restart', S3BucketName: bucket }),
    );
    expect(created.TrailARN).toBe('arn:aws:cloudtrail:us-east-1:123456789012:trail/survives-restart');
    await stop(first);
    expect(readServerLock(dataDir)).toBeUndefined();

    const second = await start();
    const again = clients(second).cloudTrail;
    const trail = await again.send(new GetTrailCommand({ Name: 'survives-restart' }));
    expect(trail.Trail).toMatchObject({
      Name: 'survives-restart',
      S3BucketName: bucket,
      HomeRegion: 'us-east-1',
    });
    const events = await lookup(again, byName('CreateTrail'));
    expect(events.Events).toHaveLength(1);
    expect(events.Events![0]).toMatchObject({
      EventName: 'CreateTrail',
      EventSource: 'cloudtrail.amazonaws.com',
    });
    expect(JSON.parse(events.Events![0]!.CloudTrailEvent!)).toMatchObject({
      requestParameters: { name: 'survives-restart', s3BucketName: bucket },
    });
    expect((await lookup(again, byName('CreateBucket'))).Events).toHaveLength(1);
    await stop(second);
  });

  it('answers the long X-Amz-Target the AWS CLI (botocore) sends', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/aws`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261120/us-east-1/cloudtrail/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0',
        'user-agent': 'aws-cli/2.17.28 md/Botocore#1.35.0',
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({ trailList: expect.any(Array) });
    await stop(server);
  });

  it('answers the trail what-if over its store, the selection in the query', async () => {
    const server = await start();
    await clients(server)
      .cloudTrail.send(new GetTrailCommand({ Name: 'no-such-trail' }))
      .catch(() => undefined);
    const selection = JSON.stringify({
      HomeRegion: 'us-east-1',
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      advancedEventSelectors: [
        {
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
      ],
    });
    const url = `${server.url}/trailview/what-if?${new URLSearchParams({ region: 'us-east-1', selection })}`;
    await vi.waitFor(async () => {
      const body = (await fetch(url).then((r) => r.json())) as {
        selected: number;
        total: number;
        dropped: Array<{ eventName: string; count: number }>;
      };
      expect(body.total).toBeGreaterThan(body.selected);
      expect(body.dropped.map((d) => d.eventName)).toContain('GetTrail');
    });
    expect((await fetch(`${server.url}/trailview/what-if?region=us-east-1`)).status).toBe(400);
    await stop(server);
  });

  it("serves what an SNS topic received beside /aws, to the console's own origin only", async () => {
    const server = await start();
    const sns = new SNSClient({
      region: 'us-east-1',
      endpoint: `${server.url}/aws`,
      credentials,
      maxAttempts: 1,
    });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'trail-news' }));
    const url = `${server.url}/trailview/sns-notifications?topic=${encodeURIComponent(TopicArn!)}`;
    expect(await (await fetch(url)).json()).toEqual({ topicArn: TopicArn, notifications: [] });
    expect((await fetch(url, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await fetch(`${server.url}/trailview/sns-notifications?topic=nope`)).status).toBe(400);
    await stop(server);
  });

  it('imports through the running server when the CLI is pointed at its data dir', async () => {
    const server = await start();
    const file = join(root, 'events.json');
    const records = [
      makeRecord({ time: T0, eventName: 'ImportedOne' }),
      makeRecord({ time: T0 - 1000, eventName: 'ImportedTwo' }),
    ];
    writeFileSync(file, JSON.stringify({ Records: records }));
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    await importCli(['--data-dir', dataDir, file]);
    await importCli(['--data-dir', dataDir, file]);
    const printed = out.mock.calls.map((c) => String(c[0]));
    expect(err.mock.calls.map((c) => String(c[0]))[0]).toContain(`The server at ${server.url}`);
    out.mockRestore();
    err.mockRestore();
    expect(printed[0]).toContain('Events imported: 2');
    expect(printed[1]).toContain('Events imported: 0');
    expect(printed[1]).toContain('Duplicates skipped: 2');
    const found = await lookup(clients(server).cloudTrail, byName('ImportedOne'));
    expect(found.Events!.map((e) => e.EventId)).toEqual([records[0]!.eventID]);
    await stop(server);
  });
});
