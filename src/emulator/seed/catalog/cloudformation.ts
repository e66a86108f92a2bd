// CloudFormation (the CDK and the deploy pipeline) and EC2 Auto Scaling.
import { ACCOUNT_ID, AUTO_SCALING_GROUPS, STACKS } from '../resources';
import { defineService, err, fixed, named, notAuthorized, param, throttled } from './define';
import type { Builder } from './types';

const stack = named('stackName', STACKS);
const changeSet: Builder = (c) => ({
  requestParameters: { stackName: c.rng.pick(STACKS), changeSetName: `deploy-${c.rng.hex(8)}` },
});
const cfnDenied = err('AccessDenied', 1, notAuthorized);
const noStack = err(
  'ValidationError',
  1,
  (c) => `Stack with id ${param(c.params, 'stackName', 'shop-preview')} does not exist`,
);

export const cloudformation = defineService(
  {
    key: 'cloudformation',
    source: 'cloudformation.amazonaws.com',
    denied: cfnDenied,
    errors: [noStack, cfnDenied, throttled('Throttling')],
    errorRate: 0.02,
    build: stack,
  },
  [
    ['DescribeStacks', 30],
    [
      'ListStacks',
      5,
      fixed({ stackStatusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'] }),
    ],
    ['DescribeStackEvents', 15],
    ['DescribeStackResources', 5],
    [
      'DescribeStackResource',
      2,
      (c) => ({
        requestParameters: {
          stackName: c.rng.pick(STACKS),
          logicalResourceId: c.rng.pick(['Service', 'TaskDefinition', 'LoadBalancer', 'Queue']),
        },
      }),
    ],
    ['ListStackResources', 5],
    ['GetTemplate', 3],
    ['GetTemplateSummary', 2],
    ['DescribeChangeSet', 4, changeSet],
    ['ListChangeSets', 1],
    [
      'ValidateTemplate',
      1,
      fixed({
        templateURL: `https://cdk-hnb659fds-assets-${ACCOUNT_ID}-us-east-1.s3.us-east-1.amazonaws.com/template.json`,
      }),
    ],
    ['ListExports', 2, fixed({})],
    ['ListStackSets', 0.5, fixed({ status: 'ACTIVE' })],
    [
      'CreateChangeSet',
      0.5,
      {
        build: changeSet,
        errors: [err('ValidationError', 1, () => 'No updates are to be performed.'), cfnDenied],
        errorRate: 0.1,
      },
    ],
    ['ExecuteChangeSet', 0.4, changeSet],
    ['DeleteChangeSet', 0.05, changeSet],
    [
      'UpdateStack',
      0.1,
      {
        build: stack,
        errors: [err('ValidationError', 1, () => 'No updates are to be performed.')],
        errorRate: 0.2,
      },
    ],
    ['CreateStack', 0.03],
    ['DeleteStack', 0.02],
    ['DetectStackDrift', 0.05],
    [
      'DescribeStackDriftDetectionStatus',
      0.05,
      (c) => ({ requestParameters: { stackDriftDetectionId: c.rng.uuid() } }),
    ],
  ],
);

const group: Builder = (c) => ({
  requestParameters: { autoScalingGroupNames: [c.rng.pick(AUTO_SCALING_GROUPS)] },
});
const groupName: Builder = (c) => ({
  requestParameters: { autoScalingGroupName: c.rng.pick(AUTO_SCALING_GROUPS) },
});
const asDenied = err('AccessDenied', 1, notAuthorized);

export const autoscaling = defineService(
  {
    key: 'autoscaling',
    source: 'autoscaling.amazonaws.com',
    eventVersion: '1.08',
    denied: asDenied,
    errors: [
      err('ValidationError', 1, () => 'AutoScalingGroup name not found - null'),
      asDenied,
      throttled('Throttling'),
    ],
    errorRate: 0.01,
    build: groupName,
    machineOnly: ['CompleteLifecycleAction'],
  },
  [
    ['DescribeAutoScalingGroups', 20, group],
    ['DescribeScalingActivities', 5],
    ['DescribeAutoScalingInstances', 5, fixed({ maxRecords: 50 })],
    ['DescribeLaunchConfigurations', 2, fixed({})],
    ['DescribePolicies', 3],
    ['DescribeLifecycleHooks', 2],
    ['DescribeScheduledActions', 2],
    ['DescribeWarmPool', 0.5],
    ['DescribeInstanceRefreshes', 1],
    ['DescribeAccountLimits', 0.5, fixed({})],
    ['DescribeTrafficSources', 0.5],
    [
      'SetDesiredCapacity',
      0.2,
      (c) => ({
        requestParameters: {
          autoScalingGroupName: c.rng.pick(AUTO_SCALING_GROUPS),
          desiredCapacity: c.rng.between(2, 8),
          honorCooldown: false,
        },
      }),
    ],
    ['UpdateAutoScalingGroup', 0.1],
    [
      'CompleteLifecycleAction',
      0.5,
      (c) => ({
        requestParameters: {
          autoScalingGroupName: c.rng.pick(AUTO_SCALING_GROUPS),
          lifecycleHookName: 'drain',
          lifecycleActionResult: 'CONTINUE',
          instanceId: `i-0${c.rng.hex(16)}`,
        },
      }),
    ],
    ['StartInstanceRefresh', 0.03],
    ['PutScalingPolicy', 0.02],
    [
      'TerminateInstanceInAutoScalingGroup',
      0.05,
      (c) => ({
        requestParameters: { instanceId: `i-0${c.rng.hex(16)}`, shouldDecrementDesiredCapacity: false },
      }),
    ],
  ],
);
