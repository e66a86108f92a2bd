// KMS: the busiest source of most accounts (every SSE-KMS read, secret and parameter decrypts).
// Cryptographic operations are readOnly and name the key in `resources` (real records).
import type { JsonObject } from '@/domain/record';
import { trailArn } from '@/emulator/state';
import {
  ACCOUNT_ID,
  BUCKETS,
  FUNCTIONS,
  KMS_ALIASES,
  regionalIds,
  SECRETS,
  SSM_PARAMETERS,
} from '../resources';
import { isoSeconds } from '@/domain/iso-time';
import { defineService, err, param, shared } from './define';
import { prngFor } from '../prng';
import type { Builder, CallContext, ErrorContext, Payload } from './types';

export function keyArn(region: string, index: number): string {
  return `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${regionalIds(region).kmsKeys[index % KMS_ALIASES.length]!}`;
}

const accessDenied = err(
  'AccessDeniedException',
  1,
  (c: ErrorContext) =>
    `User: ${c.callerArn} is not authorized to perform: ${c.action} on resource: ${keyArn(c.region, 0)} because no resource-based policy allows the ${c.action} action`,
);
const aliasNotFound = err(
  'NotFoundException',
  1,
  (c) =>
    `Alias arn:aws:kms:${c.region}:${ACCOUNT_ID}:${param(c.params, 'keyId', 'alias/shop-legacy')} is not found.`,
);
const throttling = err(
  'ThrottlingException',
  1,
  () => 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
);
const invalidCiphertext = err('InvalidCiphertextException', 1);

/** The encryption contexts callers' services attach, by what they decrypt (one list per Region). */
function encryptionContexts(region: string): JsonObject[] {
  return [
    ...SSM_PARAMETERS.slice(0, 6).map((name) => ({
      PARAMETER_ARN: `arn:aws:ssm:${region}:${ACCOUNT_ID}:parameter${name}`,
    })),
    ...SECRETS.map((name) => ({
      SecretARN: `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${name}`,
      SecretVersionId: prngFor('secret-version', name).uuid(),
    })),
    ...FUNCTIONS.map((name) => ({
      'aws:lambda:FunctionArn': `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`,
    })),
    ...BUCKETS.map((bucket) => ({ 'aws:s3:arn': `arn:aws:s3:::${bucket.name}` })),
  ];
}

const CONTEXT_COUNT = encryptionContexts('us-east-1').length;
/** A key and an encryption context, as one choice string "key|context". */
const keyAndContext = (c: CallContext) => `${c.rng.int(KMS_ALIASES.length)}|${c.rng.int(CONTEXT_COUNT)}`;
const keyIndex = (c: CallContext) => String(c.rng.int(KMS_ALIASES.length));

function keyResources(region: string, index: number) {
  return [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: keyArn(region, index) }];
}

const decrypt = shared(keyAndContext, (choice, region) => {
  const [key = 0, context = 0] = choice.split('|').map(Number);
  return {
    requestParameters: {
      encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: encryptionContexts(region)[context]!,
    },
    resources: keyResources(region, key),
  };
});

/** CloudTrail asks for a data key per log file it writes to the trail's SSE-KMS bucket. */
function cloudTrailDataKey(c: CallContext): Payload {
  const day = isoSeconds(c.timeMs).slice(0, 10).replaceAll('-', '/');
  return {
    requestParameters: {
      keyId: keyArn('us-east-1', 2),
      encryptionContext: {
        'aws:cloudtrail:arn': trailArn('us-east-1', ACCOUNT_ID, 'management-events'),
        'aws:s3:arn': `arn:aws:s3:::aws-cloudtrail-logs-${ACCOUNT_ID}-mgmt/AWSLogs/${ACCOUNT_ID}/CloudTrail/${c.region}/${day}/${ACCOUNT_ID}_CloudTrail_${c.region}_${c.rng.hex(16)}.json.gz`,
      },
      keySpec: 'AES_256',
    },
    resources: [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: keyArn('us-east-1', 2) }],
  };
}

const dataKey = shared(keyAndContext, (choice, region) => {
  const [key = 0, context = 0] = choice.split('|').map(Number);
  return {
    requestParameters: {
      keyId: KMS_ALIASES[key]!,
      encryptionContext: encryptionContexts(region)[context]!,
      keySpec: 'AES_256',
    },
    resources: keyResources(region, key),
  };
});

const generateDataKey: Builder = (c) =>
  c.identity.invokedBy === 'cloudtrail.amazonaws.com' ? cloudTrailDataKey(c) : dataKey(c);

const key = shared(keyIndex, (index, region) => ({
  requestParameters: { keyId: keyArn(region, Number(index)) },
  resources: keyResources(region, Number(index)),
}));

const byAlias = shared(keyIndex, (index, region) => ({
  requestParameters: { keyId: KMS_ALIASES[Number(index)]! },
  resources: keyResources(region, Number(index)),
}));

export const rotateKey: Builder = (c) => ({
  requestParameters: null,
  resources: keyResources(c.region, c.rng.int(KMS_ALIASES.length)),
  serviceEventDetails: { rotationType: 'AUTOMATIC', keyOrigin: 'AWS_KMS' },
});

const CRYPTO_ERRORS = [accessDenied, throttling, invalidCiphertext];

export const kms = defineService(
  {
    key: 'kms',
    source: 'kms.amazonaws.com',
    denied: accessDenied,
    errors: [accessDenied, throttling],
    errorRate: 0.008,
    build: key,
    machineOnly: ['CreateGrant', 'RetireGrant'],
  },
  [
    ['Decrypt', 100, { build: decrypt, readOnly: true, errors: CRYPTO_ERRORS, errorRate: 0.006 }],
    [
      'GenerateDataKey',
      40,
      { build: generateDataKey, readOnly: true, errors: [accessDenied, aliasNotFound, throttling] },
    ],
    ['Encrypt', 10, { build: byAlias, readOnly: true }],
    ['GenerateDataKeyWithoutPlaintext', 3, { build: byAlias, readOnly: true }],
    ['ReEncrypt', 0.2, { build: key, readOnly: true }],
    ['DescribeKey', 15, { build: byAlias, errors: [aliasNotFound, accessDenied], errorRate: 0.01 }],
    ['ListAliases', 5, () => ({ requestParameters: null })],
    ['ListKeys', 3, () => ({ requestParameters: null })],
    [
      'GetKeyPolicy',
      3,
      // The record's resources name the key of the request, not another one.
      (c) => ({
        ...key(c),
        requestParameters: { keyId: keyArn(c.region, 0), policyName: 'default' },
        resources: keyResources(c.region, 0),
      }),
    ],
    ['GetKeyRotationStatus', 3],
    ['ListResourceTags', 2],
    ['ListGrants', 2],
    ['ListKeyPolicies', 1],
    [
      'CreateGrant',
      2,
      (c) => ({
        ...key(c),
        resources: keyResources(c.region, 1),
        requestParameters: {
          keyId: keyArn(c.region, 1),
          granteePrincipal: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
          operations: [
            'Decrypt',
            'GenerateDataKeyWithoutPlaintext',
            'ReEncryptFrom',
            'ReEncryptTo',
            'CreateGrant',
          ],
        },
      }),
    ],
    ['RetireGrant', 1],
    ['RotateKey', 0, { build: rotateKey, eventType: 'AwsServiceEvent', readOnly: false }],
    ['EnableKeyRotation', 0.01],
    ['PutKeyPolicy', 0.01],
    [
      'CreateAlias',
      0.005,
      (c) => ({ requestParameters: { aliasName: 'alias/shop-reports', targetKeyId: keyArn(c.region, 0) } }),
    ],
    [
      'ScheduleKeyDeletion',
      0.003,
      (c) => ({ ...key(c), requestParameters: { keyId: keyArn(c.region, 3), pendingWindowInDays: 30 } }),
    ],
  ],
);
