// AWS SDK clients that talk to an in-process emulator through the MSW node server.
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { EmulatorHandler } from '@/emulator/handler';
import { createTestServer } from '@/mocks/node';

export const TEST_ENDPOINT = 'http://emulator.test/aws';
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test-secret' };

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Starts an MSW node server answering TEST_ENDPOINT with the handler for the current test file. */
export function useEmulatorServer(handle: () => EmulatorHandler) {
  let server: ReturnType<typeof createTestServer> | undefined;
  beforeAll(() => {
    server = createTestServer((request, meta) => handle()(request, meta));
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => server?.resetHandlers());
  afterAll(() => server?.close());
}

export function cloudTrailClient(region = 'us-east-1') {
  return new CloudTrailClient({
    region,
    endpoint: TEST_ENDPOINT,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

const clientConfig = (region: string) => ({
  region,
  endpoint: TEST_ENDPOINT,
  credentials: TEST_CREDENTIALS,
  maxAttempts: 1,
});

/** Path-style, as the console sends it: `PUT /aws/<bucket>`. */
export function s3Client(region = 'us-east-1') {
  return new S3Client({ ...clientConfig(region), forcePathStyle: true });
}

export function kmsClient(region = 'us-east-1') {
  return new KMSClient(clientConfig(region));
}

export function snsClient(region = 'us-east-1') {
  return new SNSClient(clientConfig(region));
}

export function logsClient(region = 'us-east-1') {
  return new CloudWatchLogsClient(clientConfig(region));
}

/** IAM is global: its SigV4 scope is always us-east-1. */
export function iamClient() {
  return new IAMClient(clientConfig('us-east-1'));
}
