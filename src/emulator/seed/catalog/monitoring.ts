// CloudWatch (eventSource monitoring.amazonaws.com, docs/cloudtrail-facts.md#records) and EventBridge.
import { ACCOUNT_ID, EVENT_RULES, FUNCTIONS, TOPICS } from '../resources';
import { defineService, err, fixed, lastThreeHours, named, notAuthorized, param, throttled } from './define';
import type { Builder, CallContext } from './types';

const METRICS = [
  ['AWS/EC2', 'CPUUtilization'],
  ['AWS/Lambda', 'Errors'],
  ['AWS/Lambda', 'Duration'],
  ['AWS/ApplicationELB', 'TargetResponseTime'],
  ['AWS/RDS', 'DatabaseConnections'],
  ['AWS/SQS', 'ApproximateNumberOfMessagesVisible'],
] as const;

const getMetricData: Builder = (c) => {
  const [namespace, metricName] = c.rng.pick(METRICS);
  return {
    requestParameters: {
      metricDataQueries: [
        {
          id: 'm1',
          metricStat: { metric: { namespace, metricName, dimensions: [] }, period: 300, stat: 'Average' },
          returnData: true,
        },
      ],
      ...lastThreeHours(c),
    },
  };
};
const getMetricStatistics: Builder = (c) => {
  const [namespace, metricName] = c.rng.pick(METRICS);
  return {
    requestParameters: {
      namespace,
      metricName,
      ...lastThreeHours(c),
      period: 300,
      statistics: ['Average', 'Maximum'],
    },
  };
};
const alarmName = (c: CallContext) =>
  `${c.rng.pick(['orders-api', 'shop-web', 'aurora', 'checkout'])}-${c.rng.pick(['5xx', 'latency-p99', 'cpu-high', 'errors'])}`;
const alarms: Builder = (c) => ({ requestParameters: { alarmNames: [alarmName(c)] } });
const cwDenied = err('AccessDenied', 1, notAuthorized);

export const monitoring = defineService(
  {
    key: 'monitoring',
    source: 'monitoring.amazonaws.com',
    actionPrefix: 'cloudwatch',
    eventVersion: '1.08',
    denied: cwDenied,
    errors: [throttled('Throttling'), cwDenied],
    errorRate: 0.01,
    build: fixed({}),
  },
  [
    ['GetMetricData', 60, getMetricData],
    ['ListMetrics', 15, (c) => ({ requestParameters: { namespace: c.rng.pick(METRICS)[0] } })],
    ['DescribeAlarms', 25, fixed({ stateValue: 'ALARM', maxRecords: 100 })],
    ['GetMetricStatistics', 20, getMetricStatistics],
    [
      'DescribeAlarmHistory',
      3,
      (c) => ({ requestParameters: { alarmName: alarmName(c), historyItemType: 'StateUpdate' } }),
    ],
    [
      'DescribeAlarmsForMetric',
      2,
      (c) => ({
        requestParameters: { namespace: c.rng.pick(METRICS)[0], metricName: c.rng.pick(METRICS)[1] },
      }),
    ],
    ['ListDashboards', 2],
    [
      'GetDashboard',
      3,
      (c) => ({ requestParameters: { dashboardName: c.rng.pick(['shop-overview', 'checkout', 'aurora']) } }),
    ],
    [
      'ListTagsForResource',
      1,
      (c) => ({
        requestParameters: {
          resourceARN: `arn:aws:cloudwatch:${c.region}:${ACCOUNT_ID}:alarm:${alarmName(c)}`,
        },
      }),
    ],
    ['DescribeAnomalyDetectors', 1],
    ['DescribeInsightRules', 1],
    [
      'GetMetricWidgetImage',
      0.5,
      fixed({ metricWidget: '{"metrics":[["AWS/EC2","CPUUtilization"]]}', outputFormat: 'png' }),
    ],
    [
      'PutMetricAlarm',
      0.3,
      (c) => ({
        requestParameters: {
          alarmName: alarmName(c),
          metricName: 'Errors',
          namespace: 'AWS/Lambda',
          statistic: 'Sum',
          period: 60,
          evaluationPeriods: 5,
          threshold: 5,
          comparisonOperator: 'GreaterThanThreshold',
          alarmActions: [`arn:aws:sns:${c.region}:${ACCOUNT_ID}:${TOPICS[2]!}`],
        },
      }),
    ],
    ['DeleteAlarms', 0.05, alarms],
    [
      'SetAlarmState',
      0.02,
      (c) => ({
        requestParameters: { alarmName: alarmName(c), stateValue: 'OK', stateReason: 'testing notification' },
      }),
    ],
    ['PutDashboard', 0.1, fixed({ dashboardName: 'shop-overview' })],
    ['EnableAlarmActions', 0.02, alarms],
    ['DisableAlarmActions', 0.02, alarms],
  ],
);

const ruleName = named('name', EVENT_RULES);
const eventsDenied = err('AccessDeniedException', 1, notAuthorized);

export const events = defineService(
  {
    key: 'events',
    source: 'events.amazonaws.com',
    denied: eventsDenied,
    errors: [
      err(
        'ResourceNotFoundException',
        1,
        (c) => `Rule ${param(c.params, 'name', 'shop-legacy-cron')} does not exist on EventBus default.`,
      ),
      eventsDenied,
    ],
    errorRate: 0.012,
    build: ruleName,
  },
  [
    ['ListRules', 5, fixed({ limit: 100 })],
    ['DescribeRule', 5],
    ['ListTargetsByRule', 5, (c) => ({ requestParameters: { rule: c.rng.pick(EVENT_RULES) } })],
    ['ListEventBuses', 2, fixed({})],
    ['DescribeEventBus', 2, fixed({ name: 'default' })],
    [
      'ListTagsForResource',
      1,
      (c) => ({
        requestParameters: {
          resourceARN: `arn:aws:events:${c.region}:${ACCOUNT_ID}:rule/${c.rng.pick(EVENT_RULES)}`,
        },
      }),
    ],
    ['ListConnections', 0.5, fixed({})],
    ['ListApiDestinations', 0.5, fixed({})],
    [
      'PutRule',
      0.2,
      (c) => ({
        requestParameters: {
          name: c.rng.pick(EVENT_RULES),
          scheduleExpression: 'cron(0 6 * * ? *)',
          state: 'ENABLED',
        },
        responseElements: {
          ruleArn: `arn:aws:events:${c.region}:${ACCOUNT_ID}:rule/${c.rng.pick(EVENT_RULES)}`,
        },
      }),
    ],
    [
      'PutTargets',
      0.2,
      (c) => ({
        requestParameters: {
          rule: c.rng.pick(EVENT_RULES),
          targets: [
            { id: '1', arn: `arn:aws:lambda:${c.region}:${ACCOUNT_ID}:function:${c.rng.pick(FUNCTIONS)}` },
          ],
        },
        responseElements: { failedEntryCount: 0, failedEntries: [] },
      }),
    ],
    ['RemoveTargets', 0.05, (c) => ({ requestParameters: { rule: c.rng.pick(EVENT_RULES), ids: ['1'] } })],
    ['DisableRule', 0.05],
    ['EnableRule', 0.05],
    ['DeleteRule', 0.02],
  ],
);
