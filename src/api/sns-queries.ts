// SNS as the Create trail flow needs it: the topics behind "Existing", and a new topic whose policy lets
// CloudTrail publish (the policy document comes from src/domain/cloudtrail-policies.ts).
import { CreateTopicCommand, ListTopicsCommand } from '@aws-sdk/client-sns';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { snsClient } from './service-clients';

async function listTopicArns(region: string, signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  let token: string | undefined;
  do {
    const output = await call(() =>
      snsClient(region).send(new ListTopicsCommand({ NextToken: token }), { abortSignal: signal }),
    );
    for (const topic of output.Topics ?? []) if (topic.TopicArn) arns.push(topic.TopicArn);
    token = output.NextToken;
  } while (token);
  return arns;
}

export const snsQueries = {
  all: () => ['sns'] as const,
  topics: (region: string) =>
    queryOptions({
      queryKey: [...snsQueries.all(), 'topics', { region }] as const,
      queryFn: ({ signal }) => listTopicArns(region, signal),
    }),
};

/** CreateTopic with its access policy; returns the topic ARN. */
export async function createTopicWithPolicy(region: string, name: string, policy: object): Promise<string> {
  const output = await call(() =>
    snsClient(region).send(
      new CreateTopicCommand({ Name: name, Attributes: { Policy: JSON.stringify(policy) } }),
    ),
  );
  return output.TopicArn ?? '';
}
