// @vitest-environment node
// IAM (Query protocol, global) through the AWS SDK v3 against the in-process emulator.
import { CreateRoleCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudTrailAssumeRolePolicy } from '@/domain/cloudtrail-policies';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { iamClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState, type AccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

let handle: EmulatorHandler;
let state: AccountState;
beforeEach(() => {
  state = createAccountState(TEST_ACCOUNT);
  handle = createEmulator({ store: new MemoryEventStore(), state, clock: () => T0 });
});
useEmulatorServer(() => handle);

const trust = JSON.stringify(cloudTrailAssumeRolePolicy());
const logsPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
});

describe('IAM through the SDK', () => {
  it('creates a role under a path, with the trust policy URL-encoded as IAM returns it', async () => {
    const out = await iamClient().send(
      new CreateRoleCommand({
        RoleName: 'CloudTrailRoleForCloudWatchLogs_main',
        Path: '/service-role/',
        AssumeRolePolicyDocument: trust,
      }),
    );
    expect(out.Role).toMatchObject({
      Path: '/service-role/',
      RoleName: 'CloudTrailRoleForCloudWatchLogs_main',
      Arn: `arn:aws:iam::${TEST_ACCOUNT}:role/service-role/CloudTrailRoleForCloudWatchLogs_main`,
      CreateDate: new Date(T0),
      MaxSessionDuration: 3600,
    });
    expect(out.Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(decodeURIComponent(out.Role!.AssumeRolePolicyDocument!)).toBe(trust);
  });

  it('puts an inline policy and lists roles by path prefix', async () => {
    await iamClient().send(new CreateRoleCommand({ RoleName: 'a-role', AssumeRolePolicyDocument: trust }));
    await iamClient().send(
      new CreateRoleCommand({ RoleName: 'b-role', Path: '/service-role/', AssumeRolePolicyDocument: trust }),
    );
    await iamClient().send(
      new PutRolePolicyCommand({ RoleName: 'b-role', PolicyName: 'logs', PolicyDocument: logsPolicy }),
    );
    expect(state.iamRoles.get('b-role')?.inlinePolicies).toEqual({ logs: logsPolicy });
    const all = await iamClient().send(new ListRolesCommand({}));
    expect(all.Roles!.map((r) => r.RoleName)).toEqual(['a-role', 'b-role']);
    expect(all.IsTruncated).toBe(false);
    const service = await iamClient().send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
    expect(service.Roles!.map((r) => r.RoleName)).toEqual(['b-role']);
    const page = await iamClient().send(new ListRolesCommand({ MaxItems: 1 }));
    expect(page).toMatchObject({ IsTruncated: true, Marker: expect.any(String) });
  });

  it('answers EntityAlreadyExists (409), NoSuchEntity (404), MalformedPolicyDocument and ValidationError', async () => {
    await iamClient().send(new CreateRoleCommand({ RoleName: 'Taken', AssumeRolePolicyDocument: trust }));
    await expect(
      iamClient().send(new CreateRoleCommand({ RoleName: 'taken', AssumeRolePolicyDocument: trust })),
    ).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Role with name taken already exists.',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(
      iamClient().send(
        new PutRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'logs', PolicyDocument: logsPolicy }),
      ),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name ghost cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      iamClient().send(new CreateRoleCommand({ RoleName: 'json', AssumeRolePolicyDocument: '{' })),
    ).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'This policy contains invalid Json',
    });
    await expect(
      iamClient().send(new CreateRoleCommand({ RoleName: 'bad name', AssumeRolePolicyDocument: trust })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining("Value 'bad name' at 'roleName' failed to satisfy constraint"),
    });
  });
});
