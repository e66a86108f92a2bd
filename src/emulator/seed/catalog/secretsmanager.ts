// Secrets Manager: secret reads by the shop's workloads and the monthly rotation of the database secret.
import type { JsonObject } from '@/domain/record';
import { ACCOUNT_ID, SECRETS } from '../resources';
import { defineService, err, fixed, notAuthorized, shared } from './define';
import type { CallContext, Payload } from './types';

const secretArn = (c: CallContext, name: string) =>
  `arn:aws:secretsmanager:${c.region}:${ACCOUNT_ID}:secret:${name}`;
const secret = shared(
  (c) => c.rng.pick(SECRETS),
  (name, region) => ({
    requestParameters: { secretId: `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${name}` },
  }),
);
const secretsDenied = err('AccessDeniedException', 1, notAuthorized);
const noSecret = err(
  'ResourceNotFoundException',
  1,
  () => "Secrets Manager can't find the specified secret.",
);

/** Rotation events are written by Secrets Manager itself: no principal, only the service (real records). */
export function rotationEvent(c: CallContext, name: string): Payload {
  const arn = secretArn(c, name);
  return { requestParameters: null, additionalEventData: { SecretId: arn } satisfies JsonObject };
}

export const secretsmanager = defineService(
  {
    key: 'secretsmanager',
    source: 'secretsmanager.amazonaws.com',
    denied: secretsDenied,
    errors: [noSecret, secretsDenied],
    errorRate: 0.01,
    build: secret,
    machineOnly: ['PutSecretValue'],
  },
  [
    ['GetSecretValue', 40],
    ['DescribeSecret', 10],
    ['ListSecrets', 5, fixed({ maxResults: 100 })],
    ['GetResourcePolicy', 1],
    ['ListSecretVersionIds', 1],
    [
      'BatchGetSecretValue',
      0.5,
      (c) => ({
        requestParameters: {
          secretIdList: [secretArn(c, c.rng.pick(SECRETS)), secretArn(c, c.rng.pick(SECRETS))],
        },
      }),
    ],
    ['GetRandomPassword', 0.3, fixed({ passwordLength: 32, excludePunctuation: true })],
    [
      'PutSecretValue',
      0.1,
      (c) => ({
        requestParameters: {
          secretId: secretArn(c, SECRETS[0]!),
          clientRequestToken: c.rng.uuid(),
          versionStages: ['AWSPENDING'],
        },
      }),
    ],
    ['UpdateSecret', 0.05],
    ['RotateSecret', 0.01],
    ['TagResource', 0.02],
    [
      'CreateSecret',
      0.01,
      (c) => ({
        requestParameters: {
          name: `prod/shop/${c.rng.pick(['webhook', 'smtp', 'maps'])}-key`,
          kmsKeyId: 'alias/shop-app',
        },
      }),
    ],
    [
      'RotationStarted',
      0,
      { build: (c) => rotationEvent(c, SECRETS[0]!), eventType: 'AwsServiceEvent', readOnly: false },
    ],
    [
      'RotationSucceeded',
      0,
      { build: (c) => rotationEvent(c, SECRETS[0]!), eventType: 'AwsServiceEvent', readOnly: false },
    ],
  ],
);
