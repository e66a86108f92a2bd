// AddTags, RemoveTags, ListTags on trails (docs/cloudtrail-facts.md#trails). ResourceId is an ARN;
// up to 50 tags per trail; ListTags takes up to 20 ARNs. Event data stores, dashboards and channels are
// answered by resource-tags.ts before these; an ARN of theirs that reaches here is reported as not found.
import { parseArn } from '@/domain/aws-arn';
import { parseTrailArn } from '@/domain/trail-name';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, TrailState } from '../../state';
import { optionalString, optionalStringList } from '../input';
import { mergeTags, tagsListMember, validTags } from './trail-limits';
import { wrongRegion } from './trail-lookup';

/** "ListTags … ResourceIdList: Specifies a list of trail, event data store, dashboard, or channel ARNs" — at most 20. */
export const LIST_TAGS_MAX_RESOURCES = 20;

const NOT_FOUND_BY_TYPE = new Map([
  ['eventdatastore', 'EventDataStoreNotFoundException'],
  ['channel', 'ChannelNotFoundException'],
  ['dashboard', 'ResourceNotFoundException'],
]);

const invalidArn = (message: string) => new ServiceError('CloudTrailARNInvalidException', message);
const invalidTags = (message: string) => new ServiceError('InvalidTagParameterException', message);

function taggedTrail(state: AccountState, value: unknown, context: CallContext): TrailState {
  const resourceId = optionalString(value, 'ResourceId', invalidArn);
  if (resourceId === undefined || resourceId === '') {
    throw invalidArn('ResourceId must be the ARN of a trail.');
  }
  const arn = parseArn(resourceId);
  if (!arn || arn.service !== 'cloudtrail') {
    throw new ServiceError(
      'CloudTrailARNInvalidException',
      `${resourceId} is not a valid ARN. Specify a trail ARN such as arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.`,
    );
  }
  const type = arn.resource.split('/')[0]!;
  const code = NOT_FOUND_BY_TYPE.get(type);
  if (code) throw new ServiceError(code, `Resource not found: ${resourceId}`);
  if (!parseTrailArn(resourceId))
    throw new ServiceError('ResourceTypeNotSupportedException', `Resource type not supported: ${type}`);
  const trail = state.trails.get(resourceId);
  if (trail && (trail.HomeRegion === context.region || trail.IsMultiRegionTrail)) return trail;
  if (arn.region !== context.region) throw wrongRegion(context);
  throw new ServiceError('ResourceNotFoundException', `Resource not found: ${resourceId}`);
}

export function addTags(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const given = tagsListMember(input.TagsList);
  const trail = taggedTrail(state, input.ResourceId, context);
  if (!given) throw invalidTags('TagsList is required.');
  const tags = mergeTags(trail.tags, validTags(given));
  state.trails.set(trail.TrailARN, { ...trail, tags });
  return {};
}

export function removeTags(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const given = tagsListMember(input.TagsList);
  const trail = taggedTrail(state, input.ResourceId, context);
  if (!given) throw invalidTags('TagsList is required.');
  const keys = new Set(validTags(given).map((t) => t.Key));
  state.trails.set(trail.TrailARN, { ...trail, tags: trail.tags.filter((t) => !keys.has(t.Key)) });
  return {};
}

export function listTags(state: AccountState, input: Record<string, unknown>, context: CallContext) {
  const invalid = (message: string) => new ServiceError('InvalidParameterException', message);
  const ids = optionalStringList(input.ResourceIdList, 'ResourceIdList', invalid);
  if (!ids || ids.length === 0 || ids.length > LIST_TAGS_MAX_RESOURCES) {
    throw new ServiceError(
      'InvalidParameterException',
      `ResourceIdList must contain between 1 and ${LIST_TAGS_MAX_RESOURCES} ARNs.`,
    );
  }
  return {
    ResourceTagList: ids.map((id) => {
      const trail = taggedTrail(state, id, context);
      return { ResourceId: trail.TrailARN, TagsList: trail.tags };
    }),
  };
}
