// The AWS console page of a resource an event references, as the Event history console links resource
// names (docs/cloudtrail-facts.md#resource-console-pages). Resource names come from event records, which
// anyone can write: the host is always one of two fixed templates (the global console, or the console of
// a Region whose name passes REGION_NAME), every part taken from the event is percent-encoded, and a name
// that is not the identifier its type has (`<script>`, `../`, `javascript:`) gets no link at all.
import { parseArn } from './aws-arn';
import { isRegionName } from './aws-region';

const GLOBAL_CONSOLE = 'https://console.aws.amazon.com';

/** Only the commercial partition: China and GovCloud consoles live on other hosts. */
function regionalConsole(region: string): string | undefined {
  if (!isRegionName(region) || /^(cn|us-gov|us-iso[a-z]*)-/.test(region)) return undefined;
  return `https://${region}.console.aws.amazon.com`;
}

const enc = encodeURIComponent;

/** What a resource name says: the ARN's parts when it is one, else the bare name. */
interface Named {
  /** The identifier after the ARN's resource-type prefix, or the whole name. */
  id: string;
  arn?: string;
  region?: string;
}

function named(name: string, prefixes: readonly string[]): Named | undefined {
  if (!name.startsWith('arn:')) return { id: name };
  const arn = parseArn(name);
  if (!arn || arn.partition !== 'aws') return undefined;
  for (const prefix of prefixes) {
    if (arn.resource.startsWith(prefix))
      return { id: arn.resource.slice(prefix.length), arn: name, region: arn.region || undefined };
  }
  return undefined;
}

// Identifier forms, from each service's naming rules; anything else is not linked.
const IAM_NAME = /^[\w+=,.@-]{1,128}$/;
/** IAM's unique IDs (AIDA…, AROA…) name no page: the console addresses users and roles by name. */
const IAM_UNIQUE_ID = /^A[A-Z]{3}[A-Z0-9]{12,}$/;
const IAM_PATH = /^[\w+=,.@/-]{1,512}$/;
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EC2_ID = (prefix: string) => new RegExp(`^${prefix}-[0-9a-f]{8,17}$`);
const KMS_KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const LAMBDA_NAME = /^[\w-]{1,64}$/;
const LOG_GROUP = /^[\w\-/.#]{1,512}$/;
const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;
const DYNAMODB_TABLE = /^[\w.-]{3,255}$/;
const TRAIL_NAME = /^[A-Za-z0-9][\w.-]{2,127}$/;
const SNS_TOPIC = /^[\w-]{1,256}(\.fifo)?$/;

/** The last part of an IAM name with a path (`/team/name` → `name`). */
function iamName(id: string): string | undefined {
  if (!IAM_PATH.test(id) || id.split('/').some((part) => part === '.' || part === '..')) return undefined;
  const name = id.slice(id.lastIndexOf('/') + 1);
  return IAM_NAME.test(name) && !IAM_UNIQUE_ID.test(name) ? name : undefined;
}

type Builder = (resource: Named, region: string) => string | undefined;

/**
 * A page on the Region's console host: `nameOf` takes the identifier out of the resource (undefined when
 * the page cannot be addressed), `pattern` checks it, `build` writes the path after the host.
 */
function regional(
  pattern: RegExp,
  build: (host: string, region: string, name: string, resource: Named) => string,
  nameOf: (resource: Named) => string | undefined = (resource) => resource.id,
): Builder {
  return (resource, region) => {
    const host = regionalConsole(region);
    const name = nameOf(resource);
    return host && name !== undefined && pattern.test(name) ? build(host, region, name, resource) : undefined;
  };
}

/** For pages addressed by the resource's ARN: a bare name gives none. */
const withArn = (resource: Named) => (resource.arn ? resource.id : undefined);

function iam(section: string): Builder {
  return ({ id }) => {
    const name = iamName(id);
    return name ? `${GLOBAL_CONSOLE}/iam/home#/${section}/${enc(name)}` : undefined;
  };
}

/** Per resource type: the ARN resource prefixes it may carry and how its page's URL is built. */
const PAGES = new Map<string, { prefixes: readonly string[]; build: Builder }>([
  [
    'AWS::S3::Bucket',
    {
      prefixes: [''],
      build: ({ id }) => (S3_BUCKET.test(id) ? `${GLOBAL_CONSOLE}/s3/buckets/${enc(id)}` : undefined),
    },
  ],
  [
    'AWS::S3::Object',
    {
      prefixes: [''],
      // Only with the bucket known: `bucket/key` (the ARN's resource part or CloudTrail's name).
      build: ({ id }) => {
        const slash = id.indexOf('/');
        const bucket = id.slice(0, slash);
        const key = id.slice(slash + 1);
        if (slash < 0 || !S3_BUCKET.test(bucket) || key === '') return undefined;
        return `${GLOBAL_CONSOLE}/s3/object/${enc(bucket)}?prefix=${enc(key)}`;
      },
    },
  ],
  [
    'AWS::EC2::Instance',
    {
      prefixes: ['instance/'],
      build: regional(
        EC2_ID('i'),
        (host, region, id) => `${host}/ec2/home?region=${region}#InstanceDetails:instanceId=${enc(id)}`,
      ),
    },
  ],
  [
    'AWS::EC2::SecurityGroup',
    {
      prefixes: ['security-group/'],
      build: regional(
        EC2_ID('sg'),
        (host, region, id) => `${host}/ec2/home?region=${region}#SecurityGroup:groupId=${enc(id)}`,
      ),
    },
  ],
  [
    'AWS::EC2::VPC',
    {
      prefixes: ['vpc/'],
      build: regional(
        EC2_ID('vpc'),
        (host, region, id) => `${host}/vpcconsole/home?region=${region}#VpcDetails:VpcId=${enc(id)}`,
      ),
    },
  ],
  ['AWS::IAM::Role', { prefixes: ['role/'], build: iam('roles') }],
  ['AWS::IAM::User', { prefixes: ['user/'], build: iam('users') }],
  ['AWS::IAM::Group', { prefixes: ['group/'], build: iam('groups') }],
  [
    'AWS::IAM::Policy',
    {
      prefixes: ['policy/'],
      // The policy page is addressed by ARN: a bare policy name does not say whose it is.
      build: ({ id, arn }) => {
        const name = iamName(id);
        return arn && name ? `${GLOBAL_CONSOLE}/iam/home#/policies/${enc(arn)}` : undefined;
      },
    },
  ],
  [
    'AWS::KMS::Key',
    {
      prefixes: ['key/'],
      build: regional(
        KMS_KEY,
        (host, region, id) => `${host}/kms/home?region=${region}#/kms/keys/${enc(id)}`,
      ),
    },
  ],
  [
    'AWS::Lambda::Function',
    {
      prefixes: ['function:'],
      build: regional(
        LAMBDA_NAME,
        (host, region, name) => `${host}/lambda/home?region=${region}#/functions/${enc(name)}`,
        ({ id }) => id.replace(/:[\w$-]+$/, ''),
      ),
    },
  ],
  [
    'AWS::CloudTrail::Trail',
    {
      prefixes: ['trail/'],
      // The trail details page is addressed by the trail's ARN.
      build: regional(
        TRAIL_NAME,
        (host, region, _name, { arn = '' }) =>
          `${host}/cloudtrailv2/home?region=${region}#/trails/${enc(arn)}`,
        withArn,
      ),
    },
  ],
  [
    'AWS::SNS::Topic',
    {
      prefixes: [''],
      // The topic page is addressed by the topic's ARN.
      build: regional(
        SNS_TOPIC,
        (host, region, _name, { arn = '' }) => `${host}/sns/v3/home?region=${region}#/topic/${enc(arn)}`,
        withArn,
      ),
    },
  ],
  [
    'AWS::Logs::LogGroup',
    {
      prefixes: ['log-group:'],
      // The CloudWatch console's fragment encodes the name twice and writes `%` as `$`.
      build: regional(
        LOG_GROUP,
        (host, region, name) =>
          `${host}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(enc(name)).replace(/%/g, '$')}`,
        ({ id }) => id.replace(/:\*$/, ''),
      ),
    },
  ],
  [
    'AWS::SecretsManager::Secret',
    {
      prefixes: ['secret:'],
      build: regional(
        SECRET_NAME,
        (host, region, name) => `${host}/secretsmanager/secret?name=${enc(name)}&region=${region}`,
        // A secret's ARN ends with a dash and six random characters the name does not have.
        ({ id, arn }) => (arn ? id.replace(/-[A-Za-z0-9]{6}$/, '') : id),
      ),
    },
  ],
  [
    'AWS::DynamoDB::Table',
    {
      prefixes: ['table/'],
      build: regional(
        DYNAMODB_TABLE,
        (host, region, id) => `${host}/dynamodbv2/home?region=${region}#table?name=${enc(id)}`,
      ),
    },
  ],
]);

/**
 * The console URL of a referenced resource, or undefined when there is none to give: an unknown type, a
 * name that is not the type's identifier, an ARN outside the `aws` partition, or no valid Region for a
 * regional service. `region` is the event's Region; an ARN's own Region wins when it has one.
 */
export function resourceConsoleUrl(type: string, name: string, region: string): string | undefined {
  const page = PAGES.get(type);
  if (!page) return undefined;
  const resource = named(name, page.prefixes);
  if (!resource || resource.id === '') return undefined;
  return page.build(resource, resource.region ?? region);
}
