// The local server (`npm start`'s startServer) on a temporary data dir, an empty account and a free port,
// with SDK clients for it: for tests that need the real HTTP server, e.g. to run the AWS CLI against it.
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import type { StartOptions } from '@/server/cli-options';
import { startServer, type RunningServer } from '@/server/main';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The account of an empty data dir. */
export const LOCAL_ACCOUNT = '123456789012';

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

export function localClients(server: RunningServer) {
  const config = {
    region: 'us-east-1',
    endpoint: `${server.url}/aws`,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  };
  return { ct: new CloudTrailClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
}
