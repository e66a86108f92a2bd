// When UpdateTrail answers InsufficientS3BucketPolicyException ("Incorrect S3 bucket policy"), the
// General details edit offers what the console does for buckets it created: update the bucket policy with
// CloudTrail's statements for the new location (src/domain/cloudtrail-policies.ts), keeping its other
// statements, then save again.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { getBucketPolicy, putBucketPolicy } from '@/api/s3-queries';
import { withCloudTrailWriteAccess } from '@/domain/cloudtrail-policies';

export interface PolicyTarget {
  region: string;
  bucket: string;
  prefix: string;
  accountId: string;
  trailArn: string;
}

/** The location the policy must open, as the user sees it: `bucket/[prefix/]AWSLogs/<account>/`. */
const location = (t: PolicyTarget) => `${t.bucket}/${t.prefix ? `${t.prefix}/` : ''}AWSLogs/${t.accountId}/`;

export function BucketPolicyOffer({
  target,
  onUpdated,
}: {
  target: PolicyTarget;
  onUpdated: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const update = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const current = await getBucketPolicy(target.region, target.bucket);
      const policy = withCloudTrailWriteAccess(current, {
        bucket: target.bucket,
        prefix: target.prefix || undefined,
        accountId: target.accountId,
        trailArn: target.trailArn,
      });
      await putBucketPolicy(target.region, target.bucket, policy);
    } catch (e) {
      const failure = toAwsError(e);
      setError(`${failure.name}: ${failure.message}`);
      setBusy(false);
      return;
    }
    await onUpdated();
    setBusy(false);
  };
  return (
    <Alert
      type="warning"
      header="Incorrect S3 bucket policy"
      action={
        <Button loading={busy} onClick={() => void update()}>
          Update bucket policy
        </Button>
      }
    >
      {`The policy of bucket ${target.bucket} does not allow CloudTrail to write log files to ${location(target)}. ` +
        "Update bucket policy adds CloudTrail's statements for this location to the policy, keeps its other " +
        'statements, and saves your changes again.'}
      {error && <div role="alert">{error}</div>}
    </Alert>
  );
}
