// @vitest-environment node
// Self-audit: every call the emulator serves is in Event history at once, written as AWS writes it.
import {
  CreateTrailCommand,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CloudTrailRecord, UserIdentity } from '@/domain/record';
import { T0, TEST_ACCOUNT } from '@/test/records';
import {
  cloudTrailClient,
  iamClient,
  kmsClient,
  s3Client,
  TEST_CREDENTIALS,
  useEmulatorServer,
} from '@/test/sdk';
import { createDestinations } from '@/test/trail-destinations';
import { createEmulator, type EmulatorHandler, type EmulatorOptions } from '../handler';
import { createAccountState } from '../state';
import { MemoryEventStore } from '../store/memory-event-store';
import { javaDate } from './audit-case';

let handle: EmulatorHandler;
let store: MemoryEventStore;
let changes: number;
function start(options: Partial<EmulatorOptions> = {}) {
  store = new MemoryEventStore();
  changes = 0;
  handle = createEmulator({
    store,
    state: createAccountState(TEST_ACCOUNT),
    clock: () => T0,
    onStateChange: () => changes++,
    ...options,
  });
}
beforeEach(() => start());
useEmulatorServer(() => handle);

async function find(eventName: string, input: LookupEventsCommandInput = {}, region = 'us-east-1') {
  const out = await cloudTrailClient(region).send(
    new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
      ...input,
    }),
  );
  return out.Events!.map((e) => ({ event: e, record: JSON.parse(e.CloudTrailEvent!) as CloudTrailRecord }));
}

describe('self-audit', () => {
  it('finds CreateTrail in Event history right after creating a trail, written as CloudTrail writes it', async () => {
    const { bucket } = await createDestinations('audit');
    const created = await cloudTrailClient().send(
      new CreateTrailCommand({
        Name: 'audited',
        S3BucketName: bucket,
        IsMultiRegionTrail: true,
        TagsList: [{ Key: 'team', Value: 'sec' }],
      }),
    );
    const [hit] = await find('CreateTrail');
    expect(hit!.event).toMatchObject({
      EventName: 'CreateTrail',
      EventSource: 'cloudtrail.amazonaws.com',
      ReadOnly: 'false',
      Username: 'console-admin',
      AccessKeyId: TEST_CREDENTIALS.accessKeyId,
      EventTime: new Date(T0),
      Resources: [
        { ResourceType: 'AWS::CloudTrail::Trail', ResourceName: 'audited' },
        { ResourceType: 'AWS::CloudTrail::Trail', ResourceName: created.TrailARN },
      ],
    });
    const record = hit!.record;
    expect(record).toMatchObject({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${TEST_ACCOUNT}:user/console-admin`,
        accountId: TEST_ACCOUNT,
        accessKeyId: TEST_CREDENTIALS.accessKeyId,
        userName: 'console-admin',
      },
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'CreateTrail',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: {
        name: 'audited',
        s3BucketName: bucket,
        isMultiRegionTrail: true,
        tagsList: [{ key: 'team', value: 'sec' }],
      },
      responseElements: {
        name: 'audited',
        s3BucketName: bucket,
        trailARN: created.TrailARN,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
      },
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: TEST_ACCOUNT,
      eventCategory: 'Management',
    });
    expect(record.userAgent).toMatch(/aws-sdk-js/);
    expect(record.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).not.toHaveProperty('errorCode');
    expect(record).not.toHaveProperty('tlsDetails');
  });

  it('records a failed call with errorCode and errorMessage and no responseElements', async () => {
    await expect(
      cloudTrailClient().send(new CreateTrailCommand({ Name: 'a--b', S3BucketName: 'x-bucket' })),
    ).rejects.toThrow();
    const [hit] = await find('CreateTrail');
    expect(hit!.record).toMatchObject({
      errorCode: 'InvalidTrailNameException',
      errorMessage: expect.stringContaining('adjacent'),
      requestParameters: { name: 'a--b', s3BucketName: 'x-bucket' },
      responseElements: null,
    });
    expect(changes).toBe(0);
  });

  it('records the other services with their event source, Region, resources and error codes', async () => {
    const key = await kmsClient('eu-west-1').send(new CreateKeyCommand({ Description: 'logs' }));
    const [kms] = await find('CreateKey', {}, 'eu-west-1');
    expect(kms!.record).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      awsRegion: 'eu-west-1',
      requestParameters: { description: 'logs' },
      responseElements: {
        keyMetadata: {
          aWSAccountId: TEST_ACCOUNT,
          keyId: key.KeyMetadata!.KeyId,
          creationDate: javaDate(T0),
        },
      },
      resources: [{ accountId: TEST_ACCOUNT, type: 'AWS::KMS::Key', ARN: key.KeyMetadata!.Arn }],
    });
    await expect(s3Client().send(new HeadBucketCommand({ Bucket: 'nowhere' }))).rejects.toThrow();
    const [s3] = await find('HeadBucket');
    expect(s3!.record).toMatchObject({
      eventSource: 's3.amazonaws.com',
      readOnly: true,
      errorCode: 'NoSuchBucket',
      requestParameters: { bucketName: 'nowhere', Host: 'emulator.test' },
      resources: [{ type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::nowhere' }],
    });
    await expect(
      iamClient().send(
        new PutRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'p', PolicyDocument: '{"Statement":[]}' }),
      ),
    ).rejects.toThrow();
    const [iam] = await find('PutRolePolicy');
    expect(iam!.record).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      errorCode: 'MalformedPolicyDocumentException',
      requestParameters: { roleName: 'ghost', policyName: 'p' },
    });
  });

  it('records LookupEvents itself as a read-only event and does not count reads as state changes', async () => {
    await find('Nothing');
    const [hit] = await find('LookupEvents');
    expect(hit!.record).toMatchObject({
      readOnly: true,
      responseElements: null,
      requestParameters: { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'Nothing' }] },
    });
    expect(changes).toBe(0);
  });

  it('uses the configured identity and the source IP the host passes', async () => {
    const identity: UserIdentity = {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:trainer',
      arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/Demo/trainer`,
      accountId: TEST_ACCOUNT,
    };
    start({ identity });
    const request = new Request('http://emulator.test/aws', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListTrails',
        'user-agent': 'aws-cli/2.17.28 md/command#cloudtrail.list-trails',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDCLI/20261120/us-east-1/cloudtrail/aws4_request, Signature=x',
      },
      body: '{}',
    });
    expect((await handle(request, { sourceIp: '198.51.100.7' })).status).toBe(200);
    const [hit] = await find('ListTrails');
    expect(hit!.record).toMatchObject({
      userIdentity: identity,
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2.17.28 md/command#cloudtrail.list-trails',
      readOnly: true,
    });
    expect(hit!.event.Username).toBe('trainer');
  });

  it('records nothing when auditing is off', async () => {
    start({ audit: false });
    await cloudTrailClient().send(new LookupEventsCommand({}));
    expect(await store.count()).toBe(0);
  });
});
