// Query factory for trails (DescribeTrails, GetTrailStatus, GetEventSelectors, GetInsightSelectors, ListTags).
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { call, toAwsError } from './aws-error';
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
        call(() =>
          cloudTrailClient(region).send(new GetTrailStatusCommand({ Name: trailArn }), {
            abortSignal: signal,
          }),
        ),
    }),
  eventSelectors: (region: string, trailArn: string) =>
    queryOptions({
      queryKey: [...trailQueries.all(), 'event-selectors', { region, trailArn }] as const,
      queryFn: ({ signal }) =>
        call(() =>
          cloudTrailClient(region).send(new GetEventSelectorsCommand({ TrailName: trailArn }), {
            abortSignal: signal,
          }),
        ),
    }),
  /** A trail without Insights answers InsightNotEnabledException: that is "no selectors", not a failure. */
  insightSelectors: (region: string, trailArn: string) =>
    queryOptions({
      queryKey: [...trailQueries.all(), 'insight-selectors', { region, trailArn }] as const,
      queryFn: async ({ signal }) => {
        try {
          const output = await call(() =>
            cloudTrailClient(region).send(new GetInsightSelectorsCommand({ TrailName: trailArn }), {
              abortSignal: signal,
            }),
          );
          return output.InsightSelectors ?? [];
        } catch (error) {
          if (toAwsError(error).name === 'InsightNotEnabledException') return [];
          throw error;
        }
      },
    }),
  tags: (region: string, trailArn: string) =>
    queryOptions({
      queryKey: [...trailQueries.all(), 'tags', { region, trailArn }] as const,
      queryFn: async ({ signal }) => {
        const output = await call(() =>
          cloudTrailClient(region).send(new ListTagsCommand({ ResourceIdList: [trailArn] }), {
            abortSignal: signal,
          }),
        );
        return output.ResourceTagList?.[0]?.TagsList ?? [];
      },
    }),
};
