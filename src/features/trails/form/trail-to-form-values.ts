// A trail as the edit forms start from it: its destinations as "existing" choices, its selectors, Insights
// and tags in the form's shape (the generated names stay ready for a switch to "New").
import type { GetEventSelectorsCommandOutput, InsightSelector, Tag, Trail } from '@aws-sdk/client-cloudtrail';
import { parseLogGroupArn } from '@/domain/aws-arn';
import type { AdvancedEventSelector, EventSelector, InsightEventCategory } from '@/domain/event-selectors';
import { selectorsToValues, trailAdvancedSelectors } from './selector-mapping';
import { defaultTrailFormValues, type TrailFormValues } from './trail-form-values';

/** The SDK marks required members optional; the domain shapes do not. */
export function normaliseSelectors(
  output: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'> | undefined,
) {
  const advanced: AdvancedEventSelector[] = (output?.AdvancedEventSelectors ?? []).map((s) => ({
    ...(s.Name !== undefined && { Name: s.Name }),
    FieldSelectors: (s.FieldSelectors ?? []).map((f) => ({ ...f, Field: f.Field ?? '' })),
  }));
  const basic = (output?.EventSelectors ?? []) as EventSelector[];
  return trailAdvancedSelectors({ EventSelectors: basic, AdvancedEventSelectors: advanced });
}

export interface TrailConfiguration {
  trail: Trail;
  selectors: AdvancedEventSelector[];
  insightSelectors: InsightSelector[];
  tags: Tag[];
}

export function trailToFormValues(
  { trail, selectors, insightSelectors, tags }: TrailConfiguration,
  accountId: string | undefined,
): TrailFormValues {
  const defaults = defaultTrailFormValues(accountId);
  const logGroup = trail.CloudWatchLogsLogGroupArn
    ? parseLogGroupArn(trail.CloudWatchLogsLogGroupArn)
    : undefined;
  const categories = new Set<InsightEventCategory>(
    insightSelectors.flatMap((s) =>
      s.EventCategories?.length ? s.EventCategories : ['Management'],
    ) as InsightEventCategory[],
  );
  const hasInsight = (type: string) => insightSelectors.some((s) => s.InsightType === type);
  return {
    ...defaults,
    ...selectorsToValues(selectors, defaults),
    name: trail.Name ?? '',
    organization: !!trail.IsOrganizationTrail,
    storage: 'existing',
    existingBucketName: trail.S3BucketName ?? '',
    prefix: trail.S3KeyPrefix ?? '',
    kmsEnabled: !!trail.KmsKeyId,
    kmsKey: trail.KmsKeyId ? 'existing' : 'new',
    existingKmsKey: trail.KmsKeyId ?? '',
    logFileValidation: !!trail.LogFileValidationEnabled,
    snsEnabled: !!(trail.SnsTopicARN ?? trail.SnsTopicName),
    snsTopic: trail.SnsTopicARN || trail.SnsTopicName ? 'existing' : 'new',
    existingSnsTopic: trail.SnsTopicARN ?? trail.SnsTopicName ?? '',
    cloudWatchEnabled: !!logGroup,
    logGroup: logGroup ? 'existing' : 'new',
    existingLogGroup: logGroup?.name ?? '',
    role: trail.CloudWatchLogsRoleArn ? 'existing' : 'new',
    existingRoleArn: trail.CloudWatchLogsRoleArn ?? '',
    tags: tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '', existing: true })),
    insights: insightSelectors.length > 0,
    apiCallRate: hasInsight('ApiCallRateInsight'),
    apiErrorRate: hasInsight('ApiErrorRateInsight'),
    insightCategories: categories.size > 0 ? [...categories] : ['Management'],
  };
}
