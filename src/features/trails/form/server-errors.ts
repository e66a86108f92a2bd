// Where an AWS error from the create or edit calls belongs: the form field it is about, or nowhere (then
// the page shows it in an Alert). Exception names: docs/cloudtrail-facts.md#trails.
import type { FieldPath } from 'react-hook-form';
import type { TrailPlanStep } from '@/api/trail-mutations';
import type { TrailFormValues } from './trail-form-values';

type Field = FieldPath<TrailFormValues>;

const bucketField = (v: TrailFormValues): Field =>
  v.storage === 'new' ? 'newBucketName' : 'existingBucketName';
const kmsField = (v: TrailFormValues): Field => (v.kmsKey === 'new' ? 'newKmsAlias' : 'existingKmsKey');
const topicField = (v: TrailFormValues): Field => (v.snsTopic === 'new' ? 'newSnsTopic' : 'existingSnsTopic');
const logGroupField = (v: TrailFormValues): Field =>
  v.logGroup === 'new' ? 'newLogGroup' : 'existingLogGroup';
const roleField = (v: TrailFormValues): Field => (v.role === 'new' ? 'newRoleName' : 'existingRoleArn');
const selectorsField = (v: TrailFormValues): Field =>
  v.data ? 'dataSelectors' : v.network ? 'networkSelectors' : 'management';

/** The calls that create a resource: any error of theirs is about that resource's field. */
const STEP_FIELDS: Partial<Record<TrailPlanStep, (v: TrailFormValues) => Field>> = {
  bucket: bucketField,
  key: kmsField,
  topic: topicField,
  logGroup: logGroupField,
  role: roleField,
  eventSelectors: selectorsField,
  insightSelectors: () => 'apiCallRate',
};

const EXCEPTION_FIELDS: Record<string, (v: TrailFormValues) => Field> = {
  InvalidTrailNameException: () => 'name',
  TrailAlreadyExistsException: () => 'name',
  MaximumNumberOfTrailsExceededException: () => 'name',
  S3BucketDoesNotExistException: bucketField,
  InsufficientS3BucketPolicyException: bucketField,
  InvalidS3BucketNameException: bucketField,
  InvalidS3PrefixException: () => 'prefix',
  InvalidKmsKeyIdException: kmsField,
  KmsKeyNotFoundException: kmsField,
  InsufficientEncryptionPolicyException: kmsField,
  KmsException: kmsField,
  InvalidSnsTopicNameException: topicField,
  InsufficientSnsTopicPolicyException: topicField,
  InvalidCloudWatchLogsLogGroupArnException: logGroupField,
  CloudWatchLogsDeliveryUnavailableException: logGroupField,
  InvalidCloudWatchLogsRoleArnException: roleField,
  InvalidTagParameterException: () => 'tags',
  TagsLimitExceededException: () => 'tags',
  InvalidEventSelectorsException: selectorsField,
  InvalidInsightSelectorsException: () => 'apiCallRate',
};

export function fieldForError(
  name: string,
  step: TrailPlanStep | undefined,
  values: TrailFormValues,
): Field | undefined {
  const byStep = step && STEP_FIELDS[step];
  if (byStep) return byStep(values);
  return EXCEPTION_FIELDS[name]?.(values);
}
