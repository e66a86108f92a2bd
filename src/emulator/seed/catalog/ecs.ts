// ECS and EKS control-plane APIs: the shop's services, tasks and its Kubernetes cluster.
import { ACCOUNT_ID, ECS_CLUSTERS, ECS_SERVICES, EKS_CLUSTER, NODEGROUPS } from '../resources';
import { defineService, err, fixed, named, notAuthorized, param } from './define';
import type { Builder } from './types';

const cluster = named('cluster', ECS_CLUSTERS);
const services: Builder = (c) => ({
  requestParameters: { cluster: c.rng.pick(ECS_CLUSTERS), services: [c.rng.pick(ECS_SERVICES)] },
});
const tasks: Builder = (c) => ({
  requestParameters: { cluster: c.rng.pick(ECS_CLUSTERS), tasks: [c.rng.hex(32)] },
});
const taskDefinition: Builder = (c) => ({
  requestParameters: { taskDefinition: `${c.rng.pick(ECS_SERVICES)}:${c.rng.between(80, 240)}` },
});
const ecsDenied = err('AccessDeniedException', 1, notAuthorized);
const noCluster = err('ClusterNotFoundException', 1, () => 'Cluster not found.');

export const ecs = defineService(
  {
    key: 'ecs',
    source: 'ecs.amazonaws.com',
    denied: ecsDenied,
    errors: [noCluster, ecsDenied],
    errorRate: 0.012,
    build: cluster,
    machineOnly: ['SubmitTaskStateChange', 'SubmitContainerStateChange'],
  },
  [
    ['DescribeServices', 15, services],
    ['DescribeClusters', 8, (c) => ({ requestParameters: { clusters: [c.rng.pick(ECS_CLUSTERS)] } })],
    ['ListClusters', 4, fixed({})],
    ['ListServices', 5],
    ['DescribeTasks', 10, tasks],
    ['ListTasks', 8],
    ['DescribeTaskDefinition', 6, taskDefinition],
    ['ListTaskDefinitions', 2, fixed({ familyPrefix: 'shop-web', sort: 'DESC' })],
    ['DescribeContainerInstances', 2],
    ['ListContainerInstances', 2],
    [
      'ListTagsForResource',
      2,
      (c) => ({
        requestParameters: {
          resourceArn: `arn:aws:ecs:${c.region}:${ACCOUNT_ID}:cluster/${c.rng.pick(ECS_CLUSTERS)}`,
        },
      }),
    ],
    ['DescribeCapacityProviders', 1, fixed({})],
    ['ListAccountSettings', 1, fixed({ effectiveSettings: true })],
    ['SubmitTaskStateChange', 3, tasks],
    ['SubmitContainerStateChange', 3, tasks],
    [
      'RegisterTaskDefinition',
      0.5,
      (c) => ({
        requestParameters: {
          family: c.rng.pick(ECS_SERVICES),
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '512',
          memory: '1024',
        },
      }),
    ],
    [
      'UpdateService',
      0.5,
      {
        build: (c) => ({
          requestParameters: {
            cluster: 'shop-prod',
            service: c.rng.pick(ECS_SERVICES),
            taskDefinition: `${c.rng.pick(ECS_SERVICES)}:${c.rng.between(80, 240)}`,
            forceNewDeployment: false,
          },
        }),
        errors: [err('ServiceNotFoundException', 1, () => 'Service not found.'), ecsDenied],
      },
    ],
    ['DeregisterTaskDefinition', 0.2, taskDefinition],
    [
      'RunTask',
      0.2,
      (c) => ({
        requestParameters: {
          cluster: 'shop-prod',
          taskDefinition: `shop-worker:${c.rng.between(80, 240)}`,
          launchType: 'FARGATE',
          count: 1,
        },
      }),
    ],
    [
      'StopTask',
      0.1,
      (c) => ({
        requestParameters: { cluster: 'shop-prod', task: c.rng.hex(32), reason: 'Stopped by deploy' },
      }),
    ],
    [
      'ExecuteCommand',
      0.05,
      (c) => ({
        requestParameters: {
          cluster: 'shop-prod',
          task: c.rng.hex(32),
          command: '/bin/sh',
          interactive: true,
        },
      }),
    ],
  ],
);

const eksDenied = err('AccessDeniedException', 1, notAuthorized);
const noEksCluster = err(
  'ResourceNotFoundException',
  1,
  (c) => `No cluster found for name: ${param(c.params, 'name', EKS_CLUSTER)}.`,
);
const eksCluster = fixed({ name: EKS_CLUSTER });
const nodegroup: Builder = (c) => ({
  requestParameters: { name: EKS_CLUSTER, nodegroupName: c.rng.pick(NODEGROUPS) },
});

export const eks = defineService(
  {
    key: 'eks',
    source: 'eks.amazonaws.com',
    denied: eksDenied,
    errors: [noEksCluster, eksDenied],
    errorRate: 0.01,
    build: eksCluster,
  },
  [
    ['DescribeCluster', 20],
    ['ListClusters', 3, fixed({})],
    ['ListNodegroups', 3],
    ['DescribeNodegroup', 4, nodegroup],
    ['ListAddons', 2],
    [
      'DescribeAddon',
      2,
      (c) => ({
        requestParameters: {
          name: EKS_CLUSTER,
          addonName: c.rng.pick(['vpc-cni', 'coredns', 'kube-proxy', 'aws-ebs-csi-driver']),
        },
      }),
    ],
    ['DescribeAddonVersions', 1, fixed({ kubernetesVersion: '1.31' })],
    ['ListAccessEntries', 1],
    ['ListUpdates', 1],
    ['ListPodIdentityAssociations', 0.5],
    ['ListIdentityProviderConfigs', 0.5],
    [
      'UpdateNodegroupConfig',
      0.05,
      (c) => ({
        requestParameters: {
          name: EKS_CLUSTER,
          nodegroupName: c.rng.pick(NODEGROUPS),
          scalingConfig: { minSize: 2, maxSize: 10, desiredSize: c.rng.between(3, 6) },
        },
      }),
    ],
    [
      'CreateAccessEntry',
      0.02,
      (c) => ({
        requestParameters: {
          name: EKS_CLUSTER,
          principalArn: `arn:aws:iam::${ACCOUNT_ID}:role/${c.rng.pick(['github-actions-deploy', 'OpsAutomationRole'])}`,
        },
      }),
    ],
    [
      'AssociateAccessPolicy',
      0.02,
      fixed({
        name: EKS_CLUSTER,
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
        accessScope: { type: 'cluster' },
      }),
    ],
  ],
);
