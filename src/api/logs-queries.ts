// CloudWatch Logs as the Create trail flow needs it: the log groups behind "Existing", and a new one.
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { logsClient } from './service-clients';

export interface LogGroupSummary {
  name: string;
  arn?: string;
}

async function listLogGroups(region: string, signal?: AbortSignal): Promise<LogGroupSummary[]> {
  const groups: LogGroupSummary[] = [];
  let token: string | undefined;
  do {
    const output = await call(() =>
      logsClient(region).send(new DescribeLogGroupsCommand({ nextToken: token }), { abortSignal: signal }),
    );
    for (const group of output.logGroups ?? []) {
      if (group.logGroupName) groups.push({ name: group.logGroupName, ...(group.arn && { arn: group.arn }) });
    }
    token = output.nextToken;
  } while (token);
  return groups;
}

export const logsQueries = {
  all: () => ['logs'] as const,
  logGroups: (region: string) =>
    queryOptions({
      queryKey: [...logsQueries.all(), 'log-groups', { region }] as const,
      queryFn: ({ signal }) => listLogGroups(region, signal),
    }),
};

export async function createLogGroup(region: string, name: string): Promise<void> {
  await call(() => logsClient(region).send(new CreateLogGroupCommand({ logGroupName: name })));
}
