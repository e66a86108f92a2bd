// CloudWatch Logs: log streams of functions and containers, and people searching their logs.
import { ACCOUNT_ID, FUNCTIONS, LOG_GROUPS } from '../resources';
import { defineService, err, fixed, lastThreeHours, named, notAuthorized, throttled } from './define';
import type { Builder } from './types';

const group = named('logGroupName', LOG_GROUPS);
const stream: Builder = (c) => ({
  requestParameters: {
    logGroupName: c.rng.pick(LOG_GROUPS),
    logStreamName: `2025/01/01/[$LATEST]${c.rng.hex(32)}`,
  },
});
const logsDenied = err('AccessDeniedException', 1, notAuthorized);
const noGroup = err('ResourceNotFoundException', 1, () => 'The specified log group does not exist.');
const streamExists = err(
  'ResourceAlreadyExistsException',
  1,
  () => 'The specified log stream already exists',
);

export const logs = defineService(
  {
    key: 'logs',
    source: 'logs.amazonaws.com',
    denied: logsDenied,
    errors: [noGroup, logsDenied, throttled()],
    errorRate: 0.015,
    build: group,
    machineOnly: ['CreateLogStream'],
  },
  [
    ['DescribeLogGroups', 20, fixed({ limit: 50 })],
    [
      'DescribeLogStreams',
      20,
      (c) => ({
        requestParameters: {
          logGroupName: c.rng.pick(LOG_GROUPS),
          orderBy: 'LastEventTime',
          descending: true,
          limit: 50,
        },
      }),
    ],
    ['CreateLogStream', 25, { build: stream, errors: [streamExists, noGroup], errorRate: 0.02 }],
    [
      'FilterLogEvents',
      10,
      (c) => ({
        requestParameters: {
          logGroupName: c.rng.pick(LOG_GROUPS),
          filterPattern: c.rng.pick(['ERROR', '"Task timed out"', '{ $.level = "error" }']),
          ...lastThreeHours(c),
        },
      }),
    ],
    ['GetLogEvents', 8, stream],
    [
      'StartQuery',
      5,
      {
        build: (c) => ({
          requestParameters: {
            logGroupNames: [c.rng.pick(LOG_GROUPS)],
            queryString:
              'fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 100',
            ...lastThreeHours(c),
          },
        }),
        readOnly: true,
      },
    ],
    ['GetQueryResults', 15, (c) => ({ requestParameters: { queryId: c.rng.uuid() } })],
    ['StopQuery', 0.5, (c) => ({ requestParameters: { queryId: c.rng.uuid() } })],
    ['DescribeQueries', 1, fixed({ status: 'Running' })],
    ['DescribeMetricFilters', 2],
    ['DescribeSubscriptionFilters', 2],
    ['ListTagsLogGroup', 1],
    [
      'ListTagsForResource',
      1,
      (c) => ({
        requestParameters: {
          resourceArn: `arn:aws:logs:${c.region}:${ACCOUNT_ID}:log-group:${c.rng.pick(LOG_GROUPS)}`,
        },
      }),
    ],
    ['DescribeResourcePolicies', 1, fixed({})],
    ['DescribeExportTasks', 0.2, fixed({})],
    ['GetLogRecord', 0.2, (c) => ({ requestParameters: { logRecordPointer: c.rng.alnum(64) } })],
    [
      'StartLiveTail',
      0.2,
      (c) => ({
        requestParameters: {
          logGroupIdentifiers: [`arn:aws:logs:${c.region}:${ACCOUNT_ID}:log-group:${c.rng.pick(LOG_GROUPS)}`],
        },
      }),
    ],
    [
      'CreateLogGroup',
      0.4,
      {
        build: (c) => ({ requestParameters: { logGroupName: `/aws/lambda/${c.rng.pick(FUNCTIONS)}` } }),
        errors: [err('ResourceAlreadyExistsException', 1, () => 'The specified log group already exists')],
        errorRate: 0.3,
      },
    ],
    [
      'PutRetentionPolicy',
      0.3,
      (c) => ({
        requestParameters: {
          logGroupName: c.rng.pick(LOG_GROUPS),
          retentionInDays: c.rng.pick([14, 30, 90]),
        },
      }),
    ],
    ['DeleteLogGroup', 0.03],
    ['PutSubscriptionFilter', 0.03],
    [
      'PutMetricFilter',
      0.04,
      (c) => ({
        requestParameters: {
          logGroupName: c.rng.pick(LOG_GROUPS),
          filterName: 'errors',
          filterPattern: 'ERROR',
          metricTransformations: [{ metricName: 'AppErrors', metricNamespace: 'Shop', metricValue: '1' }],
        },
      }),
    ],
    ['TagLogGroup', 0.03],
  ],
);
