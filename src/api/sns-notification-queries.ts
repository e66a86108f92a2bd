// What a trail's SNS topic received (`trailview/sns-notifications?topic=<ARN>`): real SNS has no API that
// lists received messages, so only the local server and the demo answer it, from the emulated topic; the
// console asks only those backends (hasInvestigations).
import { queryOptions } from '@tanstack/react-query';
import type { SnsNotificationsReport } from '@/domain/sns-notification';
import { getJson } from './investigation-queries';

export const snsNotificationQueries = {
  all: () => ['sns-notifications'] as const,
  topic: (topicArn: string) =>
    queryOptions({
      queryKey: [...snsNotificationQueries.all(), topicArn] as const,
      queryFn: ({ signal }) =>
        getJson<SnsNotificationsReport>(
          `trailview/sns-notifications?${new URLSearchParams({ topic: topicArn }).toString()}`,
          signal,
        ),
      retry: false,
    }),
};
