// The account id the Create trail form needs (the default bucket name, the policies it writes). The
// console gets it from the sign-in; this console has no STS, so it reads it from the ARNs of resources the
// account owns: its own trails first, then IAM roles, KMS aliases and SNS topics. Undefined when the
// account has none of them: the form then leaves the bucket name empty for the user to fill in.
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { ListTopicsCommand } from '@aws-sdk/client-sns';
import { queryOptions } from '@tanstack/react-query';
import { parseArn } from '@/domain/aws-arn';
import { cloudTrailClient } from './clients';
import { iamClient, kmsClient, snsClient } from './service-clients';

type ArnSource = (region: string, signal: AbortSignal) => Promise<Array<string | undefined>>;

const SOURCES: ArnSource[] = [
  // Organization trails seen from a member account carry the management account's id.
  async (region, signal) =>
    (
      (await cloudTrailClient(region).send(new DescribeTrailsCommand({}), { abortSignal: signal }))
        .trailList ?? []
    )
      .filter((trail) => !trail.IsOrganizationTrail)
      .map((trail) => trail.TrailARN),
  async (_region, signal) =>
    (
      (await iamClient().send(new ListRolesCommand({ MaxItems: 5 }), { abortSignal: signal })).Roles ?? []
    ).map((role) => role.Arn),
  async (region, signal) =>
    (
      (await kmsClient(region).send(new ListAliasesCommand({ Limit: 5 }), { abortSignal: signal })).Aliases ??
      []
    ).map((alias) => alias.AliasArn),
  async (region, signal) =>
    ((await snsClient(region).send(new ListTopicsCommand({}), { abortSignal: signal })).Topics ?? []).map(
      (topic) => topic.TopicArn,
    ),
];

async function findAccountId(region: string, signal: AbortSignal): Promise<string | null> {
  for (const source of SOURCES) {
    let arns: Array<string | undefined>;
    try {
      arns = await source(region, signal);
    } catch {
      continue; // not allowed or not served: try the next source
    }
    for (const arn of arns) {
      const accountId = arn ? parseArn(arn)?.accountId : undefined;
      if (accountId && /^\d{12}$/.test(accountId)) return accountId;
    }
  }
  return null;
}

export const accountQueries = {
  all: () => ['account'] as const,
  id: (region: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'id', { region }] as const,
      queryFn: ({ signal }) => findAccountId(region, signal),
      staleTime: Infinity,
    }),
};
