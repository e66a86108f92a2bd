// The demo account and the resources its events name: a small online shop ("shopfront") running on
// Lambda, ECS, EKS and Aurora, mostly in us-east-1. Names are fixed so the stories can refer to them.
import { prngFor } from './prng';

export const ACCOUNT_ID = '731804529163';
export const HOME_REGION = 'us-east-1';
export const ORGANIZATION_ID = 'o-7q2x9k4m1v';
export const IDENTITY_STORE_ID = 'd-9067c1a2b3';

/** Where the shop runs, with the share of regional traffic each gets. */
export const REGION_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['us-east-1', 78],
  ['us-west-2', 10],
  ['eu-west-1', 7],
  ['ap-southeast-2', 5],
];

export const HOME_REGION_ONLY: ReadonlyArray<readonly [string, number]> = [[HOME_REGION, 1]];

/** For services that work the same in every Region the shop uses (AWS Config, GuardDuty, dashboards). */
export const REGIONS_EVENLY: ReadonlyArray<readonly [string, number]> = [
  ['us-east-1', 40],
  ['us-west-2', 20],
  ['eu-west-1', 20],
  ['ap-southeast-2', 20],
];

/** Regions the leaked key enumerates (every Region enabled by default, EC2 DescribeRegions order). */
export const ALL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
];

export interface Bucket {
  name: string;
  region: string;
}

export const BUCKETS: readonly Bucket[] = [
  { name: `shopfront-web-assets-${ACCOUNT_ID}`, region: 'us-east-1' },
  { name: 'shopfront-finance-reports', region: 'us-east-1' },
  { name: `shopfront-app-logs-${ACCOUNT_ID}`, region: 'us-east-1' },
  { name: `aws-cloudtrail-logs-${ACCOUNT_ID}-mgmt`, region: 'us-east-1' },
  { name: 'shopfront-security-audit-logs', region: 'us-east-1' },
  { name: 'shopfront-terraform-state', region: 'us-east-1' },
  { name: `cdk-hnb659fds-assets-${ACCOUNT_ID}-us-east-1`, region: 'us-east-1' },
  { name: 'shopfront-data-lake-raw', region: 'us-west-2' },
  { name: 'shopfront-legacy-uploads', region: 'us-west-2' },
  { name: 'shopfront-backups-eu', region: 'eu-west-1' },
  { name: 'shopfront-media-apse2', region: 'ap-southeast-2' },
];

export const FUNCTIONS = [
  'orders-api',
  'image-resizer',
  'nightly-report',
  'stripe-webhook',
  'cognito-pre-signup',
  'slack-alerts',
];
export const TABLES = ['orders', 'sessions', 'inventory', 'carts', 'terraform-locks'];
export const DB_CLUSTER = 'shop-aurora-prod';
export const DB_INSTANCES = ['shop-aurora-prod-instance-1', 'shop-aurora-prod-instance-2', 'shop-staging-db'];
export const KMS_ALIASES = ['alias/shop-app', 'alias/shop-rds', 'alias/cloudtrail-mgmt', 'alias/shop-s3'];
export const SSM_PARAMETERS = [
  '/shop/prod/db/host',
  '/shop/prod/db/password',
  '/shop/prod/stripe/api-key',
  '/shop/prod/feature-flags',
  '/shop/prod/cdn/domain',
  '/shop/staging/db/password',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id',
];
export const SECRETS = [
  'prod/shop/db-credentials-Ab12Cd',
  'prod/shop/stripe-api-key-Xy98Zq',
  'prod/shop/sendgrid-3fG7hK',
  'staging/shop/db-credentials-9LmN0p',
];
export const LOG_GROUPS = [
  '/aws/lambda/orders-api',
  '/aws/lambda/image-resizer',
  '/aws/lambda/nightly-report',
  '/aws/lambda/stripe-webhook',
  '/ecs/shop-web',
  '/ecs/shop-worker',
  '/aws/eks/shop-prod-eks/cluster',
  '/aws/rds/cluster/shop-aurora-prod/postgresql',
  `aws-cloudtrail-logs-${ACCOUNT_ID}-mgmt`,
];
/** The account's trails (trails.ts). */
export const TRAIL_NAMES = {
  management: 'management-events',
  security: 'security-audit',
  legacy: 'legacy-us-west-2',
};
export const TOPICS = ['shop-alerts', 'order-events', 'ops-pager', 'cloudtrail-notifications'];
export const QUEUES = ['order-processing', 'order-processing-dlq', 'image-jobs', 'email-outbox'];
export const STACKS = [
  'shop-network',
  'shop-web',
  'shop-worker',
  'shop-data',
  'shop-monitoring',
  'CDKToolkit',
];
export const REPOSITORIES = ['shop-web', 'shop-worker', 'orders-api', 'base-images/node'];
export const ECS_CLUSTERS = ['shop-prod', 'shop-staging'];
export const ECS_SERVICES = ['shop-web', 'shop-worker'];
export const EKS_CLUSTER = 'shop-prod-eks';
export const NODEGROUPS = ['ng-general', 'ng-spot'];
export const LOAD_BALANCERS = [
  'app/shop-prod-alb/50dc6c495c0c9188',
  'net/shop-internal-nlb/7d1e4f2a9b3c5e60',
];
export const TARGET_GROUPS = ['shop-web-tg/6d0ecf831eec9f09', 'shop-api-tg/943f017f100becff'];
export const HOSTED_ZONES = ['Z0451893KX7QTN2ZR4E1', 'Z03187623SJ8WJ4FX9LD'];
export const DOMAINS = ['shopfront.example.com', 'internal.shopfront.example.com'];
export const CONFIG_RULES = [
  's3-bucket-server-side-encryption-enabled',
  'iam-user-mfa-enabled',
  'restricted-ssh',
  'cloudtrail-enabled',
  'encrypted-volumes',
  'root-account-mfa-enabled',
];
export const EVENT_RULES = [
  'nightly-report-schedule',
  'guardduty-findings-to-slack',
  'ecs-task-state-change',
  'autoscaling-notifications',
];
export const AUTO_SCALING_GROUPS = ['shop-web-asg', 'shop-worker-asg', 'eks-ng-general-3ac8b1f2'];
export const INSTANCE_TYPES = ['t3.medium', 't3.large', 'm6i.large', 'm6i.xlarge', 'c6i.large'];
export const AWS_MANAGED_POLICIES = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
];
export const CUSTOMER_POLICIES = [
  'developer-self-service',
  'shop-app-runtime',
  'ci-deploy-permissions',
  'data-pipeline-access',
  'cloudwatch-readonly-grafana',
];
export const GROUPS = ['admins', 'developers', 'readonly-auditors'];

export function policyArn(name: string): string {
  return `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`;
}

export interface RegionalIds {
  vpc: string;
  subnets: string[];
  securityGroups: string[];
  instances: string[];
  volumes: string[];
  snapshots: string[];
  images: string[];
  networkInterfaces: string[];
  launchTemplates: string[];
  kmsKeys: string[];
  guardDutyDetector: string;
}

const regional = new Map<string, RegionalIds>();

/** Ids of a Region's EC2, KMS and GuardDuty resources; fixed per Region (not per seed). */
export function regionalIds(region: string): RegionalIds {
  const cached = regional.get(region);
  if (cached) return cached;
  const rng = prngFor('resources', region);
  const ids = (prefix: string, count: number, length = 17) =>
    Array.from({ length: count }, () => `${prefix}-0${rng.hex(length - 1)}`);
  const created: RegionalIds = {
    vpc: ids('vpc', 1)[0]!,
    subnets: ids('subnet', 6),
    securityGroups: ids('sg', 8),
    instances: ids('i', region === HOME_REGION ? 14 : 4),
    volumes: ids('vol', 12),
    snapshots: ids('snap', 10),
    images: ids('ami', 4),
    networkInterfaces: ids('eni', 16),
    launchTemplates: ids('lt', 3),
    kmsKeys: Array.from({ length: KMS_ALIASES.length }, () => rng.uuid()),
    guardDutyDetector: rng.hex(32),
  };
  regional.set(region, created);
  return created;
}
