// Scripts behind long-lived IAM user keys (AKIA…) and the federated sessions one of them hands out.
import type { UserIdentity } from '@/domain/record';
import type { ActorDef, ModeDef } from './actors';
import { IPS, UA } from './clients';
import { federatedIdentity, userIdentity, USERS } from './identities';
import { HOME_REGION_ONLY, REGIONS_EVENLY } from './resources';

function keyUser(
  identity: UserIdentity,
  userAgent: string,
  ips: readonly string[],
  legacyTls = false,
): ModeDef {
  return { weight: 1, identity, userAgents: [userAgent], ips, legacyTls };
}

export const SCRIPTS: readonly ActorDef[] = [
  {
    id: 'grafana',
    kind: 'machine',
    weight: 7,
    modes: [keyUser(userIdentity(USERS.grafana), UA.grafana, IPS.grafana)],
    mix: {
      monitoring: { GetMetricData: 20, ListMetrics: 4, DescribeAlarms: 3, GetMetricStatistics: 3 },
      logs: { StartQuery: 1.5, GetQueryResults: 4, DescribeLogGroups: 1.5, StopQuery: 0.1 },
      ec2: { DescribeInstances: 1, DescribeRegions: 0.5 },
    },
    regions: REGIONS_EVENLY,
    chronic: [{ service: 'monitoring', name: 'GetMetricData', code: 'Throttling', share: 0.08 }],
  },
  {
    id: 'data-pipeline',
    kind: 'machine',
    weight: 5,
    modes: [keyUser(userIdentity(USERS.dataPipeline), UA.boto3, IPS.nat)],
    mix: {
      s3: { ListBuckets: 2, GetBucketLocation: 4 },
      kms: { GenerateDataKey: 3, Decrypt: 3 },
      dynamodb: { DescribeTable: 4, ListTables: 0.5 },
      sts: { GetCallerIdentity: 2, GetFederationToken: 0.3 },
      sqs: { GetQueueUrl: 2, GetQueueAttributes: 2 },
    },
    // A job still describes a table that was archived and deleted.
    chronic: [
      {
        service: 'dynamodb',
        name: 'DescribeTable',
        code: 'ResourceNotFoundException',
        share: 0.1,
        requestParameters: { tableName: 'orders-archive-2023' },
      },
    ],
  },
  {
    id: 'reporting',
    kind: 'machine',
    weight: 1.5,
    modes: [
      {
        weight: 1,
        session: {
          hours: 12,
          names: ['reporting-daily'],
          make: (s) => federatedIdentity(USERS.dataPipeline, s),
        },
        userAgents: [UA.boto3],
        ips: IPS.nat,
      },
    ],
    mix: {
      s3: { ListBuckets: 1, GetBucketLocation: 2 },
      dynamodb: { DescribeTable: 2, ListTables: 1 },
      monitoring: { GetMetricStatistics: 2 },
      kms: { Decrypt: 1 },
    },
    regions: HOME_REGION_ONLY,
  },
  {
    id: 'jenkins',
    kind: 'machine',
    weight: 1.2,
    modes: [keyUser(userIdentity(USERS.jenkins), UA.cliV1Legacy, IPS.jenkins, true)],
    mix: {
      ecr: { GetAuthorizationToken: 3, DescribeImages: 1, BatchCheckLayerAvailability: 0.5 },
      ecs: { DescribeServices: 1, ListServices: 0.3 },
      s3: { ListBuckets: 0.3 },
      sts: { GetCallerIdentity: 0.5 },
    },
    regions: HOME_REGION_ONLY,
  },
];
