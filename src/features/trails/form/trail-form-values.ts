// The values behind the Create trail wizard and every trail edit form, with the console's defaults
// (docs/cloudtrail-facts.md#create-trail-and-trail-details, docs/cloudtrail-facts.md#trails). One shape for all of them, so the field components
// work in any of those forms; each form validates only its own sections (trail-form-schema.ts).
import type { FieldOperator, InsightEventCategory } from '@/domain/event-selectors';
import type { DataTemplate, NetworkTemplate } from './selector-options';

export type NewOrExisting = 'new' | 'existing';

export interface TagValue {
  key: string;
  value: string;
  existing: boolean;
  markedForRemoval?: boolean;
}

export interface ConditionValue {
  field: string;
  operator: FieldOperator;
  value: string;
}

export interface DataSelectorValue {
  name: string;
  resourceType: string;
  template: DataTemplate;
  conditions: ConditionValue[];
}

export interface NetworkSelectorValue {
  name: string;
  eventSource: string;
  template: NetworkTemplate;
  conditions: ConditionValue[];
}

export interface TrailFormValues {
  // Choose trail attributes
  name: string;
  organization: boolean;
  storage: NewOrExisting;
  newBucketName: string;
  existingBucketName: string;
  prefix: string;
  kmsEnabled: boolean;
  kmsKey: NewOrExisting;
  newKmsAlias: string;
  /** An alias name, alias ARN or key ARN. */
  existingKmsKey: string;
  logFileValidation: boolean;
  snsEnabled: boolean;
  snsTopic: NewOrExisting;
  newSnsTopic: string;
  /** A topic ARN (or name). */
  existingSnsTopic: string;
  cloudWatchEnabled: boolean;
  logGroup: NewOrExisting;
  newLogGroup: string;
  existingLogGroup: string;
  role: NewOrExisting;
  newRoleName: string;
  existingRoleArn: string;
  tags: TagValue[];
  // Choose log events
  management: boolean;
  data: boolean;
  insights: boolean;
  network: boolean;
  read: boolean;
  write: boolean;
  excludeKms: boolean;
  excludeRdsData: boolean;
  dataSelectors: DataSelectorValue[];
  apiCallRate: boolean;
  apiErrorRate: boolean;
  insightCategories: InsightEventCategory[];
  networkSelectors: NetworkSelectorValue[];
}

/** `aws-cloudtrail-logs-<account>-<8 hex>`, the console's generated bucket and log group names. */
export function generatedName(accountId: string | undefined, suffix: string): string {
  return accountId ? `aws-cloudtrail-logs-${accountId}-${suffix}` : '';
}

/** 8 random hex characters, new each time the wizard opens. */
export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The CloudWatch Logs role the console proposes (docs/cloudtrail-facts.md#create-trail-and-trail-details IAM Role). */
export const defaultRoleName = (trailName: string) => `CloudTrailRoleForCloudWatchLogs_${trailName}`;

export const newDataSelector = (): DataSelectorValue => ({
  name: '',
  resourceType: 'AWS::S3::Object',
  template: 'all',
  conditions: [],
});

export const newNetworkSelector = (): NetworkSelectorValue => ({
  name: '',
  eventSource: 'kms.amazonaws.com',
  template: 'all',
  conditions: [],
});

export const newCondition = (field: string): ConditionValue => ({ field, operator: 'Equals', value: '' });

/** The console's defaults (§9): SSE-KMS and log file validation on, management events Read and Write. */
export function defaultTrailFormValues(
  accountId: string | undefined,
  suffixes = [randomSuffix(), randomSuffix(), randomSuffix()],
): TrailFormValues {
  const [bucket = '', logGroup = '', topic = ''] = suffixes;
  return {
    name: '',
    organization: false,
    storage: 'new',
    newBucketName: generatedName(accountId, bucket),
    existingBucketName: '',
    prefix: '',
    kmsEnabled: true,
    kmsKey: 'new',
    newKmsAlias: '',
    existingKmsKey: '',
    logFileValidation: true,
    snsEnabled: false,
    snsTopic: 'new',
    newSnsTopic: generatedName(accountId, topic),
    existingSnsTopic: '',
    cloudWatchEnabled: false,
    logGroup: 'new',
    newLogGroup: generatedName(accountId, logGroup),
    existingLogGroup: '',
    role: 'new',
    newRoleName: '',
    existingRoleArn: '',
    tags: [],
    management: true,
    data: false,
    insights: false,
    network: false,
    read: true,
    write: true,
    excludeKms: false,
    excludeRdsData: false,
    dataSelectors: [newDataSelector()],
    apiCallRate: false,
    apiErrorRate: false,
    insightCategories: ['Management'],
    networkSelectors: [newNetworkSelector()],
  };
}
