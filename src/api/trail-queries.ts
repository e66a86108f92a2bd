// Query factory for trails (DescribeTrails, GetTrailStatus).
import { DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';

export const trailQueries = {
  all: () => ['trails'] as const,
  lists: () => [...trailQueries.all(), 'list'] as const,
  list: (region: string) =>
    queryOptions({
      queryKey: [...trailQueries.lists(), { region }] as const,
      queryFn: async ({ signal }) => {
        const output = await call(() =>
          cloudTrailClient(region).send(new DescribeTrailsCommand({ includeShadowTrails: true }), {
            abortSignal: signal,
          }),
        );
        return output.trailList ?? [];
      },
    }),
  statuses: () => [...trailQueries.all(), 'status'] as const,
  status: (region: string, trailArn: string) =>
    queryOptions({
      queryKey: [...trailQueries.statuses(), { region, trailArn }] as const,
      queryFn: ({ signal }) =>
        call(() => cloudTrailClient(region).send(new GetTrailStatusCommand({ Name: trailArn }), { abortSignal: signal })),
    }),
};
