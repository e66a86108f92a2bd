// A seeded generator of requests to /aws, for the fuzz test (fuzz.test.ts, `npm run fuzz`): half are
// driven by the AWS SDK's own serialisers — every operation of every client the console uses, with
// random inputs — and half are hand-made malformations of each kind the server must survive (docs/
// security.md): foreign origins, bad Host headers and methods, signature scopes naming no service or
// Region, prototype keys, bad escapes, broken and deeply nested JSON, thousands of Query keys.
import * as cloudTrail from '@aws-sdk/client-cloudtrail';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as s3 from '@aws-sdk/client-s3';
import * as sns from '@aws-sdk/client-sns';
import * as sts from '@aws-sdk/client-sts';

export interface FuzzRequest {
  kind: string;
  method: string;
  /** The request target, starting with /aws. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** mulberry32: a small seeded PRNG, so a failing run can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * (max + 1));

type CommandClass = new (input: Record<string, unknown>) => unknown;
type ClientLike = { send(command: unknown): Promise<unknown>; destroy(): void };

/** Each SDK package: its client class and every command it exports. */
const PACKAGES = [cloudTrail, logs, iam, kms, s3, sns, sts].map((module) => {
  const entries = Object.entries(module as Record<string, unknown>);
  const client = entries.find(
    ([name, value]) => name.endsWith('Client') && typeof value === 'function' && name !== 'Client',
  )![1] as new (config: Record<string, unknown>) => ClientLike;
  const commands = entries
    .filter(([name, value]) => name.endsWith('Command') && typeof value === 'function')
    .map(([, value]) => value as CommandClass);
  return { client, commands, s3: module === s3 };
});

/** Member names the services' inputs use, so random inputs reach past the "required member" checks. */
const MEMBERS = [
  'Name',
  'TrailName',
  'TrailNameList',
  'S3BucketName',
  'S3KeyPrefix',
  'SnsTopicName',
  'KmsKeyId',
  'IsMultiRegionTrail',
  'IncludeGlobalServiceEvents',
  'EnableLogFileValidation',
  'LookupAttributes',
  'StartTime',
  'EndTime',
  'MaxResults',
  'NextToken',
  'TagsList',
  'ResourceIdList',
  'ResourceId',
  'EventSelectors',
  'AdvancedEventSelectors',
  'InsightSelectors',
  'EventDataStore',
  'QueryStatement',
  'QueryId',
  'RetentionPeriod',
  'Bucket',
  'Key',
  'Prefix',
  'Delimiter',
  'Policy',
  'Body',
  'RoleName',
  'UserName',
  'PolicyDocument',
  'AssumeRolePolicyDocument',
  'PolicyArn',
  'TopicArn',
  'Attributes',
  'KeyId',
  'Description',
  'logGroupName',
  'logStreamName',
  'filterPattern',
  'Tags',
  'Marker',
  'MaxItems',
  'EventCategory',
  'CloudWatchLogsLogGroupArn',
  'CloudWatchLogsRoleArn',
  'Values',
  'Field',
  'Selectors',
  'Channel',
  'Source',
  'Destinations',
  'ResourceArn',
  'ResourcePolicy',
  'DashboardId',
  'Widgets',
  'RefreshSchedule',
  'Frequency',
  'Unit',
  'Value',
  'TimeOfDay',
  'Status',
  'QueryParameters',
  'ViewProperties',
  'MaxEventSize',
  'ContextKeySelectors',
  'AggregationConfigurations',
  'SearchPhrase',
] as const;

const STRINGS = [
  'trail-1',
  'my-bucket',
  'AWSLogs/',
  '',
  ' ',
  'a'.repeat(2_000),
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '../../etc/passwd',
  '%zz',
  'arn:aws:cloudtrail:us-east-1:123456789012:trail/t',
  'arn:aws:cloudtrail:us-east-1:123456789012:constructor/x',
  'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/__proto__',
  'arn:aws:cloudtrail:us-east-1:123456789012:dashboard/toString',
  'arn:aws:s3:::b',
  'us-east-1',
  '日本語',
  '\u0000',
  'EventName',
  'Username',
  'ReadOnly',
  '{"a":1}',
  'readOnly',
  'eventCategory',
  'Management',
  'Data',
  'ApiCallRateInsight',
  'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/x',
  'arn:aws:cloudtrail:us-east-1:123456789012:dashboard/d',
  'arn:aws:cloudtrail:us-east-1:123456789012:channel/c',
  '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"cloudtrail:StartQuery"}]}',
  'Large',
  'TagContext',
  'HOURS',
  'DAYS',
  'ENABLED',
  '25:99',
  '{"Statement":[{"Effect":"Deny","Principal":{"AWS":"123456789012"},"Action":"cloudtrail-data:PutAuditEvents"}]}',
];

function randomValue(random: Random, depth: number): unknown {
  const roll = random();
  if (depth > 3 || roll < 0.35) return pick(random, STRINGS);
  if (roll < 0.45) return pick(random, [0, -1, 1, 50, 2 ** 31, 1e21, 3.5]);
  if (roll < 0.52) return random() < 0.5;
  if (roll < 0.6) return new Date(pick(random, [0, 1_700_000_000_000, 8.64e15, -1]));
  if (roll < 0.8) return Array.from({ length: int(random, 4) }, () => randomValue(random, depth + 1));
  return randomInput(random, depth + 1);
}

function randomInput(random: Random, depth = 0): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (let i = int(random, 5); i > 0; i--) input[pick(random, MEMBERS)] = randomValue(random, depth);
  return input;
}

interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

/** Thrown by the capturing request handler: the SDK's serialised request, never sent by the SDK. */
class Captured extends Error {
  readonly request: SdkHttpRequest;
  constructor(request: SdkHttpRequest) {
    super('captured');
    this.request = request;
  }
}

/** Serialises one random call of one SDK operation, or undefined when the SDK itself refuses the input. */
async function sdkRequest(random: Random, base: string): Promise<FuzzRequest | undefined> {
  const pkg = pick(random, PACKAGES);
  const Command = pick(random, pkg.commands);
  const input = randomInput(random);
  if (pkg.s3) {
    input.Bucket ??= pick(random, ['my-bucket', 'logs', 'a', 'x'.repeat(70)]);
    if (random() < 0.6) input.Key ??= pick(random, ['AWSLogs/a.json.gz', 'k', '__proto__', 'a/b/../c']);
    if (typeof input.Body !== 'string') delete input.Body;
  }
  const client = new pkg.client({
    region: pick(random, ['us-east-1', 'eu-west-1', 'ap-southeast-2']),
    endpoint: `${base}/aws`,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'fuzz' },
    maxAttempts: 1,
    forcePathStyle: true,
    requestHandler: {
      handle: (request: SdkHttpRequest) => Promise.reject(new Captured(request)),
    },
  });
  try {
    await client.send(new Command(input));
  } catch (error) {
    if (!(error instanceof Captured)) return undefined;
    const { method, path, query, headers, body } = error.request;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {}))
      for (const v of [value].flat()) if (typeof v === 'string') search.append(key, v);
    const text = typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
    return {
      kind: `sdk ${Command.name.replace(/Command$/, '')}`,
      method,
      path: `${path}${search.size > 0 ? `?${search}` : ''}`,
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host')),
      body: text,
    };
  } finally {
    client.destroy();
  }
  return undefined;
}

const SERVICES = [
  'cloudtrail',
  'cloudtrail-data',
  's3',
  'iam',
  'sns',
  'sts',
  'kms',
  'logs',
  'ec2',
  'lambda',
  'rds',
  '__proto__',
  'constructor',
  'toString',
  '',
];
const REGIONS = [
  'us-east-1',
  'eu-west-1',
  '',
  'us-east-1.evil.example',
  '127.0.0.1:4729#',
  '__proto__',
  'x'.repeat(300),
];
const TARGETS = [
  'CloudTrail_20131101.LookupEvents',
  'CloudTrail_20131101.CreateTrail',
  'CloudTrail_20131101.NoSuchOp',
  'TrentService.ListKeys',
  'Logs_20140328.DescribeLogGroups',
  'nodot',
  '.',
  'CloudTrail_20131101.',
  '__proto__.constructor',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails',
];
const ACTIONS = [
  'ListTopics',
  'CreateTopic',
  'DeleteTopic',
  'ListRoles',
  'CreateRole',
  'GetCallerIdentity',
  'NoSuchAction',
  '__proto__',
  '',
];

function deepJson(depth: number): string {
  return `{"LookupAttributes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

function queryBody(random: Random): string {
  const params = new URLSearchParams();
  if (random() < 0.9) params.append('Action', pick(random, ACTIONS));
  if (random() < 0.7) params.append('Version', pick(random, ['2010-03-31', '2010-05-08', '2011-06-15']));
  const keys = pick(random, [1, 5, 50, 1_500, 3_000]);
  for (let i = 0; i < keys; i++) {
    const depth = pick(random, [1, 2, 4, 40]);
    const segments = Array.from({ length: depth }, () =>
      pick(random, [
        'Tags',
        'member',
        String(int(random, 3) + 1),
        '__proto__',
        'constructor',
        'prototype',
        'entry',
        'key',
        'value',
        'Name',
      ]),
    );
    params.append(segments.join('.'), pick(random, STRINGS));
  }
  return params.toString();
}

/** One hand-made malformed request. */
function malformedRequest(random: Random, base: string): FuzzRequest {
  const host = new URL(base).host;
  const headers: Record<string, string> = {};
  const method = pick(random, [
    'GET',
    'GET',
    'POST',
    'POST',
    'POST',
    'PUT',
    'DELETE',
    'HEAD',
    'TRACE',
    'PATCH',
    'OPTIONS',
    'PROPFIND',
  ]);
  if (random() < 0.7)
    headers.authorization = `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/${pick(random, REGIONS)}/${pick(random, SERVICES)}/aws4_request, SignedHeaders=host, Signature=0`;
  if (random() < 0.15)
    headers.host = pick(random, [
      `${host.split(':')[0]}:`,
      '127.0.0.1:99999',
      '127.0.0.1:0',
      'evil.example',
      '[::1]',
      'a_b',
    ]);
  if (random() < 0.2) headers.origin = pick(random, ['http://evil.example', 'null', base]);
  if (random() < 0.2)
    headers['sec-fetch-site'] = pick(random, ['cross-site', 'same-site', 'same-origin', 'none']);
  let path = pick(random, [
    '/aws',
    '/aws/',
    '/aws/my-bucket',
    '/aws/%zz',
    '/aws/%',
    '/aws/a/%e0%80',
    '/aws//x',
    '/aws/b/__proto__',
    '/aws/b?policy',
    '/aws/b?uploads',
    '/aws/PutAuditEvents',
    '/aws/PutAuditEvents?channelArn=__proto__&externalId=%zz',
  ]);
  let body: string | Uint8Array | undefined;
  const shape = pick(random, ['json', 'json', 'query', 'query', 'xml', 'bytes', 'none']);
  let kind = `malformed ${shape}`;
  switch (shape) {
    case 'json':
      headers['content-type'] = pick(random, [
        'application/x-amz-json-1.1',
        'application/x-amz-json-1.0',
        'application/json',
      ]);
      if (random() < 0.8) headers['x-amz-target'] = pick(random, TARGETS);
      body = pick(random, [
        '{}',
        '',
        '{',
        'null',
        '[]',
        '"x"',
        '{"__proto__":{"MaxResults":0}}',
        '{"constructor":{"prototype":{"x":1}}}',
        '{"MaxResults":"x"}',
        '{"LookupAttributes":[{"AttributeKey":"__proto__","AttributeValue":"x"}]}',
        deepJson(pick(random, [10, 70, 5_000, 50_000])),
        `{"Name":"${'n'.repeat(int(random, 500))}","S3BucketName":"b"}`,
        '{"auditEvents":[{"id":"a","eventData":"{\\"__proto__\\":{}}"},{"id":"a"}]}',
        '{"auditEvents":"x"}',
      ]);
      kind = `malformed json${typeof body === 'string' && body.length > 20_000 ? ' deep' : ''}`;
      break;
    case 'query':
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      body = queryBody(random);
      if (method === 'GET' || method === 'HEAD') path = `/aws?${body}`;
      break;
    case 'xml':
      headers['content-type'] = 'application/xml';
      body = pick(random, [
        '<a>',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        '<Tagging><TagSet></TagSet></Tagging>',
      ]);
      break;
    case 'bytes':
      body = Uint8Array.from({ length: int(random, 512) }, () => int(random, 255));
      break;
  }
  if (method === 'GET' || method === 'HEAD' || method === 'TRACE') body = undefined;
  return { kind, method, path, headers, body };
}

/** The request number `index` of the run seeded `seed`: the same pair always gives the same request. */
export async function fuzzRequest(seed: number, index: number, base: string): Promise<FuzzRequest> {
  const random = seededRandom(seed * 1_000_003 + index);
  if (random() < 0.5) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const request = await sdkRequest(random, base);
      if (request) return request;
    }
  }
  return malformedRequest(random, base);
}
