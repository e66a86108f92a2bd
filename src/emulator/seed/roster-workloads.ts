// The shop's workloads: instance profiles on EC2 and EKS nodes, the SSM agent, Lambda functions and
// ECS tasks. They run around the clock with temporary credentials (ASIA…) that rotate every few hours.
import { roleSessions, type ActorDef } from './actors';
import { IPS, UA } from './clients';
import { ROLES } from './identities';
import { HOME_REGION_ONLY, regionalIds } from './resources';

const HOME = regionalIds('us-east-1');
const WEB_INSTANCES = HOME.instances.slice(0, 3);
const EKS_INSTANCES = HOME.instances.slice(3, 9);
const webSessions = roleSessions(ROLES.webApp, WEB_INSTANCES, 6, { ec2RoleDelivery: '2.0' }, 'web-app');
const eksSessions = roleSessions(ROLES.eksNode, EKS_INSTANCES, 6, { ec2RoleDelivery: '2.0' }, 'eks-nodes');

export const WORKLOADS: readonly ActorDef[] = [
  {
    id: 'web-app',
    kind: 'machine',
    weight: 14,
    modes: [{ weight: 1, session: webSessions, userAgents: [UA.boto3], ips: IPS.nat }],
    mix: {
      ssm: { GetParameter: 14, GetParameters: 6, GetParametersByPath: 3 },
      kms: { Decrypt: 12, GenerateDataKey: 3 },
      secretsmanager: { GetSecretValue: 8 },
      ec2: { DescribeTags: 2, DescribeInstances: 1 },
      logs: { DescribeLogStreams: 2 },
      sts: { GetCallerIdentity: 2 },
      s3: { GetBucketLocation: 2, ListBuckets: 1 },
      sqs: { GetQueueUrl: 3, GetQueueAttributes: 3 },
      sns: { GetTopicAttributes: 1 },
    },
    regions: HOME_REGION_ONLY,
    // The app still polls a parameter that was renamed months ago.
    chronic: [
      {
        service: 'ssm',
        name: 'GetParameter',
        code: 'ParameterNotFound',
        share: 0.1,
        requestParameters: { name: '/shop/prod/feature-flags-v2', withDecryption: true },
      },
    ],
  },
  {
    id: 'ssm-agent',
    kind: 'machine',
    weight: 12,
    modes: [
      {
        weight: 1,
        session: webSessions,
        userAgents: [UA.ssmAgent],
        ips: IPS.vpc,
        vpcEndpointId: 'vpce-0c7e1b2a3d4f56789',
      },
      {
        weight: 2,
        session: eksSessions,
        userAgents: [UA.ssmAgent],
        ips: IPS.nat,
      },
    ],
    mix: {
      ssm: {
        UpdateInstanceInformation: 20,
        ListInstanceAssociations: 6,
        PutInventory: 1,
        PutComplianceItems: 1,
        GetDeployablePatchSnapshotForInstance: 0.2,
        GetDocument: 0.5,
      },
    },
    regions: HOME_REGION_ONLY,
    errorFactor: 0.5,
    // Many agents reporting at once hit the account's SSM rate limit (as in real logs).
    chronic: [
      { service: 'ssm', name: 'UpdateInstanceInformation', code: 'ThrottlingException', share: 0.07 },
    ],
  },
  {
    id: 'eks-nodes',
    kind: 'machine',
    weight: 7,
    modes: [
      {
        weight: 1,
        session: eksSessions,
        userAgents: [UA.vpcCni],
        ips: IPS.nat,
      },
    ],
    mix: {
      ec2: {
        DescribeNetworkInterfaces: 8,
        AssignPrivateIpAddresses: 1,
        UnassignPrivateIpAddresses: 0.8,
        CreateNetworkInterface: 0.4,
        AttachNetworkInterface: 0.4,
        DeleteNetworkInterface: 0.3,
        DescribeInstances: 3,
        DescribeInstanceTypes: 1,
        CreateTags: 0.4,
        DescribeSubnets: 0.5,
      },
      ecr: { GetAuthorizationToken: 3, BatchGetImage: 1.5, GetDownloadUrlForLayer: 2 },
      eks: { DescribeCluster: 1 },
    },
    regions: HOME_REGION_ONLY,
    chronic: [
      { service: 'ec2', name: 'DescribeInstanceTypes', code: 'Client.UnauthorizedOperation', share: 0.06 },
    ],
  },
  {
    id: 'lambda-functions',
    kind: 'machine',
    weight: 12,
    modes: [
      {
        weight: 5,
        session: roleSessions(ROLES.ordersLambda, ['orders-api', 'stripe-webhook'], 12),
        userAgents: [UA.sdkJsLambda],
        ips: IPS.nat,
      },
      {
        weight: 2,
        session: roleSessions(ROLES.resizerLambda, ['image-resizer'], 12),
        userAgents: [UA.sdkJsLambda],
        ips: IPS.nat,
      },
      {
        weight: 1,
        session: roleSessions(ROLES.reportLambda, ['nightly-report'], 12),
        userAgents: [UA.boto3Lambda],
        ips: IPS.nat,
      },
    ],
    mix: {
      kms: { Decrypt: 10, GenerateDataKey: 2 },
      secretsmanager: { GetSecretValue: 6 },
      ssm: { GetParameter: 8, GetParametersByPath: 2 },
      dynamodb: { DescribeTable: 2 },
      sqs: { GetQueueUrl: 1, GetQueueAttributes: 1 },
      sts: { GetCallerIdentity: 0.5 },
    },
    // image-resizer's role is missing kms:Decrypt on the bucket key.
    chronic: [{ service: 'kms', name: 'Decrypt', code: 'AccessDeniedException', share: 0.1 }],
  },
  {
    id: 'ecs-tasks',
    kind: 'machine',
    weight: 6,
    modes: [
      {
        weight: 1,
        session: roleSessions(
          ROLES.taskExecution,
          [
            '4f1d2c9a8b7e6d5c4b3a291807f6e5d4',
            'a9b8c7d6e5f40312233445566778899a',
            '0e1d2c3b4a5968778695a4b3c2d1e0f9',
          ],
          6,
        ),
        userAgents: [UA.ecsAgent],
        ips: IPS.nat,
      },
    ],
    mix: {
      ecr: {
        GetAuthorizationToken: 3,
        BatchGetImage: 2,
        GetDownloadUrlForLayer: 4,
        BatchCheckLayerAvailability: 0.5,
      },
      logs: { CreateLogStream: 3, DescribeLogGroups: 0.3 },
      secretsmanager: { GetSecretValue: 2 },
      ssm: { GetParameters: 2 },
      kms: { Decrypt: 2 },
      ecs: { SubmitTaskStateChange: 1, SubmitContainerStateChange: 1 },
    },
    regions: HOME_REGION_ONLY,
    chronic: [
      { service: 'logs', name: 'CreateLogStream', code: 'ResourceAlreadyExistsException', share: 0.12 },
    ],
  },
];
