import { describe, expect, it } from 'vitest';
import { resourceConsoleUrl } from './resource-console-url';

const ACCOUNT = '123456789012';
const R = 'eu-west-1';
const EC2 = `https://${R}.console.aws.amazon.com/ec2/home?region=${R}`;

describe('resourceConsoleUrl', () => {
  it.each([
    ['AWS::S3::Bucket', 'my-bucket', 'https://console.aws.amazon.com/s3/buckets/my-bucket'],
    ['AWS::S3::Bucket', 'arn:aws:s3:::my-bucket', 'https://console.aws.amazon.com/s3/buckets/my-bucket'],
    [
      'AWS::S3::Object',
      'arn:aws:s3:::my-bucket/logs/a b.json',
      'https://console.aws.amazon.com/s3/object/my-bucket?prefix=logs%2Fa%20b.json',
    ],
    ['AWS::EC2::Instance', 'i-0abc123def4567890', `${EC2}#InstanceDetails:instanceId=i-0abc123def4567890`],
    [
      'AWS::EC2::Instance',
      `arn:aws:ec2:us-east-2:${ACCOUNT}:instance/i-0abc123def4567890`,
      'https://us-east-2.console.aws.amazon.com/ec2/home?region=us-east-2#InstanceDetails:instanceId=i-0abc123def4567890',
    ],
    ['AWS::EC2::SecurityGroup', 'sg-0123456789abcdef0', `${EC2}#SecurityGroup:groupId=sg-0123456789abcdef0`],
    [
      'AWS::EC2::VPC',
      'vpc-0123abcd',
      `https://${R}.console.aws.amazon.com/vpcconsole/home?region=${R}#VpcDetails:VpcId=vpc-0123abcd`,
    ],
    ['AWS::IAM::Role', 'Admin', 'https://console.aws.amazon.com/iam/home#/roles/Admin'],
    [
      'AWS::IAM::Role',
      `arn:aws:iam::${ACCOUNT}:role/service-role/lambda-exec`,
      'https://console.aws.amazon.com/iam/home#/roles/lambda-exec',
    ],
    [
      'AWS::IAM::User',
      `arn:aws:iam::${ACCOUNT}:user/alice@example.com`,
      'https://console.aws.amazon.com/iam/home#/users/alice%40example.com',
    ],
    ['AWS::IAM::Group', 'Developers', 'https://console.aws.amazon.com/iam/home#/groups/Developers'],
    [
      'AWS::IAM::Policy',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'https://console.aws.amazon.com/iam/home#/policies/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess',
    ],
    ['AWS::IAM::Policy', 'ReadOnlyAccess', undefined],
    [
      'AWS::KMS::Key',
      `arn:aws:kms:${R}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      `https://${R}.console.aws.amazon.com/kms/home?region=${R}#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab`,
    ],
    [
      'AWS::Lambda::Function',
      `arn:aws:lambda:${R}:${ACCOUNT}:function:my-fn:prod`,
      `https://${R}.console.aws.amazon.com/lambda/home?region=${R}#/functions/my-fn`,
    ],
    [
      'AWS::CloudTrail::Trail',
      `arn:aws:cloudtrail:${R}:${ACCOUNT}:trail/management`,
      `https://${R}.console.aws.amazon.com/cloudtrailv2/home?region=${R}#/trails/arn%3Aaws%3Acloudtrail%3A${R}%3A${ACCOUNT}%3Atrail%2Fmanagement`,
    ],
    ['AWS::CloudTrail::Trail', 'management', undefined],
    [
      'AWS::SNS::Topic',
      `arn:aws:sns:${R}:${ACCOUNT}:alerts`,
      `https://${R}.console.aws.amazon.com/sns/v3/home?region=${R}#/topic/arn%3Aaws%3Asns%3A${R}%3A${ACCOUNT}%3Aalerts`,
    ],
    [
      'AWS::Logs::LogGroup',
      `arn:aws:logs:${R}:${ACCOUNT}:log-group:/aws/lambda/my-fn:*`,
      `https://${R}.console.aws.amazon.com/cloudwatch/home?region=${R}#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fmy-fn`,
    ],
    [
      'AWS::SecretsManager::Secret',
      `arn:aws:secretsmanager:${R}:${ACCOUNT}:secret:prod/db-AbC123`,
      `https://${R}.console.aws.amazon.com/secretsmanager/secret?name=prod%2Fdb&region=${R}`,
    ],
    [
      'AWS::DynamoDB::Table',
      'Orders',
      `https://${R}.console.aws.amazon.com/dynamodbv2/home?region=${R}#table?name=Orders`,
    ],
    ['AWS::Config::ConfigRule', 'rule', undefined],
  ])('%s %s', (type, name, url) => {
    expect(resourceConsoleUrl(type, name, R)).toBe(url);
  });

  it.each([
    ['AWS::IAM::User', '<script>alert(1)</script>'],
    ['AWS::IAM::Role', '../../admin'],
    ['AWS::IAM::User', 'AIDAEXAMPLE00000001'],
    ['AWS::S3::Bucket', 'javascript:alert(1)'],
    ['AWS::S3::Bucket', '../evil'],
    ['AWS::EC2::Instance', 'i-0abc"><script>'],
    ['AWS::Lambda::Function', 'javascript:alert(1)'],
    ['AWS::DynamoDB::Table', '<img src=x>'],
    ['AWS::Logs::LogGroup', '/a?b#c'],
    ['AWS::S3::Object', 'arn:aws:s3:::<b>/key'],
    ['AWS::IAM::User', `arn:aws-cn:iam::${ACCOUNT}:user/alice`],
  ])('gives no link for the name %s %s', (type, name) => {
    expect(resourceConsoleUrl(type, name, R)).toBeUndefined();
  });

  it('encodes what it keeps: an object key is data, never a path or a scheme', () => {
    const url = resourceConsoleUrl('AWS::S3::Object', 'my-bucket/../<script>javascript:x', R)!;
    expect(url).toBe(
      'https://console.aws.amazon.com/s3/object/my-bucket?prefix=..%2F%3Cscript%3Ejavascript%3Ax',
    );
    expect(new URL(url).host).toBe('console.aws.amazon.com');
  });

  it.each(['', 'EU-WEST-1', 'evil.com', 'us-east-1.evil.com/x', 'us-east-1#', 'cn-north-1', 'us-gov-west-1'])(
    'gives no regional link for the Region %j',
    (region) => {
      expect(resourceConsoleUrl('AWS::EC2::Instance', 'i-0abc123def4567890', region)).toBeUndefined();
      expect(
        resourceConsoleUrl('AWS::KMS::Key', 'mrk-1234567890abcdef1234567890abcdef', region),
      ).toBeUndefined();
    },
  );

  it('takes an ARN Region only when it is a Region name', () => {
    expect(
      resourceConsoleUrl(
        'AWS::KMS::Key',
        `arn:aws:kms:evil:${ACCOUNT}:key/mrk-1234567890abcdef1234567890abcdef`,
        R,
      ),
    ).toBeUndefined();
  });

  it('keeps global pages global whatever the Region', () => {
    expect(resourceConsoleUrl('AWS::IAM::Role', 'Admin', 'evil.com')).toBe(
      'https://console.aws.amazon.com/iam/home#/roles/Admin',
    );
  });
});
