// The policy checks behind InsufficientS3BucketPolicyException and friends, against the policies the
// user guide publishes and some that fall short.
import { describe, expect, it } from 'vitest';
import {
  bucketPolicyAllowsCloudTrail,
  cloudTrailAssumeRolePolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  cloudTrailLogsRolePolicy,
  cloudTrailTopicPolicy,
  keyPolicyAllowsCloudTrail,
  roleAllowsCloudTrailLogs,
  topicPolicyAllowsCloudTrail,
  withCloudTrailWriteAccess,
} from './cloudtrail-policies';
import { parsePolicy, policyAllows } from './policy-document';

const ACCOUNT = '111122223333';
const json = (value: unknown) => JSON.stringify(value);

describe('bucket policies', () => {
  const policy = json(cloudTrailBucketPolicy({ bucket: 'logs', accountId: ACCOUNT }));

  it('allows CloudTrail to write under AWSLogs/<account>/ and nowhere else', () => {
    expect(bucketPolicyAllowsCloudTrail(policy, 'logs', undefined, ACCOUNT)).toBe(true);
    expect(bucketPolicyAllowsCloudTrail(policy, 'logs', 'prefix', ACCOUNT)).toBe(false);
    expect(bucketPolicyAllowsCloudTrail(policy, 'logs', undefined, '444455556666')).toBe(false);
    const prefixed = json(cloudTrailBucketPolicy({ bucket: 'logs', prefix: 'org/a', accountId: ACCOUNT }));
    expect(bucketPolicyAllowsCloudTrail(prefixed, 'logs', 'org/a', ACCOUNT)).toBe(true);
    expect(bucketPolicyAllowsCloudTrail(undefined, 'logs', undefined, ACCOUNT)).toBe(false);
  });

  it('honours wildcards and explicit denies', () => {
    const wide = json({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::logs/*' }],
    });
    expect(bucketPolicyAllowsCloudTrail(wide, 'logs', undefined, ACCOUNT)).toBe(true);
    const denied = json({
      Statement: [
        ...cloudTrailBucketPolicy({ bucket: 'logs', accountId: ACCOUNT }).Statement,
        {
          Effect: 'Deny',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:Put*',
          Resource: 'arn:aws:s3:::logs/AWSLogs/*',
        },
      ],
    });
    expect(bucketPolicyAllowsCloudTrail(denied, 'logs', undefined, ACCOUNT)).toBe(false);
  });
});

describe('adding CloudTrail write access for a new prefix', () => {
  const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
  const allows = (doc: object, prefix?: string) =>
    bucketPolicyAllowsCloudTrail(json(doc), 'logs', prefix, ACCOUNT);
  const other = {
    Sid: 'Readers',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::logs/*',
  };

  it("adds the location to the console's Write statement of the same trail, keeping the rest", () => {
    const before = cloudTrailBucketPolicy({ bucket: 'logs', prefix: 'old', accountId: ACCOUNT, trailArn });
    const text = json({ ...before, Statement: [...before.Statement, other] });
    const after = withCloudTrailWriteAccess(text, {
      bucket: 'logs',
      prefix: 'new',
      accountId: ACCOUNT,
      trailArn,
    });
    expect(allows(after, 'new')).toBe(true);
    expect(allows(after, 'old')).toBe(true);
    expect(after.Statement).toHaveLength(3);
    expect(after.Statement[1]!.Resource).toEqual([
      `arn:aws:s3:::logs/old/AWSLogs/${ACCOUNT}/*`,
      `arn:aws:s3:::logs/new/AWSLogs/${ACCOUNT}/*`,
    ]);
    expect(after.Statement[2]).toEqual(other);
    // Once is enough.
    expect(
      withCloudTrailWriteAccess(json(after), { bucket: 'logs', prefix: 'new', accountId: ACCOUNT, trailArn }),
    ).toEqual(after);
  });

  it('adds a Write statement of its own beside one conditioned on another trail, and starts a missing policy', () => {
    const before = cloudTrailBucketPolicy({ bucket: 'logs', accountId: ACCOUNT, trailArn: `${trailArn}-2` });
    const after = withCloudTrailWriteAccess(json(before), {
      bucket: 'logs',
      prefix: 'new',
      accountId: ACCOUNT,
      trailArn,
    });
    expect(after.Statement.map((s) => s.Sid)).toEqual([
      'AWSCloudTrailAclCheck20150319',
      'AWSCloudTrailWrite20150319',
      'AWSCloudTrailWrite201503192',
    ]);
    expect(allows(after, 'new')).toBe(true);
    const fresh = withCloudTrailWriteAccess(undefined, { bucket: 'logs', accountId: ACCOUNT });
    expect(fresh).toEqual(cloudTrailBucketPolicy({ bucket: 'logs', accountId: ACCOUNT }));
    expect(
      withCloudTrailWriteAccess(json({ Statement: [other] }), { bucket: 'logs', accountId: ACCOUNT })
        .Statement,
    ).toHaveLength(3);
  });
});

describe('topic, key and role policies', () => {
  const topic = 'arn:aws:sns:us-east-1:111122223333:notices';

  it('accepts the published policies', () => {
    expect(topicPolicyAllowsCloudTrail(json(cloudTrailTopicPolicy(topic)), topic)).toBe(true);
    expect(
      keyPolicyAllowsCloudTrail(
        json(cloudTrailKeyPolicy(ACCOUNT)),
        'arn:aws:kms:us-east-1:111122223333:key/k',
      ),
    ).toBe(true);
    const group = 'arn:aws:logs:us-east-1:111122223333:log-group:trail:*';
    const rolePolicy = json(cloudTrailLogsRolePolicy(group, ACCOUNT, 'us-east-1'));
    expect(
      roleAllowsCloudTrailLogs(json(cloudTrailAssumeRolePolicy()), [rolePolicy], group, ACCOUNT, 'us-east-1'),
    ).toBe(true);
  });

  it('refuses policies that fall short', () => {
    const other = json(cloudTrailTopicPolicy('arn:aws:sns:us-east-1:111122223333:other'));
    expect(topicPolicyAllowsCloudTrail(other, topic)).toBe(false);
    const rootOnly = json({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    expect(keyPolicyAllowsCloudTrail(rootOnly, 'arn:aws:kms:us-east-1:111122223333:key/k')).toBe(false);
    const group = 'arn:aws:logs:us-east-1:111122223333:log-group:trail:*';
    const otherGroup = json(
      cloudTrailLogsRolePolicy('arn:aws:logs:us-east-1:111122223333:log-group:other:*', ACCOUNT, 'us-east-1'),
    );
    expect(
      roleAllowsCloudTrailLogs(json(cloudTrailAssumeRolePolicy()), [otherGroup], group, ACCOUNT, 'us-east-1'),
    ).toBe(false);
    const lambdaTrust = json({
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    const rolePolicy = json(cloudTrailLogsRolePolicy(group, ACCOUNT, 'us-east-1'));
    expect(roleAllowsCloudTrailLogs(lambdaTrust, [rolePolicy], group, ACCOUNT, 'us-east-1')).toBe(false);
  });

  it('parses a single Statement object and rejects documents that are not policies', () => {
    const single = parsePolicy('{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}');
    expect(single && policyAllows(single, { action: 'S3:GETOBJECT', resource: 'arn:aws:s3:::x/y' })).toBe(
      true,
    );
    expect(parsePolicy('[]')).toBeUndefined();
    expect(parsePolicy('{"Version":"2012-10-17"}')).toBeUndefined();
    expect(parsePolicy('not json')).toBeUndefined();
  });
});
