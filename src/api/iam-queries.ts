// IAM as the Create trail flow needs it: the roles behind "Existing", and a new role CloudTrail assumes to
// deliver to CloudWatch Logs, with its inline policy (documents from src/domain/cloudtrail-policies.ts).
import { CreateRoleCommand, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { iamClient } from './service-clients';

export interface RoleSummary {
  name: string;
  arn: string;
}

async function listRoles(signal?: AbortSignal): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  let marker: string | undefined;
  do {
    const output = await call(() =>
      iamClient().send(new ListRolesCommand({ Marker: marker }), { abortSignal: signal }),
    );
    for (const role of output.Roles ?? []) {
      if (role.RoleName && role.Arn) roles.push({ name: role.RoleName, arn: role.Arn });
    }
    marker = output.IsTruncated ? output.Marker : undefined;
  } while (marker);
  return roles;
}

export const iamQueries = {
  all: () => ['iam'] as const,
  roles: () =>
    queryOptions({
      queryKey: [...iamQueries.all(), 'roles'] as const,
      queryFn: ({ signal }) => listRoles(signal),
    }),
};

export interface NewRole {
  name: string;
  path: string;
  trustPolicy: object;
  policyName: string;
  policy: object;
}

export async function createRole(role: NewRole): Promise<void> {
  await call(() =>
    iamClient().send(
      new CreateRoleCommand({
        RoleName: role.name,
        Path: role.path,
        AssumeRolePolicyDocument: JSON.stringify(role.trustPolicy),
      }),
    ),
  );
}

export async function putRolePolicy(role: NewRole): Promise<void> {
  await call(() =>
    iamClient().send(
      new PutRolePolicyCommand({
        RoleName: role.name,
        PolicyName: role.policyName,
        PolicyDocument: JSON.stringify(role.policy),
      }),
    ),
  );
}
