// The choices the event selector editors offer, with the console's labels (docs/cloudtrail-facts.md#create-trail-and-trail-details). What a selector may contain is checked by src/domain/event-selector-rules.ts.
import type { FieldOperator } from '@/domain/event-selectors';
import { INSIGHT_TYPE_LABELS } from '@/domain/insights';

/** Data event resource types: console name → resources.type (logging-data-events-with-cloudtrail.html). */
export const DATA_RESOURCE_TYPE_OPTIONS = [
  { label: 'S3', value: 'AWS::S3::Object' },
  { label: 'Lambda', value: 'AWS::Lambda::Function' },
  { label: 'DynamoDB', value: 'AWS::DynamoDB::Table' },
  { label: 'DynamoDB Streams', value: 'AWS::DynamoDB::Stream' },
  { label: 'S3 Express', value: 'AWS::S3Express::Object' },
  { label: 'S3 Access Point', value: 'AWS::S3::AccessPoint' },
  { label: 'S3 Object Lambda', value: 'AWS::S3ObjectLambda::AccessPoint' },
  { label: 'SNS topic', value: 'AWS::SNS::Topic' },
  { label: 'SNS platform endpoint', value: 'AWS::SNS::PlatformEndpoint' },
  { label: 'SQS', value: 'AWS::SQS::Queue' },
  { label: 'Lake Formation', value: 'AWS::Glue::Table' },
  { label: 'CloudTrail channel', value: 'AWS::CloudTrail::Channel' },
  { label: 'EBS direct APIs', value: 'AWS::EC2::Snapshot' },
  { label: 'Cognito Identity Pools', value: 'AWS::Cognito::IdentityPool' },
  { label: 'GuardDuty detector', value: 'AWS::GuardDuty::Detector' },
  { label: 'Secrets Manager', value: 'AWS::SecretsManager::Secret' },
  { label: 'Bedrock agent alias', value: 'AWS::Bedrock::AgentAlias' },
  { label: 'Bedrock knowledge base', value: 'AWS::Bedrock::KnowledgeBase' },
] as const;

export type DataTemplate = 'all' | 'read' | 'write' | 'console' | 'excludeService' | 'custom';

export const DATA_TEMPLATE_OPTIONS: ReadonlyArray<{ label: string; value: DataTemplate }> = [
  { label: 'Log all events', value: 'all' },
  { label: 'Log only read events', value: 'read' },
  { label: 'Log only write events', value: 'write' },
  { label: 'Log only AWS Management Console events', value: 'console' },
  { label: 'Exclude AWS service initiated events', value: 'excludeService' },
  { label: 'Custom', value: 'custom' },
];

export type NetworkTemplate = 'all' | 'accessDenied' | 'custom';

export const NETWORK_TEMPLATE_OPTIONS: ReadonlyArray<{ label: string; value: NetworkTemplate }> = [
  { label: 'Log all events', value: 'all' },
  { label: 'Log network activity access denied events', value: 'accessDenied' },
  { label: 'Custom', value: 'custom' },
];

/** A few of the ~100 sources of logging-network-events-with-cloudtrail.html; any other can be typed. */
export const NETWORK_EVENT_SOURCES = [
  'cloudtrail.amazonaws.com',
  'ec2.amazonaws.com',
  'kms.amazonaws.com',
  's3.amazonaws.com',
  'secretsmanager.amazonaws.com',
  'sts.amazonaws.com',
  'lambda.amazonaws.com',
  'dynamodb.amazonaws.com',
  'sqs.amazonaws.com',
  'sns.amazonaws.com',
] as const;

/** Custom condition fields offered per category (docs/cloudtrail-facts.md#create-trail-and-trail-details; resources.type comes from its own list). */
export const DATA_CONDITION_FIELDS = [
  'readOnly',
  'eventName',
  'eventSource',
  'eventType',
  'sessionCredentialFromConsole',
  'userIdentity.arn',
  'resources.ARN',
] as const;

export const NETWORK_CONDITION_FIELDS = [
  'eventName',
  'errorCode',
  'vpcEndpointId',
  'userIdentity.arn',
] as const;

/** The console's lower-case operator phrases. */
export const OPERATOR_LABELS: Record<FieldOperator, string> = {
  Equals: 'equals',
  NotEquals: 'does not equal',
  StartsWith: 'starts with',
  NotStartsWith: 'does not start with',
  EndsWith: 'ends with',
  NotEndsWith: 'does not end with',
};

export const INSIGHT_TYPE_OPTIONS = [
  { field: 'apiCallRate', type: 'ApiCallRateInsight', label: INSIGHT_TYPE_LABELS.ApiCallRateInsight },
  { field: 'apiErrorRate', type: 'ApiErrorRateInsight', label: INSIGHT_TYPE_LABELS.ApiErrorRateInsight },
] as const;

export function resourceTypeLabel(type: string): string {
  return DATA_RESOURCE_TYPE_OPTIONS.find((option) => option.value === type)?.label ?? type;
}
