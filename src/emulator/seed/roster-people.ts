// The account's people and their pipelines: they work office hours (US Eastern) on weekdays.
// SSO users reach the console through AWSReservedSSO_ roles; two IAM users still have access keys.
import { reads, roleSessions, type ActorDef, type Mix, type ModeDef, type SessionSpec } from './actors';
import { IPS, UA } from './clients';
import {
  consoleUserIdentity,
  ROLES,
  SSO_PEOPLE,
  userIdentity,
  USERS,
  type IamUser,
  type Role,
} from './identities';

/** Administrators browse and change everything, in the console and from the CLI. */
const ADMIN_MIX: Mix = {
  ec2: 10,
  iam: 7,
  s3: 5,
  cloudtrail: 4,
  monitoring: 4,
  logs: 6,
  lambda: 5,
  rds: 3,
  dynamodb: 2,
  kms: 1.5,
  ecs: 3,
  eks: 3,
  ecr: 1,
  cloudformation: 4,
  route53: 1.5,
  config: 1.5,
  guardduty: 1.5,
  organizations: 1.5,
  events: 1,
  autoscaling: 2,
  elasticloadbalancing: 2.5,
  sns: 1,
  sqs: 1,
  ssm: 2,
  secretsmanager: 1,
  sts: { GetCallerIdentity: 1, AssumeRole: 0.3 },
};

const PERSONAL_IPS = [...IPS.office, ...IPS.home];

/** SSO sessions of one person; console and CLI sign in separately, so their credentials differ. */
function ssoSessions(role: Role, email: string, client: 'console' | 'cli'): SessionSpec {
  return roleSessions(role, [email], 10, {}, `${email}:${client}`);
}

function consoleMode(weight: number, session: SessionSpec): ModeDef {
  return {
    weight,
    session,
    userAgents: [UA.console, UA.console, UA.internal],
    ips: PERSONAL_IPS,
    stickyIp: true,
    console: true,
  };
}

function iamUserConsole(user: IamUser, weight: number): ModeDef {
  return consoleMode(weight, { hours: 10, names: [user.name], make: (s) => consoleUserIdentity(user, s) });
}

const [priya, tom, alex] = SSO_PEOPLE;

export const PEOPLE: readonly ActorDef[] = [
  {
    id: 'priya',
    kind: 'human',
    weight: 18,
    modes: [
      consoleMode(7, ssoSessions(priya.role, priya.email, 'console')),
      {
        weight: 3,
        session: ssoSessions(priya.role, priya.email, 'cli'),
        userAgents: [UA.cliMac],
        ips: PERSONAL_IPS,
        stickyIp: true,
      },
    ],
    mix: ADMIN_MIX,
    errorFactor: 2,
  },
  {
    id: 'tom',
    kind: 'human',
    weight: 14,
    modes: [
      consoleMode(5, ssoSessions(tom.role, tom.email, 'console')),
      {
        weight: 5,
        session: ssoSessions(tom.role, tom.email, 'cli'),
        userAgents: [UA.cliLinux, UA.boto3],
        ips: PERSONAL_IPS,
        stickyIp: true,
      },
    ],
    mix: ADMIN_MIX,
    errorFactor: 2,
  },
  {
    id: 'alex',
    kind: 'human',
    weight: 8,
    modes: [consoleMode(1, ssoSessions(alex.role, alex.email, 'console'))],
    mix: {
      ec2: reads('ec2', 8),
      iam: reads('iam', 8),
      s3: 4,
      cloudtrail: reads('cloudtrail', 6),
      config: reads('config', 3),
      guardduty: reads('guardduty', 3),
      organizations: reads('organizations', 2),
      kms: reads('kms', 2),
      logs: reads('logs', 3),
      monitoring: reads('monitoring', 2),
      rds: reads('rds', 1),
      lambda: 2,
      secretsmanager: 1,
    },
    deniedWrites: 0.97,
  },
  {
    id: 'maria',
    kind: 'human',
    weight: 10,
    modes: [
      {
        weight: 6,
        identity: userIdentity(USERS.maria),
        userAgents: [UA.cliMac],
        ips: PERSONAL_IPS,
        stickyIp: true,
      },
      iamUserConsole(USERS.maria, 4),
    ],
    mix: ADMIN_MIX,
    errorFactor: 2,
  },
  {
    id: 'jordan',
    kind: 'human',
    weight: 8,
    modes: [
      {
        weight: 8,
        identity: userIdentity(USERS.jordan),
        userAgents: [UA.cliLinux, UA.boto3],
        ips: PERSONAL_IPS,
        stickyIp: true,
      },
      iamUserConsole(USERS.jordan, 2),
    ],
    mix: {
      lambda: 8,
      dynamodb: 4,
      logs: 8,
      s3: 3,
      cloudformation: 3,
      sqs: 2,
      ssm: { GetParameter: 2, GetParametersByPath: 1, DescribeParameters: 0.5 },
      iam: {
        GetUser: 1,
        ListAttachedUserPolicies: 1,
        GetPolicy: 0.5,
        GetPolicyVersion: 0.5,
        ListRoles: 0.5,
        CreateRole: 0.1,
        AttachRolePolicy: 0.1,
        PutRolePolicy: 0.1,
      },
      ec2: { DescribeInstances: 1, DescribeSecurityGroups: 0.5, AuthorizeSecurityGroupIngress: 0.1 },
      monitoring: { GetMetricData: 1, DescribeAlarms: 0.5 },
      sts: { GetCallerIdentity: 0.5, AssumeRole: 0.05 },
    },
    deniedWrites: 0.25,
    errorFactor: 3,
  },
  {
    id: 'deploy',
    kind: 'human',
    weight: 12,
    modes: [
      {
        weight: 1,
        session: roleSessions(ROLES.deploy, ['GitHubActions'], 1),
        userAgents: [UA.terraform, UA.terraform, UA.terraform, UA.cliLinux, UA.cdk],
        ips: IPS.ci,
      },
    ],
    mix: {
      cloudformation: 6,
      ecr: {
        GetAuthorizationToken: 3,
        BatchCheckLayerAvailability: 2,
        InitiateLayerUpload: 1,
        UploadLayerPart: 2,
        CompleteLayerUpload: 1,
        PutImage: 0.5,
        DescribeImages: 1,
        DescribeRepositories: 1,
      },
      ecs: {
        DescribeServices: 3,
        RegisterTaskDefinition: 0.5,
        UpdateService: 0.5,
        DescribeTaskDefinition: 1,
        ListTasks: 0.5,
      },
      lambda: {
        GetFunction20150331v2: 2,
        UpdateFunctionCode20150331v2: 0.6,
        UpdateFunctionConfiguration20150331v2: 0.3,
        PublishVersion20150331: 0.3,
        UpdateAlias20150331: 0.3,
        GetFunctionConfiguration20150331v2: 1,
        ListVersionsByFunction20150331: 0.5,
        ListTags20170331: 0.5,
        GetPolicy20150331v2: 0.5,
      },
      s3: reads('s3', 4),
      iam: {
        GetRole: 4,
        ListRolePolicies: 1,
        ListAttachedRolePolicies: 1,
        GetRolePolicy: 1,
        GetPolicy: 1,
        GetPolicyVersion: 1,
        ListInstanceProfilesForRole: 0.5,
      },
      ec2: reads('ec2', 5),
      elasticloadbalancing: reads('elasticloadbalancing', 2),
      route53: {
        ListResourceRecordSets: 1,
        GetHostedZone: 1,
        ListTagsForResource: 0.5,
        ChangeResourceRecordSets: 0.1,
        GetChange: 0.2,
      },
      events: reads('events', 1),
      logs: { DescribeLogGroups: 1, ListTagsForResource: 0.5, PutRetentionPolicy: 0.05 },
      sns: reads('sns', 0.5),
      sqs: reads('sqs', 0.5),
      dynamodb: {
        DescribeTable: 1,
        DescribeContinuousBackups: 0.5,
        DescribeTimeToLive: 0.5,
        ListTagsOfResource: 0.5,
      },
      kms: { DescribeKey: 1, GetKeyPolicy: 0.3, GetKeyRotationStatus: 0.3, ListResourceTags: 0.3 },
      sts: { GetCallerIdentity: 1 },
      secretsmanager: { DescribeSecret: 0.5, GetResourcePolicy: 0.2 },
      monitoring: { DescribeAlarms: 0.5 },
      autoscaling: reads('autoscaling', 0.5),
    },
    regions: [
      ['us-east-1', 85],
      ['us-west-2', 10],
      ['eu-west-1', 5],
    ],
    errorFactor: 2,
    // CDK checks for a preview stack that only exists while a pull request is open.
    chronic: [
      {
        service: 'cloudformation',
        name: 'DescribeStacks',
        code: 'ValidationError',
        share: 0.06,
        requestParameters: { stackName: 'shop-preview' },
      },
    ],
  },
  {
    id: 'ops',
    kind: 'human',
    weight: 2,
    modes: [
      {
        weight: 1,
        session: roleSessions(ROLES.ops, ['ops-runbook'], 1),
        userAgents: [UA.boto3],
        ips: IPS.nat,
      },
    ],
    mix: {
      ssm: {
        DescribeInstanceInformation: 2,
        ListCommands: 1,
        ListCommandInvocations: 2,
        GetCommandInvocation: 2,
      },
      ec2: { DescribeInstances: 2, DescribeInstanceStatus: 1 },
      autoscaling: { DescribeAutoScalingGroups: 1 },
    },
    regions: [['us-east-1', 1]],
  },
];
