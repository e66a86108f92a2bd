// DynamoDB (management APIs only: item reads and writes are data events) and RDS.
import { ACCOUNT_ID, DB_CLUSTER, DB_INSTANCES, TABLES } from '../resources';
import { defineService, err, fixed, named, notAuthorized, param, throttled } from './define';
import type { Builder } from './types';

const table = named('tableName', TABLES);
const tableArn: Builder = (c) => ({
  requestParameters: {
    resourceArn: `arn:aws:dynamodb:${c.region}:${ACCOUNT_ID}:table/${c.rng.pick(TABLES)}`,
  },
});
const dynamoDenied = err('AccessDeniedException', 1, notAuthorized);
const noTable = err(
  'ResourceNotFoundException',
  1,
  (c) => `Requested resource not found: Table: ${param(c.params, 'tableName')} not found`,
);

export const dynamodb = defineService(
  {
    key: 'dynamodb',
    source: 'dynamodb.amazonaws.com',
    apiVersion: '2012-08-10',
    denied: dynamoDenied,
    errors: [noTable, dynamoDenied, throttled()],
    errorRate: 0.015,
    build: table,
  },
  [
    ['DescribeTable', 30, { build: table, errorRate: 0.015 }],
    ['ListTables', 10, fixed({})],
    ['DescribeContinuousBackups', 4],
    ['DescribeTimeToLive', 4],
    ['ListTagsOfResource', 4, tableArn],
    ['DescribeLimits', 1, fixed({})],
    ['DescribeKinesisStreamingDestination', 1],
    ['DescribeContributorInsights', 1],
    ['ListBackups', 2, fixed({ backupType: 'ALL' })],
    ['ListGlobalTables', 0.5, fixed({})],
    ['DescribeEndpoints', 0.5, fixed({})],
    [
      'CreateBackup',
      0.4,
      (c) => ({
        requestParameters: { tableName: c.rng.pick(TABLES), backupName: `nightly-${c.rng.hex(6)}` },
      }),
    ],
    [
      'DeleteBackup',
      0.3,
      (c) => ({
        requestParameters: {
          backupArn: `arn:aws:dynamodb:${c.region}:${ACCOUNT_ID}:table/orders/backup/0${c.rng.between(1_700_000_000, 1_799_999_999)}000-${c.rng.hex(8)}`,
        },
      }),
    ],
    [
      'CreateTable',
      0.03,
      {
        build: (c) => ({
          requestParameters: {
            tableName: `${c.rng.pick(TABLES)}-v2`,
            billingMode: 'PAY_PER_REQUEST',
            keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
            attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
          },
        }),
        errors: [
          err('ResourceInUseException', 1, (c) => `Table already exists: ${param(c.params, 'tableName')}`),
          dynamoDenied,
        ],
      },
    ],
    ['UpdateTable', 0.08],
    ['DeleteTable', 0.02],
    ['TagResource', 0.04, tableArn],
    [
      'UpdateTimeToLive',
      0.02,
      (c) => ({
        requestParameters: {
          tableName: c.rng.pick(TABLES),
          timeToLiveSpecification: { enabled: true, attributeName: 'expiresAt' },
        },
      }),
    ],
    [
      'UpdateContinuousBackups',
      0.02,
      (c) => ({
        requestParameters: {
          tableName: c.rng.pick(TABLES),
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        },
      }),
    ],
  ],
);

const instance = named('dBInstanceIdentifier', DB_INSTANCES);
const clusterParams = fixed({ dBClusterIdentifier: DB_CLUSTER });
const rdsDenied = err('AccessDenied', 1, notAuthorized);
const noInstance = err(
  'DBInstanceNotFound',
  1,
  (c) => `DBInstance ${param(c.params, 'dBInstanceIdentifier')} not found.`,
);

export const rds = defineService(
  {
    key: 'rds',
    source: 'rds.amazonaws.com',
    eventVersion: '1.08',
    denied: rdsDenied,
    errors: [rdsDenied, throttled('Throttling')],
    errorRate: 0.01,
  },
  [
    ['DescribeDBInstances', 20, { build: instance, errors: [noInstance, rdsDenied], errorRate: 0.01 }],
    ['DescribeDBClusters', 15, clusterParams],
    ['DescribeDBSnapshots', 4, instance],
    ['DescribeDBClusterSnapshots', 4, clusterParams],
    ['DescribeDBParameterGroups', 2],
    ['DescribeDBClusterParameterGroups', 2],
    ['DescribeDBSubnetGroups', 2],
    ['DescribeEvents', 3, fixed({ duration: 1440 })],
    ['DescribeDBEngineVersions', 2, fixed({ engine: 'aurora-postgresql' })],
    ['DescribeOrderableDBInstanceOptions', 1, fixed({ engine: 'aurora-postgresql' })],
    ['DescribePendingMaintenanceActions', 2],
    ['DescribeDBLogFiles', 2, instance],
    ['DescribeCertificates', 1],
    [
      'ListTagsForResource',
      5,
      (c) => ({
        requestParameters: {
          resourceName: `arn:aws:rds:${c.region}:${ACCOUNT_ID}:db:${c.rng.pick(DB_INSTANCES)}`,
        },
      }),
    ],
    ['DescribeDBProxies', 1],
    ['DescribeGlobalClusters', 1],
    ['DescribeOptionGroups', 1],
    ['DescribeEventSubscriptions', 1],
    [
      'CreateDBClusterSnapshot',
      0.3,
      (c) => ({
        requestParameters: {
          dBClusterIdentifier: DB_CLUSTER,
          dBClusterSnapshotIdentifier: `backup-agent-${c.rng.hex(8)}`,
        },
      }),
    ],
    [
      'DeleteDBClusterSnapshot',
      0.3,
      (c) => ({ requestParameters: { dBClusterSnapshotIdentifier: `backup-agent-${c.rng.hex(8)}` } }),
    ],
    [
      'ModifyDBInstance',
      0.04,
      (c) => ({
        requestParameters: {
          dBInstanceIdentifier: c.rng.pick(DB_INSTANCES),
          applyImmediately: false,
          dBInstanceClass: 'db.r6g.large',
        },
      }),
    ],
    [
      'ModifyDBCluster',
      0.02,
      (c) => ({
        requestParameters: {
          dBClusterIdentifier: DB_CLUSTER,
          applyImmediately: false,
          backupRetentionPeriod: c.rng.pick([7, 14]),
        },
      }),
    ],
    ['RebootDBInstance', 0.02, instance],
    [
      'AddTagsToResource',
      0.04,
      (c) => ({
        requestParameters: {
          resourceName: `arn:aws:rds:${c.region}:${ACCOUNT_ID}:cluster:${DB_CLUSTER}`,
          tags: [{ key: 'backup', value: 'daily' }],
        },
      }),
    ],
    ['StopDBInstance', 0.02, fixed({ dBInstanceIdentifier: 'shop-staging-db' })],
    ['StartDBInstance', 0.02, fixed({ dBInstanceIdentifier: 'shop-staging-db' })],
  ],
);
