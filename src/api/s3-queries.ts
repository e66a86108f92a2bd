// S3 as the Create trail flow needs it: the bucket list behind Browse, and a new bucket with the policy
// CloudTrail needs (the policy document itself comes from src/domain/cloudtrail-policies.ts).
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  ListBucketsCommand,
  PutBucketPolicyCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { queryOptions } from '@tanstack/react-query';
import { call, toAwsError } from './aws-error';
import { s3Client } from './service-clients';

export interface BucketSummary {
  name: string;
  creationDate?: string;
  region?: string;
}

export const s3Queries = {
  all: () => ['s3'] as const,
  buckets: (region: string) =>
    queryOptions({
      queryKey: [...s3Queries.all(), 'buckets', { region }] as const,
      queryFn: async ({ signal }): Promise<BucketSummary[]> => {
        const output = await call(() =>
          s3Client(region).send(new ListBucketsCommand({}), { abortSignal: signal }),
        );
        return (output.Buckets ?? []).flatMap((bucket) =>
          bucket.Name
            ? [
                {
                  name: bucket.Name,
                  ...(bucket.CreationDate && { creationDate: bucket.CreationDate.toISOString() }),
                  ...(bucket.BucketRegion && { region: bucket.BucketRegion }),
                },
              ]
            : [],
        );
      },
    }),
};

/** CreateBucket in the Region (us-east-1 takes no LocationConstraint). */
export async function createBucket(region: string, bucket: string): Promise<void> {
  await call(() =>
    s3Client(region).send(
      new CreateBucketCommand({
        Bucket: bucket,
        ...(region !== 'us-east-1' && {
          CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
        }),
      }),
    ),
  );
}

export async function putBucketPolicy(region: string, bucket: string, policy: object): Promise<void> {
  await call(() =>
    s3Client(region).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) })),
  );
}

/** The bucket's policy text; undefined when it has none (NoSuchBucketPolicy). */
export async function getBucketPolicy(region: string, bucket: string): Promise<string | undefined> {
  try {
    return (await call(() => s3Client(region).send(new GetBucketPolicyCommand({ Bucket: bucket })))).Policy;
  } catch (error) {
    if (toAwsError(error).name === 'NoSuchBucketPolicy') return undefined;
    throw error;
  }
}
