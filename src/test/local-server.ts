// The local server (`npm start`'s startServer) on a temporary data dir, an empty account and a free port,
// with SDK clients for it: for tests that talk to it over HTTP, e.g. to run the AWS CLI against it.
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudTrailBucketPolicy } from '@/domain/cloudtrail-policies';
import type { StartOptions } from '@/server/cli-options';
import { startServer, type RunningServer } from '@/server/main';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The account of an empty data dir. */
export const LOCAL_ACCOUNT = '123456789012';

/** Starts a server on `root`/data (kept after it stops, for restarts on the same data). */
export function startLocalServer(root: string, options: Partial<StartOptions> = {}): Promise<RunningServer> {
  return startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(root, 'data'),
      empty: true,
      backend: 'local',
      allowWrites: false,
      help: false,
      ...options,
    },
    join(root, 'dist'),
    () => {},
  );
}

export interface TestServer {
  server: RunningServer;
  /** Stops the server and deletes its data dir. */
  stop(): Promise<void>;
}

/** Starts a server on a data dir of its own, deleted when it stops. */
export async function startTestServer(
  name: string,
  options: Partial<StartOptions> = {},
): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), `trailview-${name}-`));
  const server = await startLocalServer(root, options);
  return {
    server,
    async stop() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function localClients(server: RunningServer) {
  const config = {
    region: 'us-east-1',
    endpoint: `${server.url}/aws`,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  };
  return { ct: new CloudTrailClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
}

/** A bucket with CloudTrail's policy and a logging trail with log file validation that delivers to it. */
export async function startValidatedTrail(
  { ct, s3 }: ReturnType<typeof localClients>,
  bucket: string,
  name: string,
): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const policy = cloudTrailBucketPolicy({ bucket, accountId: LOCAL_ACCOUNT });
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
  await ct.send(new CreateTrailCommand({ Name: name, S3BucketName: bucket, EnableLogFileValidation: true }));
  await ct.send(new StartLoggingCommand({ Name: name }));
}
