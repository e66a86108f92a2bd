// CreateTrail (API_CreateTrail.html, docs/cloudtrail-facts.md#trails): API defaults IsMultiRegionTrail
// false, EnableLogFileValidation false, IncludeGlobalServiceEvents true, IsOrganizationTrail false, and
// the trail does not log until StartLogging. Checks run cheapest first: the request's own members, then
// name clashes and the per-Region limit, then the resources it names.
import { trailNameError } from '@/domain/trail-name';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import { trailArn, type AccountState, type TrailState } from '../../state';
import { optionalBoolean, optionalString, requiredString } from '../input';
import {
  checkBucket,
  checkBucketName,
  checkCloudWatchLogs,
  checkPrefix,
  resolveTrailKey,
  resolveTrailTopic,
} from './trail-destinations';
import { checkPlacement, mergeTags, readTags } from './trail-limits';
import { trailChangeOutput } from './trail-output';

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);
const invalidTrailName = (message: string) => new ServiceError('InvalidTrailNameException', message);

export function booleanMember(input: Record<string, unknown>, member: string): boolean | undefined {
  return optionalBoolean(input[member], member, invalidParameter);
}

/** [OBSERVED] "InvalidParameterCombinationException: Multi-Region trail must include global service events." */
export function checkGlobalEvents(multiRegion: boolean, includeGlobal: boolean): void {
  if (multiRegion && !includeGlobal) {
    throw new ServiceError(
      'InvalidParameterCombinationException',
      'Multi-Region trail must include global service events.',
    );
  }
}

/** CloudWatchLogsLogGroupArn "Not required unless you specify CloudWatchLogsRoleArn": both or neither. */
export function cloudWatchPair(input: Record<string, unknown>): { group?: string; role?: string } {
  const group = optionalString(
    input.CloudWatchLogsLogGroupArn,
    'CloudWatchLogsLogGroupArn',
    invalidParameter,
  );
  const role = optionalString(input.CloudWatchLogsRoleArn, 'CloudWatchLogsRoleArn', invalidParameter);
  const given = (v: unknown) => v !== undefined;
  if (given(group) !== given(role)) {
    throw new ServiceError(
      'InvalidParameterCombinationException',
      'Specify CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn together, or neither.',
    );
  }
  if ((group === '') !== (role === '')) {
    throw new ServiceError(
      'InvalidParameterCombinationException',
      'To stop delivery to CloudWatch Logs, send both CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn empty.',
    );
  }
  return group !== undefined ? { group, role: role! } : {};
}

export function createTrail(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const name = requiredString(input.Name, 'Name', invalidTrailName);
  const nameProblem = trailNameError(name);
  if (nameProblem) throw new ServiceError('InvalidTrailNameException', nameProblem);
  const bucketName = checkBucketName(input.S3BucketName);
  const prefix = checkPrefix(input.S3KeyPrefix) || undefined;
  const tags = mergeTags([], readTags(input.TagsList));
  const multiRegion = booleanMember(input, 'IsMultiRegionTrail') ?? false;
  const includeGlobal = booleanMember(input, 'IncludeGlobalServiceEvents') ?? true;
  checkGlobalEvents(multiRegion, includeGlobal);
  const logs = cloudWatchPair(input);
  checkPlacement(state, { name, homeRegion: context.region, multiRegion }, context);

  const bucket = checkBucket(state, bucketName, prefix);
  const keyId = input.KmsKeyId;
  const kmsKeyArn =
    keyId === undefined || keyId === null || keyId === ''
      ? undefined
      : resolveTrailKey(state, keyId, context.region, bucket);
  const sns =
    input.SnsTopicName === undefined || input.SnsTopicName === null
      ? undefined
      : resolveTrailTopic(state, input.SnsTopicName, context.region);
  if (logs.group) checkCloudWatchLogs(state, logs.group, logs.role!, context.region);

  const trail: TrailState = {
    Name: name,
    TrailARN: trailArn(context.region, context.accountId, name),
    HomeRegion: context.region,
    S3BucketName: bucketName,
    ...(prefix && { S3KeyPrefix: prefix }),
    ...sns,
    IncludeGlobalServiceEvents: includeGlobal,
    IsMultiRegionTrail: multiRegion,
    LogFileValidationEnabled: booleanMember(input, 'EnableLogFileValidation') ?? false,
    ...(logs.group && { CloudWatchLogsLogGroupArn: logs.group, CloudWatchLogsRoleArn: logs.role }),
    ...(kmsKeyArn && { KmsKeyId: kmsKeyArn }),
    IsOrganizationTrail: booleanMember(input, 'IsOrganizationTrail') ?? false,
    isLogging: false,
    tags,
    createdTime: context.now,
  };
  state.trails.set(trail.TrailARN, trail);
  return trailChangeOutput(trail);
}
