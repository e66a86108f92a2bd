// The demo account's trails (TrailState, src/emulator/state.ts): a multi-Region management trail with
// Insights, a security trail with advanced selectors, and a stopped single-Region legacy trail. The
// logging trails' delivery status is not seeded: the demo makes their last delivery (demo-delivery.ts).
import { trailArn, type TrailState } from '@/emulator/state';
import { keyArn } from './catalog/kms';
import { ACCOUNT_ID, HOME_REGION, TRAIL_NAMES } from './resources';
import { DAY_MS } from './time';

/** Epoch ms rounded down to the second, like the service's timestamps. */
const at = (ms: number) => Math.floor(ms / 1000) * 1000;

export interface TrailTimes {
  nowMs: number;
  /** The logging gap story: when the management trail was stopped and started again. */
  stoppedMs: number;
  restartedMs: number;
}

export function demoTrails({ nowMs, stoppedMs, restartedMs }: TrailTimes): TrailState[] {
  const management = TRAIL_NAMES.management;
  return [
    {
      Name: management,
      TrailARN: trailArn(HOME_REGION, ACCOUNT_ID, management),
      HomeRegion: HOME_REGION,
      S3BucketName: `aws-cloudtrail-logs-${ACCOUNT_ID}-mgmt`,
      SnsTopicName: 'cloudtrail-notifications',
      SnsTopicARN: `arn:aws:sns:${HOME_REGION}:${ACCOUNT_ID}:cloudtrail-notifications`,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${HOME_REGION}:${ACCOUNT_ID}:log-group:aws-cloudtrail-logs-${ACCOUNT_ID}-mgmt:*`,
      CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/CloudTrailRoleForCloudWatchLogs_${management}`,
      KmsKeyId: keyArn(HOME_REGION, 2),
      IsOrganizationTrail: false,
      isLogging: true,
      startLoggingTime: at(restartedMs),
      stopLoggingTime: at(stoppedMs),
      eventSelectors: [
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [],
          ExcludeManagementEventSources: [],
        },
      ],
      insightSelectors: [
        { InsightType: 'ApiCallRateInsight', EventCategories: ['Management'] },
        { InsightType: 'ApiErrorRateInsight', EventCategories: ['Management'] },
      ],
      tags: [
        { Key: 'owner', Value: 'security' },
        { Key: 'cost-center', Value: 'platform' },
      ],
      createdTime: at(nowMs - 412 * DAY_MS),
    },
    {
      Name: TRAIL_NAMES.security,
      TrailARN: trailArn(HOME_REGION, ACCOUNT_ID, TRAIL_NAMES.security),
      HomeRegion: HOME_REGION,
      S3BucketName: 'shopfront-security-audit-logs',
      S3KeyPrefix: 'cloudtrail',
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: true,
      LogFileValidationEnabled: true,
      IsOrganizationTrail: false,
      isLogging: true,
      startLoggingTime: at(nowMs - 203 * DAY_MS),
      advancedEventSelectors: [
        {
          Name: 'Write-only management events',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Management'] },
            { Field: 'readOnly', Equals: ['false'] },
          ],
        },
        {
          Name: 'S3 data events on the finance bucket',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::shopfront-finance-reports/'] },
          ],
        },
      ],
      tags: [{ Key: 'owner', Value: 'security' }],
      createdTime: at(nowMs - 203 * DAY_MS),
    },
    {
      Name: TRAIL_NAMES.legacy,
      TrailARN: trailArn('us-west-2', ACCOUNT_ID, TRAIL_NAMES.legacy),
      HomeRegion: 'us-west-2',
      S3BucketName: 'shopfront-legacy-trail-logs',
      IncludeGlobalServiceEvents: false,
      IsMultiRegionTrail: false,
      LogFileValidationEnabled: false,
      IsOrganizationTrail: false,
      isLogging: false,
      startLoggingTime: at(nowMs - 702 * DAY_MS),
      stopLoggingTime: at(nowMs - 163 * DAY_MS),
      latestDeliveryTime: at(nowMs - 163 * DAY_MS),
      eventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }],
      tags: [{ Key: 'deprecated', Value: 'true' }],
      createdTime: at(nowMs - 702 * DAY_MS),
    },
  ];
}
