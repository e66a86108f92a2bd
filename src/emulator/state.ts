// Trails and the supporting resources of one emulated account. Small, kept in memory and
// snapshotted by whoever hosts the emulator (the server persists it; the browser keeps it for the tab).

export interface Tag {
  Key: string;
  Value?: string;
}

export interface AdvancedFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: AdvancedFieldSelector[];
}

export interface DataResource {
  Type: string;
  Values: string[];
}

export interface EventSelector {
  ReadWriteType?: 'ReadOnly' | 'WriteOnly' | 'All';
  IncludeManagementEvents?: boolean;
  DataResources?: DataResource[];
  ExcludeManagementEventSources?: string[];
}

export interface InsightSelector {
  InsightType: 'ApiCallRateInsight' | 'ApiErrorRateInsight';
  EventCategories?: Array<'Management' | 'Data'>;
}

/** A trail as stored: the API's Trail members plus status, selectors and tags. Times are epoch ms. */
export interface TrailState {
  Name: string;
  TrailARN: string;
  HomeRegion: string;
  S3BucketName: string;
  S3KeyPrefix?: string;
  SnsTopicName?: string;
  SnsTopicARN?: string;
  IncludeGlobalServiceEvents: boolean;
  IsMultiRegionTrail: boolean;
  LogFileValidationEnabled: boolean;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  KmsKeyId?: string;
  IsOrganizationTrail: boolean;
  isLogging: boolean;
  startLoggingTime?: number;
  stopLoggingTime?: number;
  latestDeliveryTime?: number;
  latestDigestDeliveryTime?: number;
  latestNotificationTime?: number;
  latestCloudWatchLogsDeliveryTime?: number;
  /** Exactly one of the two selector kinds is set; neither means the API default (all management events). */
  eventSelectors?: EventSelector[];
  advancedEventSelectors?: AdvancedEventSelector[];
  insightSelectors?: InsightSelector[];
  tags: Tag[];
  createdTime: number;
}

export interface AccountState {
  accountId: string;
  /** Keyed by TrailARN. */
  trails: Map<string, TrailState>;
}

export function createAccountState(accountId: string, trails: TrailState[] = []): AccountState {
  return { accountId, trails: new Map(trails.map((t) => [t.TrailARN, t])) };
}

export function trailArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}
