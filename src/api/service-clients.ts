// SDK clients for the services the console uses besides CloudTrail: S3, KMS, SNS, CloudWatch Logs and IAM
// (the Create trail flow) and STS (who the console is). Bound to the same `/aws` endpoint and console credentials as the CloudTrail client
// (clients.ts); the server routes each request by its SigV4 service name (docs/architecture.md).
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { awsEndpoint, CONSOLE_CREDENTIALS } from './clients';

const config = (region: string) => ({
  region,
  endpoint: awsEndpoint(),
  credentials: CONSOLE_CREDENTIALS,
  // React Query owns retries (it retries only throttling, with backoff).
  maxAttempts: 1,
});

function cached<T>(create: (region: string) => T): (region: string) => T {
  const clients = new Map<string, T>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = create(region);
      clients.set(region, client);
    }
    return client;
  };
}

/** Path-style (`/aws/<bucket>`): virtual-hosted style would put the bucket in the host name. */
export const s3Client = cached((region) => new S3Client({ ...config(region), forcePathStyle: true }));
export const kmsClient = cached((region) => new KMSClient(config(region)));
export const snsClient = cached((region) => new SNSClient(config(region)));
export const logsClient = cached((region) => new CloudWatchLogsClient(config(region)));
export const stsClient = cached((region) => new STSClient(config(region)));

/** IAM is global: its SigV4 scope is always us-east-1. */
const iamClients = cached((region) => new IAMClient(config(region)));
export const iamClient = () => iamClients('us-east-1');
