// CloudWatch Logs (JSON 1.1, `Logs_20140328`), as far as the Create trail flow needs it (CreateLogGroup,
// DescribeLogGroups) and reading what trails deliver (log-events.ts). Log groups are per Region; names
// follow the logs model (docs/cloudtrail-facts.md#create-trail-and-trail-details, log group).
import { logGroupNameError } from '@/domain/trail-rules';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, LogGroupState } from '../../state';
import {
  constraintMessage,
  decodeIndexToken,
  encodeIndexToken,
  optionalInteger,
  optionalString,
  optionalStructure,
  requiredString,
} from '../input';
import type { AuditMapper } from '../service';
import { describeLogStreams, filterLogEvents, getLogEvents } from './log-events';

export const LOGS_TARGET_PREFIX = 'Logs_20140328';

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);
const LOG_GROUP_CLASSES = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'];
const NAME_PATTERN = 'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+';

function checkName(name: string): void {
  const problem = logGroupNameError(name);
  if (!problem) return;
  if (name.startsWith('aws/')) throw invalid(problem);
  throw invalid(
    constraintMessage(
      name,
      'logGroupName',
      name.length > 512 ? 'Member must have length less than or equal to 512' : NAME_PATTERN,
    ),
  );
}

function createLogGroup(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const name = requiredString(input.logGroupName, 'logGroupName', invalid);
  checkName(name);
  const logGroupClass = optionalString(input.logGroupClass, 'logGroupClass', invalid) ?? 'STANDARD';
  if (!LOG_GROUP_CLASSES.includes(logGroupClass)) {
    throw invalid(
      constraintMessage(
        logGroupClass,
        'logGroupClass',
        `Member must satisfy enum value set: [${LOG_GROUP_CLASSES.join(', ')}]`,
      ),
    );
  }
  const tags = optionalStructure(input.tags, 'tags', invalid) ?? {};
  // A map's values are typed like any member: a tag value that is not a string is not deserialized.
  for (const value of Object.values(tags)) optionalString(value, 'tags', invalid);
  if (Object.keys(tags).length > 50)
    throw invalid(constraintMessage('tags', 'tags', 'Member must have length less than or equal to 50'));
  const arn = `arn:aws:logs:${context.region}:${context.accountId}:log-group:${name}`;
  if (state.logGroups.has(arn)) {
    throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
  }
  const kmsKeyId = optionalString(input.kmsKeyId, 'kmsKeyId', invalid);
  const group: LogGroupState = {
    name,
    region: context.region,
    arn,
    creationTime: context.now,
    logGroupClass,
    ...(kmsKeyId && { kmsKeyId }),
    tags: tags as Record<string, string>,
  };
  state.logGroups.set(arn, group);
  return {};
}

function describeLogGroups(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const prefix = optionalString(input.logGroupNamePrefix, 'logGroupNamePrefix', invalid);
  const pattern = optionalString(input.logGroupNamePattern, 'logGroupNamePattern', invalid);
  if (prefix !== undefined && pattern !== undefined) {
    throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const limit = optionalInteger(input.limit, 'limit', invalid) ?? 50;
  if (limit < 1 || limit > 50)
    throw invalid(
      constraintMessage(String(limit), 'limit', 'Member must have value less than or equal to 50'),
    );
  const token = optionalString(input.nextToken, 'nextToken', invalid);
  const start = token ? decodeIndexToken(token, () => invalid('The specified nextToken is invalid.')) : 0;
  const groups = [...state.logGroups.values()]
    .filter((g) => g.region === context.region)
    .filter((g) => prefix === undefined || g.name.startsWith(prefix))
    .filter((g) => !pattern || g.name.toLowerCase().includes(pattern.toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = groups.slice(start, start + limit);
  return {
    logGroups: page.map((g) => ({
      logGroupName: g.name,
      creationTime: g.creationTime,
      metricFilterCount: 0,
      arn: `${g.arn}:*`,
      storedBytes: 0,
      ...(g.kmsKeyId && { kmsKeyId: g.kmsKeyId }),
      logGroupClass: g.logGroupClass,
      logGroupArn: g.arn,
    })),
    ...(start + limit < groups.length && { nextToken: encodeIndexToken(start + limit) }),
  };
}

export function logsOperations(state: AccountState): Record<string, Operation> {
  return {
    CreateLogGroup: (input, context) => createLogGroup(state, input, context),
    DescribeLogGroups: (input, context) => describeLogGroups(state, input, context),
    DescribeLogStreams: (input, context) => describeLogStreams(state, input, context),
    GetLogEvents: (input, context) => getLogEvents(state, input, context),
    FilterLogEvents: (input, context) => filterLogEvents(state, input, context),
  };
}

/** Logs members are already lowerCamelCase; tag keys are the user's. */
export const logsAudit: AuditMapper = { mapMembers: ['tags'] };
