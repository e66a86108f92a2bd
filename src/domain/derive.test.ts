import { describe, expect, it } from 'vitest';
import { makeRecord, TEST_ACCOUNT } from '@/test/records';
import { deriveResources, deriveUsername } from './derive';
import type { JsonValue, UserIdentity } from './record';

describe('deriveUsername (docs/cloudtrail-facts.md#event-history-and-lookupevents)', () => {
  it.each<[string, UserIdentity, string | undefined]>([
    [
      'an IAM user: its user name',
      { type: 'IAMUser', userName: 'bob', arn: `arn:aws:iam::${TEST_ACCOUNT}:user/bob` },
      'bob',
    ],
    [
      'the root user: root',
      { type: 'Root', arn: `arn:aws:iam::${TEST_ACCOUNT}:root`, principalId: TEST_ACCOUNT },
      'root',
    ],
    [
      'a failed sign-in with an unknown user name',
      {
        type: 'IAMUser',
        principalId: '',
        accountId: TEST_ACCOUNT,
        accessKeyId: '',
        userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      },
      'HIDDEN_DUE_TO_SECURITY_REASONS',
    ],
    [
      'an assumed role: the role session name',
      {
        type: 'AssumedRole',
        principalId: 'AROAEXAMPLEROLEID0001:i-0d15bf185eb766168',
        arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/ec2-app/i-0d15bf185eb766168`,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: 'AROAEXAMPLEROLEID0001',
            arn: `arn:aws:iam::${TEST_ACCOUNT}:role/ec2-app`,
            accountId: TEST_ACCOUNT,
            userName: 'ec2-app',
          },
        },
      },
      'i-0d15bf185eb766168',
    ],
    [
      'an assumed role without an ARN: the principal ID suffix',
      { type: 'AssumedRole', principalId: 'AROAEXAMPLEROLEID0001:my-session-name' },
      'my-session-name',
    ],
    [
      'a federated user: its name',
      {
        type: 'FederatedUser',
        arn: `arn:aws:sts::${TEST_ACCOUNT}:federated-user/dana`,
        principalId: `${TEST_ACCOUNT}:dana`,
      },
      'dana',
    ],
    ['an AWS service: empty', { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }, undefined],
    [
      'another account: empty',
      { type: 'AWSAccount', principalId: 'AIDAEXAMPLE', accountId: '444455556666' },
      undefined,
    ],
  ])('%s', (_label, userIdentity, expected) => {
    expect(deriveUsername(makeRecord({ userIdentity }))).toBe(expected);
  });
});

describe('deriveResources (docs/cloudtrail-facts.md#event-history-and-lookupevents)', () => {
  it('references the user an IAM CreateUser made, although its record has no resources', () => {
    const record = makeRecord({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      requestParameters: { userName: 'carol' },
      responseElements: {
        user: {
          path: '/',
          userName: 'carol',
          userId: 'AIDAEXAMPLECAROL00001',
          arn: `arn:aws:iam::${TEST_ACCOUNT}:user/carol`,
          createDate: 'Nov 20, 2026 12:00:00 PM',
        },
      },
    });
    expect(record.resources).toBeUndefined();
    expect(deriveResources(record)).toEqual([
      { ResourceType: 'AWS::IAM::User', ResourceName: 'carol' },
      { ResourceType: 'AWS::IAM::User', ResourceName: `arn:aws:iam::${TEST_ACCOUNT}:user/carol` },
      { ResourceType: 'AWS::IAM::User', ResourceName: 'AIDAEXAMPLECAROL00001' },
    ]);
  });

  it('references the policy and the group of AttachGroupPolicy', () => {
    const record = makeRecord({
      eventSource: 'iam.amazonaws.com',
      eventName: 'AttachGroupPolicy',
      requestParameters: {
        groupName: 'CloudTrailAdmins',
        policyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      },
    });
    expect(deriveResources(record)).toEqual([
      { ResourceType: 'AWS::IAM::Group', ResourceName: 'CloudTrailAdmins' },
      { ResourceType: 'AWS::IAM::Policy', ResourceName: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' },
    ]);
  });

  it('references what RunInstances launched: instance, VPC, subnet, AMI, ENI, security group, profile', () => {
    const record = makeRecord({
      requestParameters: { instancesSet: { items: [{ imageId: 'ami-0abc', minCount: 1, maxCount: 1 }] } },
      responseElements: {
        instancesSet: {
          items: [
            {
              instanceId: 'i-0123456789abcdef0',
              imageId: 'ami-0abc',
              vpcId: 'vpc-0aaa',
              subnetId: 'subnet-0bbb',
              iamInstanceProfile: {
                arn: `arn:aws:iam::${TEST_ACCOUNT}:instance-profile/app`,
                id: 'AIPAEXAMPLE',
              },
              networkInterfaceSet: { items: [{ networkInterfaceId: 'eni-0ccc' }] },
              groupSet: { items: [{ groupId: 'sg-0ddd', groupName: 'web' }] },
            },
          ],
        },
      },
    });
    expect(deriveResources(record)).toEqual(
      expect.arrayContaining([
        { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-0123456789abcdef0' },
        { ResourceType: 'AWS::EC2::VPC', ResourceName: 'vpc-0aaa' },
        { ResourceType: 'AWS::EC2::Subnet', ResourceName: 'subnet-0bbb' },
        { ResourceType: 'AWS::EC2::Ami', ResourceName: 'ami-0abc' },
        {
          ResourceType: 'AWS::IAM::InstanceProfile',
          ResourceName: `arn:aws:iam::${TEST_ACCOUNT}:instance-profile/app`,
        },
        { ResourceType: 'AWS::EC2::NetworkInterface', ResourceName: 'eni-0ccc' },
        { ResourceType: 'AWS::EC2::SecurityGroup', ResourceName: 'sg-0ddd' },
      ]),
    );
  });

  it('types the resources EC2 CreateTags names by their ID prefix', () => {
    const record = makeRecord({
      eventName: 'CreateTags',
      requestParameters: { resourcesSet: { items: [{ resourceId: 'vol-0eee' }, { resourceId: 'i-0fff' }] } },
    });
    expect(deriveResources(record)).toEqual([
      { ResourceType: 'AWS::EC2::Volume', ResourceName: 'vol-0eee' },
      { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-0fff' },
    ]);
  });

  it("adds the record's own resources and lists each resource once, named or by ARN", () => {
    const record = makeRecord({
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketPolicy',
      requestParameters: { bucketName: 'logs' },
      resources: [
        { ARN: 'arn:aws:s3:::logs', type: 'AWS::S3::Bucket', accountId: TEST_ACCOUNT },
        { ARN: 'arn:aws:s3:::logs', type: 'AWS::S3::Bucket', accountId: TEST_ACCOUNT },
      ],
    });
    expect(deriveResources(record)).toEqual([{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'logs' }]);
    // An object of the bucket is another resource.
    const getObject = makeRecord({
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      requestParameters: { bucketName: 'logs', key: 'a/b.txt' },
      resources: [
        { ARN: 'arn:aws:s3:::logs/a/b.txt', type: 'AWS::S3::Object' },
        { ARN: 'arn:aws:s3:::logs', type: 'AWS::S3::Bucket', accountId: TEST_ACCOUNT },
      ],
    });
    expect(deriveResources(getObject)).toEqual([
      { ResourceType: 'AWS::S3::Bucket', ResourceName: 'logs' },
      { ResourceType: 'AWS::S3::Object', ResourceName: 'arn:aws:s3:::logs/a/b.txt' },
    ]);
  });

  it('references nothing for a call that names no resource', () => {
    expect(
      deriveResources(
        makeRecord({
          eventSource: 'sts.amazonaws.com',
          eventName: 'GetCallerIdentity',
          requestParameters: null,
        }),
      ),
    ).toEqual([]);
  });

  it("types CloudTrail's own resources by the operation and by the ARN's kind", () => {
    const storeArn = `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:eventdatastore/0123abcd-0000-4000-8000-000000000000`;
    const ct = (
      eventName: string,
      requestParameters: Record<string, JsonValue>,
      responseElements?: Record<string, JsonValue>,
    ) =>
      deriveResources(
        makeRecord({
          eventSource: 'cloudtrail.amazonaws.com',
          eventName,
          requestParameters,
          responseElements,
        }),
      );
    expect(ct('CreateEventDataStore', { name: 'audit' }, { eventDataStoreArn: storeArn })).toEqual([
      { ResourceType: 'AWS::CloudTrail::EventDataStore', ResourceName: 'audit' },
      { ResourceType: 'AWS::CloudTrail::EventDataStore', ResourceName: storeArn },
    ]);
    expect(ct('StartLogging', { name: 'main' })).toEqual([
      { ResourceType: 'AWS::CloudTrail::Trail', ResourceName: 'main' },
    ]);
    expect(ct('CreateDashboard', { name: 'ops' })).toEqual([
      { ResourceType: 'AWS::CloudTrail::Dashboard', ResourceName: 'ops' },
    ]);
    expect(ct('StopEventDataStoreIngestion', { eventDataStore: storeArn })).toEqual([
      { ResourceType: 'AWS::CloudTrail::EventDataStore', ResourceName: storeArn },
    ]);
    expect(ct('AddTags', { resourceId: storeArn, tagsList: [{ key: 'team' }] })).toEqual([
      { ResourceType: 'AWS::CloudTrail::EventDataStore', ResourceName: storeArn },
    ]);
  });

  it('gives no resources, and does not fail, for an event source named like an Object property', () => {
    for (const eventSource of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const record = makeRecord({
        eventSource,
        requestParameters: { name: 'x' },
        responseElements: { trailARN: 'y' },
      });
      expect(deriveResources(record)).toEqual([]);
    }
  });
});
