// Form values → the calls that make them true (src/api/trail-mutations.ts runs them). Resources the form
// creates get the policies CloudTrail needs from src/domain/cloudtrail-policies.ts, so the trail that
// follows passes the checks behind InsufficientS3BucketPolicyException and its siblings.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { TrailPlan } from '@/api/trail-mutations';
import { iamRoleArn, logGroupArn, snsTopicArn } from '@/domain/aws-arn';
import {
  cloudTrailAssumeRolePolicy,
  cloudTrailBucketPolicy,
  cloudTrailKeyPolicy,
  cloudTrailLogsRolePolicy,
  cloudTrailTopicPolicy,
} from '@/domain/cloudtrail-policies';
import { toAliasName } from '@/domain/trail-rules';
import { formSelectors, insightSelectors } from './selector-mapping';
import type { TrailFormValues } from './trail-form-values';

export interface PlanContext {
  accountId: string;
  region: string;
}

/** The console creates its CloudWatch Logs role under /service-role/ (docs/cloudtrail-facts.md#create-trail-and-trail-details IAM Role). */
export const ROLE_PATH = '/service-role/';

/** `arn:aws:cloudtrail:<home Region>:<account>:trail/<name>` (docs/cloudtrail-facts.md#trails). */
export const trailArnFor = ({ accountId, region }: PlanContext, name: string) =>
  `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;

export const bucketNameOf = (v: TrailFormValues) =>
  v.storage === 'new' ? v.newBucketName : v.existingBucketName;

export function cloudWatchArns(v: TrailFormValues, { accountId, region }: PlanContext) {
  const group = logGroupArn(region, accountId, v.logGroup === 'new' ? v.newLogGroup : v.existingLogGroup);
  const role = v.role === 'new' ? iamRoleArn(accountId, ROLE_PATH, v.newRoleName) : v.existingRoleArn;
  return { group, role };
}

/** The policy the CloudWatch Logs role needs, as the form shows it under Policy document. */
export function rolePolicyFor(v: TrailFormValues, context: PlanContext) {
  return cloudTrailLogsRolePolicy(cloudWatchArns(v, context).group, context.accountId, context.region);
}

type Resources = Pick<TrailPlan, 'bucket' | 'key' | 'topic' | 'logGroup' | 'role'>;

function newResources(
  v: TrailFormValues,
  context: PlanContext,
  trailName: string,
  parts: { general: boolean; cloudWatch: boolean },
): Resources {
  const out: Resources = {};
  const trailArn = trailArnFor(context, trailName);
  if (parts.general && v.storage === 'new') {
    const policy = cloudTrailBucketPolicy({
      bucket: v.newBucketName,
      prefix: v.prefix || undefined,
      accountId: context.accountId,
      trailArn,
    });
    out.bucket = { name: v.newBucketName, policy };
  }
  if (parts.general && v.kmsEnabled && v.kmsKey === 'new') {
    out.key = { aliasName: toAliasName(v.newKmsAlias), policy: cloudTrailKeyPolicy(context.accountId) };
  }
  if (parts.general && v.snsEnabled && v.snsTopic === 'new') {
    const arn = snsTopicArn(context.region, context.accountId, v.newSnsTopic);
    out.topic = { name: v.newSnsTopic, policy: cloudTrailTopicPolicy(arn) };
  }
  if (parts.cloudWatch && v.cloudWatchEnabled) {
    if (v.logGroup === 'new') out.logGroup = { name: v.newLogGroup };
    if (v.role === 'new') {
      out.role = {
        name: v.newRoleName,
        path: ROLE_PATH,
        trustPolicy: cloudTrailAssumeRolePolicy(),
        policyName: `CloudTrailPolicyForCloudWatchLogs_${trailName}`,
        policy: rolePolicyFor(v, context),
      };
    }
  }
  return out;
}

const kmsKeyIdOf = (v: TrailFormValues) =>
  v.kmsKey === 'new' ? toAliasName(v.newKmsAlias) : v.existingKmsKey.trim();
const topicOf = (v: TrailFormValues) => (v.snsTopic === 'new' ? v.newSnsTopic : v.existingSnsTopic.trim());

/** Create trail as the console does it: multi-Region, global service events, then StartLogging (§2). */
export function createTrailPlan(v: TrailFormValues, context: PlanContext): TrailPlan {
  const cloudWatch = v.cloudWatchEnabled ? cloudWatchArns(v, context) : undefined;
  const tags = v.tags.filter((t) => !t.markedForRemoval).map((t) => ({ Key: t.key, Value: t.value }));
  const insights = insightSelectors(v);
  return {
    region: context.region,
    trailName: v.name,
    ...newResources(v, context, v.name, { general: true, cloudWatch: true }),
    create: {
      Name: v.name,
      S3BucketName: bucketNameOf(v),
      ...(v.prefix && { S3KeyPrefix: v.prefix }),
      ...(v.snsEnabled && { SnsTopicName: topicOf(v) }),
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: v.logFileValidation,
      ...(cloudWatch && {
        CloudWatchLogsLogGroupArn: cloudWatch.group,
        CloudWatchLogsRoleArn: cloudWatch.role,
      }),
      ...(v.kmsEnabled && { KmsKeyId: kmsKeyIdOf(v) }),
      IsOrganizationTrail: v.organization,
      ...(tags.length > 0 && { TagsList: tags }),
    },
    advancedEventSelectors: formSelectors(v),
    ...(insights.length > 0 && { insightSelectors: insights }),
    startLogging: true,
  };
}

/** General details → UpdateTrail with only what changed; an empty string turns a destination off (§4.4). */
export function updateGeneralPlan(v: TrailFormValues, trail: Trail, context: PlanContext): TrailPlan {
  const arn = trail.TrailARN ?? '';
  const update: NonNullable<TrailPlan['update']> = { Name: arn };
  if (bucketNameOf(v) !== trail.S3BucketName || v.prefix !== (trail.S3KeyPrefix ?? '')) {
    update.S3BucketName = bucketNameOf(v);
    update.S3KeyPrefix = v.prefix;
  }
  if (v.kmsEnabled ? kmsKeyIdOf(v) !== trail.KmsKeyId : trail.KmsKeyId)
    update.KmsKeyId = v.kmsEnabled ? kmsKeyIdOf(v) : '';
  const topic = trail.SnsTopicARN ?? trail.SnsTopicName;
  if (v.snsEnabled ? topicOf(v) !== topic : topic) update.SnsTopicName = v.snsEnabled ? topicOf(v) : '';
  if (v.logFileValidation !== !!trail.LogFileValidationEnabled)
    update.EnableLogFileValidation = v.logFileValidation;
  if (v.organization !== !!trail.IsOrganizationTrail) update.IsOrganizationTrail = v.organization;
  return {
    region: context.region,
    trailName: arn,
    ...newResources(v, context, trail.Name ?? '', { general: true, cloudWatch: false }),
    update,
  };
}

/** CloudWatch Logs → UpdateTrail with both ARNs, or both empty to turn delivery off (§2.1). */
export function updateCloudWatchPlan(v: TrailFormValues, trail: Trail, context: PlanContext): TrailPlan {
  const arn = trail.TrailARN ?? '';
  const arns = v.cloudWatchEnabled ? cloudWatchArns(v, context) : { group: '', role: '' };
  return {
    region: context.region,
    trailName: arn,
    ...newResources(v, context, trail.Name ?? '', { general: false, cloudWatch: true }),
    update: { Name: arn, CloudWatchLogsLogGroupArn: arns.group, CloudWatchLogsRoleArn: arns.role },
  };
}
