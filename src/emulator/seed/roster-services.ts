// AWS services at work in the account: service principals assuming roles, CloudTrail delivering logs,
// and services acting through their service-linked roles (sourceIPAddress and userAgent are the service).
import { reads, roleSessions, type ActorDef, type ModeDef } from './actors';
import { ROLES, serviceIdentity, type Role } from './identities';
import { HOME_REGION_ONLY, REGIONS_EVENLY } from './resources';

/** A service principal calling as itself (e.g. lambda.amazonaws.com assuming a function's role). */
function asService(service: string, weight: number): ModeDef {
  return { weight, identity: serviceIdentity(service), service, userAgents: [service], ips: [] };
}

/** A service acting through its service-linked role: invokedBy and the service's name as source. */
function serviceLinked(role: Role, service: string, session: string): ModeDef {
  return {
    weight: 1,
    session: roleSessions(role, [session], 1, { invokedBy: service }),
    service,
    userAgents: [service],
    ips: [],
  };
}

export const AWS_SERVICES: readonly ActorDef[] = [
  {
    id: 'service-principals',
    kind: 'machine',
    weight: 10,
    modes: [
      asService('lambda.amazonaws.com', 5),
      asService('ecs-tasks.amazonaws.com', 3),
      asService('ec2.amazonaws.com', 1.5),
      asService('config.amazonaws.com', 0.4),
      asService('eks.amazonaws.com', 0.3),
      asService('autoscaling.amazonaws.com', 0.2),
      asService('guardduty.amazonaws.com', 0.1),
    ],
    mix: { sts: { AssumeRole: 1 } },
    regions: HOME_REGION_ONLY,
    errorFactor: 0.2,
  },
  {
    id: 'cloudtrail-delivery',
    kind: 'machine',
    weight: 5,
    modes: [asService('cloudtrail.amazonaws.com', 1)],
    mix: { kms: { GenerateDataKey: 1 } },
    regions: HOME_REGION_ONLY,
    errorFactor: 0,
  },
  {
    id: 'config-recorder',
    kind: 'machine',
    weight: 9,
    modes: [serviceLinked(ROLES.config, 'config.amazonaws.com', 'AWSConfig-Describe')],
    mix: {
      ec2: reads('ec2', 10),
      s3: {
        GetBucketAcl: 2,
        GetBucketPolicy: 2,
        GetBucketVersioning: 1,
        GetBucketLogging: 1,
        GetBucketEncryption: 1,
        GetBucketTagging: 1,
        GetBucketLifecycle: 0.6,
        GetBucketWebsite: 0.3,
        GetBucketCors: 0.3,
        GetBucketReplication: 0.3,
        GetBucketPublicAccessBlock: 1,
        GetBucketObjectLockConfiguration: 0.2,
        GetBucketOwnershipControls: 0.5,
        GetBucketNotification: 0.5,
        GetBucketPolicyStatus: 0.5,
        GetBucketLocation: 1,
      },
      iam: reads('iam', 4),
      rds: reads('rds', 2),
      lambda: reads('lambda', 2),
      kms: { DescribeKey: 1, GetKeyRotationStatus: 0.5, GetKeyPolicy: 0.5, ListResourceTags: 0.5 },
      sns: reads('sns', 1),
      sqs: reads('sqs', 1),
      cloudtrail: { DescribeTrails: 0.5, GetTrailStatus: 0.5, GetEventSelectors: 0.5 },
      elasticloadbalancing: reads('elasticloadbalancing', 1),
      autoscaling: reads('autoscaling', 1),
      dynamodb: reads('dynamodb', 1),
      ecs: reads('ecs', 0.5),
      eks: reads('eks', 0.5),
      secretsmanager: { DescribeSecret: 0.3, GetResourcePolicy: 0.2, ListSecrets: 0.2 },
      config: { PutEvaluations: 3 },
    },
    regions: REGIONS_EVENLY,
    errorFactor: 0.8,
  },
  {
    id: 'autoscaling',
    kind: 'machine',
    weight: 2,
    modes: [serviceLinked(ROLES.autoScaling, 'autoscaling.amazonaws.com', 'AutoScaling')],
    mix: {
      ec2: {
        DescribeInstances: 3,
        DescribeInstanceStatus: 2,
        RunInstances: 0.4,
        TerminateInstances: 0.4,
        CreateTags: 0.4,
        DescribeLaunchTemplateVersions: 1,
        DescribeSubnets: 0.5,
      },
      elasticloadbalancing: { RegisterTargets: 0.3, DeregisterTargets: 0.3, DescribeTargetHealth: 1 },
      kms: { CreateGrant: 0.3 },
    },
    regions: HOME_REGION_ONLY,
    errorFactor: 0.3,
  },
  {
    id: 'ecs-service',
    kind: 'machine',
    weight: 3,
    modes: [serviceLinked(ROLES.ecs, 'ecs.amazonaws.com', 'ecs-service-scheduler')],
    mix: {
      ec2: {
        CreateNetworkInterface: 1,
        DeleteNetworkInterface: 1,
        DescribeNetworkInterfaces: 2,
        DescribeSubnets: 1,
        DescribeSecurityGroups: 0.5,
      },
      elasticloadbalancing: {
        RegisterTargets: 1,
        DeregisterTargets: 1,
        DescribeTargetHealth: 3,
        DescribeTargetGroups: 1,
      },
    },
    regions: HOME_REGION_ONLY,
  },
  {
    id: 'eks-control-plane',
    kind: 'machine',
    weight: 3,
    modes: [serviceLinked(ROLES.eksCluster, 'eks.amazonaws.com', 'AmazonEKS')],
    mix: {
      ec2: {
        DescribeInstances: 2,
        DescribeNetworkInterfaces: 2,
        DescribeSecurityGroups: 1,
        DescribeSubnets: 1,
        CreateNetworkInterface: 0.2,
        DeleteNetworkInterface: 0.2,
        ModifyNetworkInterfaceAttribute: 0.2,
        DescribeVpcs: 0.5,
        DescribeRouteTables: 0.3,
      },
      elasticloadbalancing: { DescribeLoadBalancers: 1, DescribeTargetGroups: 0.5, DescribeTargetHealth: 1 },
      autoscaling: { DescribeAutoScalingGroups: 1 },
    },
    regions: HOME_REGION_ONLY,
  },
  {
    id: 'guardduty',
    kind: 'machine',
    weight: 2,
    modes: [serviceLinked(ROLES.guardDuty, 'guardduty.amazonaws.com', 'GuardDuty')],
    mix: {
      ec2: reads('ec2', 3),
      s3: {
        ListBuckets: 1,
        GetBucketAcl: 1,
        GetBucketPolicyStatus: 1,
        GetBucketPublicAccessBlock: 1,
        GetBucketEncryption: 1,
        GetBucketLocation: 1,
      },
      eks: { ListClusters: 0.5, DescribeCluster: 0.5 },
      ecs: { ListClusters: 0.3, DescribeClusters: 0.3 },
      lambda: { ListFunctions20150331: 0.3 },
    },
    regions: REGIONS_EVENLY,
    errorFactor: 0.3,
  },
];
