// How CloudTrail writes S3 bucket-level calls: requestParameters carry `bucketName` and the `Host` the
// request went to (plus `bucketPolicy` for PutBucketPolicy, `CreateBucketConfiguration` for CreateBucket);
// responseElements are null; the bucket is listed in resources (reference event-history-insights.md §9.3).
import type { JsonObject } from '@/domain/record';
import { xmlElementText } from '../../protocol/xml';
import { S3_NAMESPACE } from '../../protocol/rest-xml';
import type { AccountState } from '../../state';
import type { AuditMapper } from '../service';

const SUBRESOURCE_PARAMETER: Record<string, JsonObject> = {
  PutBucketPolicy: { policy: '' },
  GetBucketPolicy: { policy: '' },
  GetBucketLocation: { location: '' },
};

export function s3Audit(state: AccountState): AuditMapper {
  return {
    requestParameters(operation, input, context) {
      const bucket = typeof input.Bucket === 'string' ? input.Bucket : undefined;
      const params: JsonObject = {};
      if (operation === 'PutBucketPolicy' && typeof input.Body === 'string') {
        try {
          params.bucketPolicy = JSON.parse(input.Body) as JsonObject;
        } catch {
          params.bucketPolicy = input.Body;
        }
      }
      if (operation === 'CreateBucket' && typeof input.Body === 'string' && input.Body.trim() !== '') {
        const constraint = xmlElementText(input.Body, 'LocationConstraint');
        params.CreateBucketConfiguration = {
          ...(constraint && { LocationConstraint: constraint }),
          xmlns: S3_NAMESPACE,
        };
      }
      if (bucket !== undefined) params.bucketName = bucket;
      params.Host = context.host;
      return { ...params, ...SUBRESOURCE_PARAMETER[operation] };
    },
    responseElements: () => null,
    resources(_operation, input, _output, context) {
      if (typeof input.Bucket !== 'string') return undefined;
      return [{ accountId: context.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${input.Bucket}` }];
    },
    // S3 records an event in the bucket's Region.
    region: (_operation, input, context) =>
      (typeof input.Bucket === 'string' && state.buckets.get(input.Bucket)?.region) || context.region,
  };
}
