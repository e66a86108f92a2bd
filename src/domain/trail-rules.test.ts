// @vitest-environment node
// The naming rules of the Create trail form, table-driven: every case goes through each column — the
// domain function, the form schema and the emulator through the AWS SDK — and all columns must agree
// (docs/architecture.md: "every piece of CloudTrail knowledge lives once").
import { AddTagsCommand, CreateTrailCommand, DeleteTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTE_SECTIONS, trailFormSchema } from '@/features/trails/form/trail-form-schema';
import { defaultTrailFormValues, type TrailFormValues } from '@/features/trails/form/trail-form-values';
import { createTestEmulator } from '@/test/emulator';
import { TEST_ACCOUNT } from '@/test/records';
import {
  cloudTrailClient,
  iamClient,
  kmsClient,
  logsClient,
  s3Client,
  snsClient,
  useEmulatorServer,
} from '@/test/sdk';
import { createBucket } from '@/test/trail-destinations';
import { cloudTrailAssumeRolePolicy } from './cloudtrail-policies';
import { s3BucketNameError, s3PrefixError } from './s3-bucket-name';
import { trailNameError } from './trail-name';
import {
  iamRoleNameError,
  kmsAliasError,
  logGroupNameError,
  snsTopicNameError,
  tagKeyError,
  tagValueError,
  toAliasName,
} from './trail-rules';

type Rule =
  | 'trailName'
  | 'bucketName'
  | 'prefix'
  | 'kmsAlias'
  | 'snsTopic'
  | 'logGroup'
  | 'roleName'
  | 'tagKey'
  | 'tagValue';

/** [rule, value, valid] — boundaries and each way to break each rule. */
const NAMING_CASES: Array<[Rule, string, boolean]> = [
  ['trailName', 'management-events', true],
  ['trailName', 'My_Trail.2026', true],
  ['trailName', 'abc', true],
  ['trailName', 'a'.repeat(128), true],
  ['trailName', 'ab', false],
  ['trailName', 'a'.repeat(129), false],
  ['trailName', 'my trail', false],
  ['trailName', 'trail/name', false],
  ['trailName', '-trail', false],
  ['trailName', 'trail.', false],
  ['trailName', 'my--namespace', false],
  ['trailName', 'my-_namespace', false],
  ['trailName', '192.168.5.4', false],
  ['trailName', '192.168.5.4a', true],
  ['bucketName', 'aws-cloudtrail-logs-111122223333-0a1b2c3d', true],
  ['bucketName', 'a.b-c', true],
  ['bucketName', 'ab', false],
  ['bucketName', 'a'.repeat(64), false],
  ['bucketName', 'Upper-Case', false],
  ['bucketName', 'under_score', false],
  ['bucketName', '-start', false],
  ['bucketName', 'end-', false],
  ['bucketName', 'two..periods', false],
  ['bucketName', 'dash-.period', false],
  ['bucketName', '192.168.5.4', false],
  ['bucketName', 'xn--punycode', false],
  ['bucketName', 'ends-s3alias', false],
  ['prefix', 'org/prod', true],
  ['prefix', 'p'.repeat(200), true],
  ['prefix', 'p'.repeat(201), false],
  ['prefix', 'tab\there', false],
  ['kmsAlias', 'alias/CloudTrail_Logs-2026', true],
  ['kmsAlias', 'trail/logs', true],
  ['kmsAlias', 'a'.repeat(250), true],
  ['kmsAlias', 'a'.repeat(251), false],
  ['kmsAlias', 'alias/aws/cloudtrail', false],
  ['kmsAlias', 'has space', false],
  ['kmsAlias', 'colon:name', false],
  ['snsTopic', 'aws-cloudtrail-logs_1', true],
  ['snsTopic', 'a'.repeat(256), true],
  ['snsTopic', 'a'.repeat(257), false],
  ['snsTopic', 'dotted.name', false],
  ['snsTopic', 'space name', false],
  ['logGroup', 'aws-cloudtrail-logs-111122223333-0a1b2c3d', true],
  ['logGroup', '/trails/org#1.log', true],
  ['logGroup', 'a'.repeat(512), true],
  ['logGroup', 'a'.repeat(513), false],
  ['logGroup', 'space name', false],
  ['logGroup', 'aws/reserved', false],
  ['roleName', 'CloudTrailRoleForCloudWatchLogs_main', true],
  ['roleName', 'a+b=c,d.e@f-g', true],
  ['roleName', 'a'.repeat(64), true],
  ['roleName', 'a'.repeat(65), false],
  ['roleName', 'path/role', false],
  ['tagKey', 'team', true],
  ['tagKey', 'cost center:a/b=c+d-e@f', true],
  ['tagKey', 'k'.repeat(128), true],
  ['tagKey', 'k'.repeat(129), false],
  ['tagKey', 'aws:reserved', false],
  ['tagKey', 'semi;colon', false],
  ['tagValue', '', true],
  ['tagValue', 'v'.repeat(256), true],
  ['tagValue', 'v'.repeat(257), false],
];

const DOMAIN: Record<Rule, (value: string) => string | undefined> = {
  trailName: trailNameError,
  bucketName: s3BucketNameError,
  prefix: s3PrefixError,
  kmsAlias: kmsAliasError,
  snsTopic: snsTopicNameError,
  logGroup: logGroupNameError,
  roleName: iamRoleNameError,
  tagKey: tagKeyError,
  tagValue: tagValueError,
};

// The form column: the value in the field that holds it (with the option that shows that field), through
// the Create trail form's schema. Resolves to the message on that field, or undefined.
const FORM_FIELDS: Record<Rule, [field: string, values: (value: string) => Partial<TrailFormValues>]> = {
  trailName: ['name', (value) => ({ name: value })],
  bucketName: ['newBucketName', (value) => ({ storage: 'new', newBucketName: value })],
  prefix: ['prefix', (value) => ({ prefix: value })],
  kmsAlias: ['newKmsAlias', (value) => ({ kmsEnabled: true, kmsKey: 'new', newKmsAlias: value })],
  snsTopic: ['newSnsTopic', (value) => ({ snsEnabled: true, snsTopic: 'new', newSnsTopic: value })],
  logGroup: ['newLogGroup', (value) => ({ cloudWatchEnabled: true, logGroup: 'new', newLogGroup: value })],
  roleName: ['newRoleName', (value) => ({ cloudWatchEnabled: true, role: 'new', newRoleName: value })],
  tagKey: ['tags', (value) => ({ tags: [{ key: value, value: '', existing: false }] })],
  tagValue: ['tags', (value) => ({ tags: [{ key: 'k', value, existing: false }] })],
};
const formSchema = trailFormSchema(ATTRIBUTE_SECTIONS);

function formError(rule: Rule, value: string): string | undefined {
  const [field, values] = FORM_FIELDS[rule];
  const valid: TrailFormValues = {
    ...defaultTrailFormValues(TEST_ACCOUNT, ['0a1b2c3d', '0a1b2c3d', '0a1b2c3d']),
    name: 'valid-trail',
    newKmsAlias: 'valid-alias',
    newRoleName: 'valid-role',
  };
  const result = formSchema.safeParse({ ...valid, ...values(value) });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === field)?.message;
}

// The emulator column: the API that enforces each rule, through its SDK. Resolves to the error name, or
// undefined when the call was accepted.
const { handle } = createTestEmulator({ audit: false });
useEmulatorServer(() => handle);
const ARN = `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/tagged`;
let keyId = '';
let counter = 0;
beforeAll(async () => {
  await createBucket('rules-bucket');
  await cloudTrailClient().send(new CreateTrailCommand({ Name: 'tagged', S3BucketName: 'rules-bucket' }));
  keyId = (await kmsClient().send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
});

async function errorName(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return (error as Error).name;
  }
}

const EMULATOR: Record<Rule, (value: string) => Promise<string | undefined>> = {
  trailName: async (value) => {
    const name = await errorName(() =>
      cloudTrailClient().send(new CreateTrailCommand({ Name: value, S3BucketName: 'rules-bucket' })),
    );
    if (!name) await cloudTrailClient().send(new DeleteTrailCommand({ Name: value }));
    return name;
  },
  bucketName: (value) => errorName(() => s3Client().send(new CreateBucketCommand({ Bucket: value }))),
  // A valid prefix gets past InvalidS3PrefixException to the bucket policy check.
  prefix: async (value) => {
    const name = await errorName(() =>
      cloudTrailClient().send(
        new CreateTrailCommand({ Name: 'prefixed', S3BucketName: 'rules-bucket', S3KeyPrefix: value }),
      ),
    );
    return name === 'InsufficientS3BucketPolicyException' ? undefined : name;
  },
  kmsAlias: (value) =>
    errorName(() =>
      kmsClient().send(new CreateAliasCommand({ AliasName: toAliasName(value), TargetKeyId: keyId })),
    ),
  snsTopic: (value) => errorName(() => snsClient().send(new CreateTopicCommand({ Name: value }))),
  logGroup: (value) => errorName(() => logsClient().send(new CreateLogGroupCommand({ logGroupName: value }))),
  roleName: (value) =>
    errorName(() =>
      iamClient().send(
        new CreateRoleCommand({
          RoleName: value,
          AssumeRolePolicyDocument: JSON.stringify(cloudTrailAssumeRolePolicy()),
        }),
      ),
    ),
  tagKey: (value) =>
    errorName(() =>
      cloudTrailClient().send(new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: value }] })),
    ),
  tagValue: (value) =>
    errorName(() =>
      cloudTrailClient().send(
        new AddTagsCommand({ ResourceId: ARN, TagsList: [{ Key: `k${counter++}`, Value: value }] }),
      ),
    ),
};

describe.each(NAMING_CASES)('%s %j (valid: %s)', (rule, value, valid) => {
  it('domain rule', () => {
    const problem = DOMAIN[rule](value);
    if (valid) expect(problem).toBeUndefined();
    else expect(problem).toMatch(/^[A-Z]/);
  });

  it('form schema', () => {
    const problem = formError(rule, value);
    if (valid) expect(problem).toBeUndefined();
    // The same sentence the domain rule gives (a tag's is prefixed with which tag it is).
    else expect(problem).toContain(DOMAIN[rule](value));
  });

  it('emulator', async () => {
    const name = await EMULATOR[rule](value);
    if (valid) expect(name).toBeUndefined();
    else expect(name).toEqual(expect.any(String));
  });
});

describe('the emulator says what the domain says', () => {
  it.each(NAMING_CASES.filter(([rule, , valid]) => rule === 'trailName' && !valid))(
    'for trail name %s %j',
    async (_rule, value) => {
      await expect(
        cloudTrailClient().send(new CreateTrailCommand({ Name: value, S3BucketName: 'rules-bucket' })),
      ).rejects.toMatchObject({
        name: 'InvalidTrailNameException',
        message: trailNameError(value),
      });
    },
  );
});

describe('trail name messages', () => {
  it('say which end is wrong, in CloudTrail words', () => {
    expect(trailNameError('-audit')).toBe('Trail name must start with a letter or number');
    expect(trailNameError('audit_')).toBe('Trail name must end with a letter or number');
  });
});
