// SNS and SQS management APIs (Publish/SendMessage are not management events and are not generated).
import { ACCOUNT_ID, QUEUES, TOPICS } from '../resources';
import { defineService, err, fixed, notAuthorized } from './define';
import type { Builder, CallContext } from './types';

const topicArn = (c: CallContext) => `arn:aws:sns:${c.region}:${ACCOUNT_ID}:${c.rng.pick(TOPICS)}`;
const topic: Builder = (c) => ({ requestParameters: { topicArn: topicArn(c) } });
const snsDenied = err('AuthorizationError', 1, notAuthorized);

export const sns = defineService(
  {
    key: 'sns',
    source: 'sns.amazonaws.com',
    denied: snsDenied,
    errors: [err('NotFound', 1, () => 'Topic does not exist'), snsDenied],
    errorRate: 0.006,
    build: topic,
  },
  [
    ['ListTopics', 8, fixed({})],
    ['GetTopicAttributes', 10],
    ['ListSubscriptions', 4, fixed({})],
    ['ListSubscriptionsByTopic', 5],
    [
      'GetSubscriptionAttributes',
      3,
      (c) => ({ requestParameters: { subscriptionArn: `${topicArn(c)}:${c.rng.uuid()}` } }),
    ],
    ['ListTagsForResource', 2, (c) => ({ requestParameters: { resourceArn: topicArn(c) } })],
    ['GetDataProtectionPolicy', 0.5, (c) => ({ requestParameters: { resourceArn: topicArn(c) } })],
    [
      'CreateTopic',
      0.05,
      (c) => ({
        requestParameters: { name: c.rng.pick(TOPICS) },
        responseElements: { topicArn: topicArn(c) },
      }),
    ],
    [
      'SetTopicAttributes',
      0.1,
      (c) => ({ requestParameters: { topicArn: topicArn(c), attributeName: 'DeliveryPolicy' } }),
    ],
    [
      'Subscribe',
      0.08,
      (c) => ({
        requestParameters: {
          topicArn: topicArn(c),
          protocol: 'email',
          endpoint: 'oncall@example.com',
          returnSubscriptionArn: false,
        },
        responseElements: { subscriptionArn: 'pending confirmation' },
      }),
    ],
    [
      'ConfirmSubscription',
      0.04,
      (c) => ({ requestParameters: { topicArn: topicArn(c), token: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }),
    ],
    [
      'Unsubscribe',
      0.04,
      (c) => ({ requestParameters: { subscriptionArn: `${topicArn(c)}:${c.rng.uuid()}` } }),
    ],
    [
      'TagResource',
      0.03,
      (c) => ({
        requestParameters: { resourceArn: topicArn(c), tags: [{ key: 'team', value: 'platform' }] },
      }),
    ],
    ['DeleteTopic', 0.01],
  ],
);

const queueUrl = (c: CallContext) =>
  `https://sqs.${c.region}.amazonaws.com/${ACCOUNT_ID}/${c.rng.pick(QUEUES)}`;
const queue: Builder = (c) => ({ requestParameters: { queueUrl: queueUrl(c) } });
const sqsDenied = err(
  'AccessDenied',
  1,
  () => 'Access to the resource https://sqs.us-east-1.amazonaws.com/ is denied.',
);
const noQueue = err(
  'AWS.SimpleQueueService.NonExistentQueue',
  1,
  () => 'The specified queue does not exist.',
);

export const sqs = defineService(
  {
    key: 'sqs',
    source: 'sqs.amazonaws.com',
    denied: sqsDenied,
    errors: [noQueue, sqsDenied],
    errorRate: 0.01,
    build: queue,
  },
  [
    ['ListQueues', 8, fixed({})],
    [
      'GetQueueAttributes',
      20,
      (c) => ({ requestParameters: { queueUrl: queueUrl(c), attributeNames: ['All'] } }),
    ],
    [
      'GetQueueUrl',
      6,
      {
        build: (c) => ({ requestParameters: { queueName: c.rng.pick(QUEUES) } }),
        errors: [noQueue],
        errorRate: 0.01,
      },
    ],
    ['ListQueueTags', 3],
    ['ListDeadLetterSourceQueues', 1],
    [
      'CreateQueue',
      0.1,
      (c) => ({
        requestParameters: { queueName: c.rng.pick(QUEUES), attributes: { VisibilityTimeout: '60' } },
        responseElements: { queueUrl: queueUrl(c) },
      }),
    ],
    [
      'SetQueueAttributes',
      0.2,
      (c) => ({ requestParameters: { queueUrl: queueUrl(c), attributes: { VisibilityTimeout: '120' } } }),
    ],
    [
      'PurgeQueue',
      0.05,
      {
        errors: [
          err(
            'AWS.SimpleQueueService.PurgeQueueInProgress',
            1,
            () => 'Only one PurgeQueue operation on order-processing-dlq is allowed every 60 seconds.',
          ),
        ],
        errorRate: 0.2,
      },
    ],
    ['TagQueue', 0.05, (c) => ({ requestParameters: { queueUrl: queueUrl(c), tags: { team: 'orders' } } })],
    ['DeleteQueue', 0.01],
  ],
);
