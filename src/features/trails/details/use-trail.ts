// A trail by name in the current Region (DescribeTrails lists it, or its shadow), and everything the
// details and edit pages show about it. Calls about one trail use its ARN, in its home Region.
import type { InsightSelector } from '@aws-sdk/client-cloudtrail';
import { useQuery } from '@tanstack/react-query';
import { accountQueries } from '@/api/account-queries';
import { trailQueries } from '@/api/trail-queries';
import { useSettings } from '@/components/settings';
import { parseTrailArn } from '@/domain/trail-name';
import { normaliseSelectors, type TrailConfiguration } from '../form/trail-to-form-values';

const NO_INSIGHT_SELECTORS: InsightSelector[] = [];

export function useTrail(name: string) {
  const { settings } = useSettings();
  const list = useQuery(trailQueries.list(settings.region));
  const trail =
    list.data?.find((t) => t.Name === name && t.HomeRegion === settings.region) ??
    list.data?.find((t) => t.Name === name);
  const arn = trail?.TrailARN ?? '';
  const home = trail?.HomeRegion ?? settings.region;
  const enabled = !!trail?.TrailARN;
  const status = useQuery({ ...trailQueries.status(settings.region, arn), enabled });
  const selectors = useQuery({ ...trailQueries.eventSelectors(home, arn), enabled });
  // DescribeTrails says whether the trail has Insights selectors; asking a trail without them answers
  // InsightNotEnabledException, a failed request in the browser's console for what is only "Insights off".
  const hasInsights = !!trail?.HasInsightSelectors;
  const insightsQuery = useQuery({
    ...trailQueries.insightSelectors(home, arn),
    enabled: enabled && hasInsights,
  });
  const insights = hasInsights ? insightsQuery : { data: NO_INSIGHT_SELECTORS, error: null };
  const tags = useQuery({ ...trailQueries.tags(home, arn), enabled });
  const account = useQuery(accountQueries.id(settings.region));
  const configuration: TrailConfiguration | undefined =
    trail && selectors.data && insights.data && tags.data
      ? {
          trail,
          selectors: normaliseSelectors(selectors.data),
          insightSelectors: insights.data,
          tags: tags.data,
        }
      : undefined;
  return {
    list,
    trail,
    status,
    configuration,
    loading:
      list.isPending || (enabled && !configuration && !selectors.error && !insights.error && !tags.error),
    error: list.error ?? selectors.error ?? insights.error ?? tags.error,
    /** The trail's own Region and account: where writes go and whose ARNs the forms build. */
    home,
    accountId: (arn && parseTrailArn(arn)?.accountId) || account.data || undefined,
  };
}
