// Lambda control-plane APIs. CloudTrail names them with the API version suffix
// ("GetFunction20150331v2", "ListFunctions20150331"), as real records do.
import { ROLES } from '../identities';
import { ACCOUNT_ID, FUNCTIONS } from '../resources';
import { defineService, err, fixed, named, param, throttled } from './define';
import type { Builder, CallContext, ErrorContext } from './types';

const functionArn = (region: string, name: string) =>
  `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;

const accessDenied = err(
  'AccessDeniedException',
  1,
  (c: ErrorContext) =>
    `User: ${c.callerArn} is not authorized to perform: ${c.action} on resource: ${functionArn(c.region, param(c.params, 'functionName', '*'))} because no identity-based policy allows the ${c.action} action`,
);
const notFound = err(
  'ResourceNotFoundException',
  1,
  (c) => `Function not found: ${functionArn(c.region, param(c.params, 'functionName'))}`,
);
const updating = err(
  'ResourceConflictException',
  1,
  (c) =>
    `The operation cannot be performed at this time. An update is in progress for resource: ${functionArn(c.region, param(c.params, 'functionName'))}`,
);
const tooMany = throttled('TooManyRequestsException');

const fn = named('functionName', FUNCTIONS);
const qualified: Builder = (c) => ({
  requestParameters: { functionName: c.rng.pick(FUNCTIONS), qualifier: '$LATEST' },
});
const arnOnly: Builder = (c) => ({
  requestParameters: { resource: functionArn(c.region, c.rng.pick(FUNCTIONS)) },
});

function configuration(c: CallContext, name: string) {
  return {
    functionName: name,
    functionArn: functionArn(c.region, name),
    runtime: name === 'nightly-report' ? 'python3.12' : 'nodejs20.x',
    role: ROLES.ordersLambda.arn,
    handler: 'index.handler',
    codeSize: c.rng.between(180_000, 9_000_000),
    timeout: 30,
    memorySize: 512,
    lastModified: new Date(c.timeMs).toISOString().replace('Z', '+0000'),
    codeSha256: `${c.rng.alnum(43)}=`,
    version: '$LATEST',
    tracingConfig: { mode: 'PassThrough' },
    revisionId: c.rng.uuid(),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    packageType: 'Zip',
    architectures: ['arm64'],
  };
}

export const updateFunctionCode: Builder = (c) => {
  const name = c.rng.pick(FUNCTIONS.slice(0, 4));
  return {
    requestParameters: { functionName: name, publish: false, dryRun: false, architectures: ['arm64'] },
    responseElements: configuration(c, name),
  };
};

const updateConfiguration: Builder = (c) => {
  const name = c.rng.pick(FUNCTIONS.slice(0, 4));
  return {
    requestParameters: { functionName: name, environment: {}, timeout: 30 },
    responseElements: configuration(c, name),
  };
};

export const lambda = defineService(
  {
    key: 'lambda',
    source: 'lambda.amazonaws.com',
    eventVersion: '1.08',
    denied: accessDenied,
    errors: [notFound, accessDenied, tooMany],
    errorRate: 0.015,
    build: fn,
  },
  [
    ['ListFunctions20150331', 12, fixed({})],
    ['GetFunction20150331v2', 15, { build: fn, errorRate: 0.02 }],
    ['GetFunctionConfiguration20150331v2', 10, qualified],
    ['ListVersionsByFunction20150331', 4],
    ['ListAliases20150331', 4],
    [
      'GetPolicy20150331v2',
      3,
      {
        errors: [err('ResourceNotFoundException', 1, () => 'The resource you requested does not exist.')],
        errorRate: 0.3,
      },
    ],
    ['ListEventSourceMappings20150331', 3],
    ['ListTags20170331', 5, arnOnly],
    ['GetFunctionCodeSigningConfig', 2],
    ['GetAccountSettings20160819', 1, fixed({})],
    ['ListLayers20181031', 1, fixed({})],
    ['GetFunctionUrlConfig', 1, { errors: [notFound], errorRate: 0.6 }],
    ['ListFunctionUrlConfigs', 1],
    ['GetFunctionConcurrency', 1],
    [
      'GetFunctionEventInvokeConfig',
      1,
      {
        errors: [
          err(
            'ResourceNotFoundException',
            1,
            (c) =>
              `The function ${functionArn(c.region, param(c.params, 'functionName'))} doesn't have an EventInvokeConfig`,
          ),
        ],
        errorRate: 0.5,
      },
    ],
    [
      'GetProvisionedConcurrencyConfig',
      0.5,
      {
        errors: [
          err(
            'ProvisionedConcurrencyConfigNotFoundException',
            1,
            () => 'No Provisioned Concurrency Config found for this function',
          ),
        ],
        errorRate: 0.7,
      },
    ],
    ['UpdateFunctionCode20150331v2', 0.6, updateFunctionCode],
    [
      'UpdateFunctionConfiguration20150331v2',
      0.3,
      { build: updateConfiguration, errors: [updating, accessDenied], errorRate: 0.15 },
    ],
    ['PublishVersion20150331', 0.3, fn],
    [
      'UpdateAlias20150331',
      0.3,
      (c) => ({
        requestParameters: {
          functionName: c.rng.pick(FUNCTIONS),
          name: 'live',
          functionVersion: String(c.rng.between(20, 140)),
        },
      }),
    ],
    [
      'AddPermission20150331v2',
      0.05,
      (c) => ({
        requestParameters: {
          functionName: c.rng.pick(FUNCTIONS),
          statementId: `events-${c.rng.hex(8)}`,
          action: 'lambda:InvokeFunction',
          principal: 'events.amazonaws.com',
        },
      }),
    ],
    [
      'PutFunctionConcurrency20171031',
      0.03,
      (c) => ({
        requestParameters: { functionName: c.rng.pick(FUNCTIONS), reservedConcurrentExecutions: 50 },
      }),
    ],
    ['TagResource20170331v2', 0.05, arnOnly],
    ['CreateEventSourceMapping20150331', 0.02, fn],
  ],
);
