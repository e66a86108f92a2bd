// Systems Manager: parameters, the SSM agent and Run Command. Command parameters appear as
// "HIDDEN_DUE_TO_SECURITY_REASONS" in real records.
import { hashSeed } from '../prng';
import { ACCOUNT_ID, regionalIds, SSM_PARAMETERS } from '../resources';
import { isoSeconds } from '@/domain/iso-time';
import { defineService, err, fixed, notAuthorized, shared, throttled } from './define';
import type { Builder, CallContext, Payload } from './types';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
const ssmDenied = err('AccessDeniedException', 1, notAuthorized);
const parameterNotFound = err('ParameterNotFound', 1);
/** The calling instance itself when an instance profile calls (the SSM agent), else any instance. */
function instance(c: CallContext): string {
  const arn = c.identity.arn;
  const own = arn?.slice(arn.lastIndexOf('/') + 1);
  return own?.startsWith('i-') ? own : c.rng.pick(regionalIds(c.region).instances);
}

const getParameter = shared(
  (c) => c.rng.pick(SSM_PARAMETERS),
  (name, region) => ({
    requestParameters: { name, withDecryption: !name.startsWith('/aws/') },
    resources: [{ accountId: ACCOUNT_ID, ARN: `arn:aws:ssm:${region}:${ACCOUNT_ID}:parameter${name}` }],
  }),
);
const getParameters: Builder = (c) => ({
  requestParameters: {
    names: [c.rng.pick(SSM_PARAMETERS), c.rng.pick(SSM_PARAMETERS)],
    withDecryption: true,
  },
});
const byPath = fixed({ path: '/shop/prod', recursive: true, withDecryption: true });
const instanceId: Builder = (c) => ({ requestParameters: { instanceId: instance(c) } });

/** What the SSM agent reports about its instance: fixed per instance. */
const updateInstanceInformation = shared(instance, (instanceId, region) => {
  const host = hashSeed(instanceId);
  const ip = `10.20.${1 + (host % 3)}.${10 + ((host >>> 8) % 240)}`;
  return {
    requestParameters: {
      instanceId,
      agentVersion: '3.3.1142.0',
      agentStatus: 'Active',
      platformType: 'Linux',
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      iPAddress: ip,
      computerName: `ip-${ip.replaceAll('.', '-')}.ec2.internal`,
      agentName: 'amazon-ssm-agent',
      availabilityZone: `${region}${'abc'.charAt(host % 3)}`,
    },
  };
});

/** Run Command: the call-rate story drives this API (stories.ts). */
export function sendCommandPayload(
  c: CallContext,
  documentName: string,
  instanceIds: string[],
  comment: string,
): Payload {
  const commandId = c.rng.uuid();
  return {
    requestParameters: {
      documentName,
      instanceIds,
      comment,
      parameters: HIDDEN,
      interactive: false,
      cloudWatchOutputConfig: { cloudWatchOutputEnabled: true },
    },
    responseElements: {
      command: {
        commandId,
        documentName,
        documentVersion: '$DEFAULT',
        comment,
        expiresAfter: c.timeMs + 7_200_000,
        parameters: HIDDEN,
        instanceIds,
        targets: [],
        requestedDateTime: c.timeMs,
        status: 'Pending',
        statusDetails: 'Pending',
        targetCount: instanceIds.length,
        completedCount: 0,
        errorCount: 0,
        timeoutSeconds: 3600,
      },
    },
  };
}

const sendCommand: Builder = (c) =>
  sendCommandPayload(c, c.rng.pick(['AWS-RunShellScript', 'AWS-RunPatchBaseline']), [instance(c)], 'ad hoc');

export const ssm = defineService(
  {
    key: 'ssm',
    source: 'ssm.amazonaws.com',
    denied: ssmDenied,
    errors: [ssmDenied, throttled()],
    errorRate: 0.01,
    build: instanceId,
    machineOnly: [
      'UpdateInstanceInformation',
      'ListInstanceAssociations',
      'PutInventory',
      'PutComplianceItems',
      'GetDeployablePatchSnapshotForInstance',
    ],
  },
  [
    [
      'GetParameter',
      80,
      { build: getParameter, errors: [parameterNotFound, ssmDenied, throttled()], errorRate: 0.015 },
    ],
    ['GetParameters', 30, getParameters],
    ['GetParametersByPath', 20, byPath],
    ['DescribeParameters', 5, fixed({ maxResults: 50 })],
    [
      'GetParameterHistory',
      0.5,
      (c) => ({ requestParameters: { name: c.rng.pick(SSM_PARAMETERS.slice(0, 6)), withDecryption: false } }),
    ],
    ['UpdateInstanceInformation', 40, { build: updateInstanceInformation, errorRate: 0.002 }],
    [
      'ListInstanceAssociations',
      8,
      (c) => ({ requestParameters: { instanceId: instance(c), maxResults: 20 } }),
    ],
    [
      'PutInventory',
      3,
      (c) => ({
        requestParameters: {
          instanceId: instance(c),
          items: [
            { typeName: 'AWS:InstanceInformation', schemaVersion: '1.0', captureTime: isoSeconds(c.timeMs) },
          ],
        },
      }),
    ],
    [
      'PutComplianceItems',
      2,
      (c) => ({
        requestParameters: {
          resourceId: instance(c),
          resourceType: 'ManagedInstance',
          complianceType: 'Association',
          executionSummary: { executionTime: c.timeMs },
          items: [],
        },
      }),
    ],
    [
      'GetDeployablePatchSnapshotForInstance',
      0.5,
      (c) => ({ requestParameters: { instanceId: instance(c), snapshotId: c.rng.uuid() } }),
    ],
    ['DescribeInstanceInformation', 5, fixed({ maxResults: 50 })],
    ['ListCommands', 2, fixed({ maxResults: 50 })],
    ['ListCommandInvocations', 3, (c) => ({ requestParameters: { commandId: c.rng.uuid(), details: true } })],
    [
      'GetCommandInvocation',
      4,
      {
        build: (c) => ({ requestParameters: { commandId: c.rng.uuid(), instanceId: instance(c) } }),
        errors: [err('InvocationDoesNotExist', 1)],
        errorRate: 0.05,
      },
    ],
    ['ListAssociations', 3, fixed({ maxResults: 50 })],
    ['DescribeAssociation', 2, (c) => ({ requestParameters: { associationId: c.rng.uuid() } })],
    ['GetDocument', 2, fixed({ name: 'AWS-RunPatchBaseline' })],
    ['ListDocuments', 2, fixed({ filters: [{ key: 'Owner', values: ['Self'] }] })],
    ['DescribeDocument', 1, fixed({ name: 'AWS-RunShellScript' })],
    ['GetInventory', 1, fixed({})],
    [
      'ListTagsForResource',
      2,
      (c) => ({
        requestParameters: { resourceType: 'Parameter', resourceId: c.rng.pick(SSM_PARAMETERS.slice(0, 6)) },
      }),
    ],
    ['DescribeMaintenanceWindows', 1, fixed({})],
    ['SendCommand', 0, sendCommand],
    [
      'StartSession',
      0.3,
      (c) => ({
        requestParameters: { target: instance(c) },
        responseElements: {
          sessionId: `${c.identity.arn?.split('/').at(-1) ?? 'session'}-${c.rng.hex(17)}`,
          tokenValue: 'Value hidden due to security reasons.',
          streamUrl: `wss://ssmmessages.${c.region}.amazonaws.com/v1/data-channel/${c.rng.hex(17)}`,
        },
      }),
    ],
    [
      'TerminateSession',
      0.3,
      (c) => ({
        requestParameters: { sessionId: `session-${c.rng.hex(17)}` },
        responseElements: { sessionId: `session-${c.rng.hex(17)}` },
      }),
    ],
    [
      'PutParameter',
      0.3,
      (c) => ({
        requestParameters: {
          name: c.rng.pick(SSM_PARAMETERS.slice(0, 6)),
          type: 'SecureString',
          keyId: 'alias/shop-app',
          overwrite: true,
          value: HIDDEN,
        },
        responseElements: { version: c.rng.between(2, 40), tier: 'Standard' },
      }),
    ],
    [
      'DeleteParameter',
      0.02,
      (c) => ({ requestParameters: { name: c.rng.pick(SSM_PARAMETERS.slice(0, 6)) } }),
    ],
    [
      'AddTagsToResource',
      0.05,
      (c) => ({
        requestParameters: {
          resourceType: 'Parameter',
          resourceId: c.rng.pick(SSM_PARAMETERS.slice(0, 6)),
          tags: [{ key: 'team', value: 'platform' }],
        },
      }),
    ],
  ],
);
