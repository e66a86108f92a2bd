// The policies CloudTrail needs on the resources a trail delivers to, as the user guide writes them, and
// the checks behind InsufficientS3BucketPolicyException, InsufficientSnsTopicPolicyException,
// InsufficientEncryptionPolicyException and InvalidCloudWatchLogsRoleArnException. The Create trail form
// applies the builders when it creates a resource ("CloudTrail creates and applies the required bucket
// policies", docs/cloudtrail-facts.md#create-trail-and-trail-details); the emulator applies the checks.
import { parsePolicy, policyAllows, type PolicyDocument, type PolicyStatement } from './policy-document';

export const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

function logsKeyPrefix(prefix: string | undefined, accountId: string): string {
  return `${prefix ? `${prefix}/` : ''}AWSLogs/${accountId}`;
}

/** create-s3-bucket-policy-for-cloudtrail.html: AWSCloudTrailAclCheck20150319 + AWSCloudTrailWrite20150319. */
export function cloudTrailBucketPolicy(options: {
  bucket: string;
  prefix?: string;
  accountId: string;
  /** Recommended aws:SourceArn condition. */
  trailArn?: string;
}): PolicyDocument {
  const condition = options.trailArn ? { StringEquals: { 'aws:SourceArn': options.trailArn } } : undefined;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailAclCheck20150319',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${options.bucket}`,
        ...(condition && { Condition: condition }),
      },
      {
        Sid: 'AWSCloudTrailWrite20150319',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${options.bucket}/${logsKeyPrefix(options.prefix, options.accountId)}/*`,
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            ...(options.trailArn && { 'aws:SourceArn': options.trailArn }),
          },
        },
      },
    ],
  };
}

/** Whether CloudTrail may write log files under `[prefix/]AWSLogs/<account>/` of the bucket. */
export function bucketPolicyAllowsCloudTrail(
  policyText: string | undefined,
  bucket: string,
  prefix: string | undefined,
  accountId: string,
): boolean {
  const policy = policyText ? parsePolicy(policyText) : undefined;
  if (!policy) return false;
  return policyAllows(policy, {
    principalService: CLOUDTRAIL_PRINCIPAL,
    action: 's3:PutObject',
    resource: `arn:aws:s3:::${bucket}/${logsKeyPrefix(prefix, accountId)}/CloudTrail/log.json.gz`,
  });
}

/**
 * s3-bucket-policy-lake-query-results.html: AWSCloudTrailLake1 (write) + AWSCloudTrailLake2 (ACL check),
 * for query results of the account's event data stores in `region`.
 */
export function lakeQueryResultsBucketPolicy(options: {
  bucket: string;
  accountId: string;
  region: string;
}): PolicyDocument {
  const condition = {
    StringLike: {
      'aws:sourceAccount': options.accountId,
      'aws:sourceArn': `arn:aws:cloudtrail:${options.region}:${options.accountId}:eventdatastore/*`,
    },
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailLake1',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: ['s3:PutObject*', 's3:Abort*'],
        Resource: [`arn:aws:s3:::${options.bucket}`, `arn:aws:s3:::${options.bucket}/*`],
        Condition: condition,
      },
      {
        Sid: 'AWSCloudTrailLake2',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${options.bucket}`,
        Condition: condition,
      },
    ],
  };
}

/** Whether CloudTrail may write a Lake query's results under `[prefix/]AWSLogs/<account>/CloudTrail-Lake/`. */
export function bucketPolicyAllowsLakeQueryResults(
  policyText: string | undefined,
  bucket: string,
  prefix: string | undefined,
  accountId: string,
): boolean {
  const policy = policyText ? parsePolicy(policyText) : undefined;
  if (!policy) return false;
  return policyAllows(policy, {
    principalService: CLOUDTRAIL_PRINCIPAL,
    action: 's3:PutObject',
    resource: `arn:aws:s3:::${bucket}/${logsKeyPrefix(prefix, accountId)}/CloudTrail-Lake/Query/result_sign.json`,
  });
}

/**
 * The bucket's policy with CloudTrail's statements for one more location: the policy as it is, the
 * AclCheck statement when it has none, and the trail's `[prefix/]AWSLogs/<account>/*` added to the Write
 * statement (the console's own Sid, same conditions) or, when that statement is absent or conditioned
 * differently, as a Write statement of its own. What the console does for a bucket it created when the
 * trail's prefix changes.
 */
export function withCloudTrailWriteAccess(
  policyText: string | undefined,
  options: { bucket: string; prefix?: string; accountId: string; trailArn?: string },
): PolicyDocument {
  const current = (policyText && parsePolicy(policyText)) || { Version: '2012-10-17', Statement: [] };
  const [aclCheck, write] = cloudTrailBucketPolicy(options).Statement as [PolicyStatement, PolicyStatement];
  const statements = [...current.Statement];
  const sids = new Set(statements.map((s) => s.Sid));
  if (!sids.has(aclCheck.Sid)) statements.push(aclCheck);
  const same = statements.findIndex(
    (s) => s.Sid === write.Sid && JSON.stringify(s.Condition) === JSON.stringify(write.Condition),
  );
  const existing = statements[same];
  if (existing) {
    const resources = typeof existing.Resource === 'string' ? [existing.Resource] : (existing.Resource ?? []);
    if (!resources.includes(write.Resource as string))
      statements[same] = { ...existing, Resource: [...resources, write.Resource as string] };
  } else {
    let sid = write.Sid!;
    for (let n = 2; sids.has(sid); n++) sid = `${write.Sid}${n}`;
    statements.push({ ...write, Sid: sid });
  }
  return { ...current, Statement: statements };
}

/** configure-sns-notifications-for-cloudtrail.html: "AWSCloudTrailSNSPolicy". */
export function cloudTrailTopicPolicy(topicArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailSNSPolicy20131101',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 'SNS:Publish',
        Resource: topicArn,
      },
    ],
  };
}

export function topicPolicyAllowsCloudTrail(policyText: string, topicArn: string): boolean {
  const policy = parsePolicy(policyText);
  return (
    !!policy &&
    policyAllows(policy, {
      principalService: CLOUDTRAIL_PRINCIPAL,
      action: 'sns:Publish',
      resource: topicArn,
    })
  );
}

/** create-kms-key-policy-for-cloudtrail.html: the account keeps control; CloudTrail may encrypt. */
export function cloudTrailKeyPolicy(accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'Allow CloudTrail to encrypt logs',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
      },
      {
        Sid: 'Allow CloudTrail to describe key',
        Effect: 'Allow',
        Principal: { Service: CLOUDTRAIL_PRINCIPAL },
        Action: 'kms:DescribeKey',
        Resource: '*',
      },
    ],
  };
}

export function keyPolicyAllowsCloudTrail(policyText: string, keyArn: string): boolean {
  const policy = parsePolicy(policyText);
  return (
    !!policy &&
    policyAllows(policy, {
      principalService: CLOUDTRAIL_PRINCIPAL,
      action: 'kms:GenerateDataKey',
      resource: keyArn,
    })
  );
}

/** The trust policy of the role CloudTrail assumes to deliver to CloudWatch Logs. */
export function cloudTrailAssumeRolePolicy(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: CLOUDTRAIL_PRINCIPAL }, Action: 'sts:AssumeRole' }],
  };
}

/** Log stream CloudTrail writes: `{account_ID}_CloudTrail_{trail_region}` (docs/cloudtrail-facts.md#create-trail-and-trail-details log group). */
export function cloudTrailLogStreamArn(logGroupArn: string, accountId: string, region: string): string {
  return `${logGroupArn.replace(/:\*$/, '')}:log-stream:${accountId}_CloudTrail_${region}`;
}

/** cloudtrail-required-policy-for-cloudwatch-logs.html: CreateLogStream and PutLogEvents on the streams. */
export function cloudTrailLogsRolePolicy(
  logGroupArn: string,
  accountId: string,
  region: string,
): PolicyDocument {
  const resource = `${cloudTrailLogStreamArn(logGroupArn, accountId, region)}*`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailCreateLogStream2014110',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream'],
        Resource: [resource],
      },
      {
        Sid: 'AWSCloudTrailPutLogEvents20141101',
        Effect: 'Allow',
        Action: ['logs:PutLogEvents'],
        Resource: [resource],
      },
    ],
  };
}

/** CloudTrail can assume the role, and the role's inline policies let it write the trail's log stream. */
export function roleAllowsCloudTrailLogs(
  trustPolicyText: string,
  inlinePolicyTexts: readonly string[],
  logGroupArn: string,
  accountId: string,
  region: string,
): boolean {
  const trust = parsePolicy(trustPolicyText);
  if (
    !trust ||
    !policyAllows(trust, { principalService: CLOUDTRAIL_PRINCIPAL, action: 'sts:AssumeRole', resource: '' })
  ) {
    return false;
  }
  const stream = cloudTrailLogStreamArn(logGroupArn, accountId, region);
  // All inline policies together: an explicit Deny in any of them wins.
  const combined: PolicyDocument = {
    Statement: inlinePolicyTexts.flatMap((text) => parsePolicy(text)?.Statement ?? []),
  };
  const allowed = (action: string) => policyAllows(combined, { action, resource: stream });
  return allowed('logs:CreateLogStream') && allowed('logs:PutLogEvents');
}
