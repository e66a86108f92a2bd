// CloudTrail Lake channels (the console's integrations) through the CloudTrail API: ListChannels gives only
// each channel's ARN and name, so the list reads every channel with GetChannel too (at most 25 per Region,
// WhatIsCloudTrail-Limits.html).
import {
  GetChannelCommand,
  ListChannelsCommand,
  type EventDataStore,
  type GetChannelCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { isIntegrationStore } from '@/domain/lake-channels';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';

async function getChannel(region: string, channel: string, signal: AbortSignal) {
  return call(() =>
    cloudTrailClient(region).send(new GetChannelCommand({ Channel: channel }), { abortSignal: signal }),
  );
}

export const channelQueries = {
  all: () => ['channels'] as const,
  lists: () => [...channelQueries.all(), 'list'] as const,
  list: (region: string) =>
    queryOptions({
      queryKey: [...channelQueries.lists(), { region }] as const,
      queryFn: async ({ signal }): Promise<GetChannelCommandOutput[]> => {
        const arns: string[] = [];
        let token: string | undefined;
        do {
          const page = await call(() =>
            cloudTrailClient(region).send(new ListChannelsCommand({ NextToken: token }), {
              abortSignal: signal,
            }),
          );
          arns.push(...(page.Channels ?? []).flatMap((c) => (c.ChannelArn ? [c.ChannelArn] : [])));
          token = page.NextToken;
        } while (token);
        return Promise.all(arns.map((arn) => getChannel(region, arn, signal)));
      },
    }),
  /** GetChannel by the channel's ID or ARN. */
  detail: (region: string, channel: string) =>
    queryOptions({
      queryKey: [...channelQueries.all(), 'detail', { region, channel }] as const,
      queryFn: ({ signal }) => getChannel(region, channel, signal),
    }),
};

/** The ID part of a channel's ARN (`…:channel/<id>`), as the console's routes name a channel. */
export function channelIdOf(arn: string | undefined): string {
  return (arn ?? '').split('/').pop() ?? '';
}

/** Whether a listed event data store collects integration events (the domain's rule on its selectors). */
export function takesIntegrationEvents(store: Pick<EventDataStore, 'AdvancedEventSelectors'>): boolean {
  return isIntegrationStore({
    advancedEventSelectors: (store.AdvancedEventSelectors ?? []).map((s) => ({
      FieldSelectors: (s.FieldSelectors ?? []).map((f) => ({ ...f, Field: f.Field ?? '' })),
    })),
  });
}
