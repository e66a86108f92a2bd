// Where a trail may exist: names are unique among the trails a Region shows, and a Region shows at most
// 5 trails, shadows of multi-Region trails included ("Trails per Region 5", WhatIsCloudTrail-Limits.html).
// Also the tag rules shared by CreateTrail and AddTags.
import { tagCountError, tagErrors, TAGS_MAX, type TagInput } from '@/domain/trail-rules';
import type { CallContext } from '../../context';
import { ServiceError } from '../../errors';
import type { AccountState, Tag } from '../../state';
import { optionalString, optionalStructureList } from '../input';

export const TRAILS_PER_REGION = 5;

export interface Placement {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  /** The trail being changed, left out of the counts. */
  except?: string;
}

function others(state: AccountState, except: string | undefined) {
  return [...state.trails.values()].filter((t) => t.TrailARN !== except);
}

/** TrailAlreadyExistsException and MaximumNumberOfTrailsExceededException for a trail placed so. */
export function checkPlacement(state: AccountState, placement: Placement, context: CallContext): void {
  const trails = others(state, placement.except);
  const clash = trails.some(
    (t) =>
      t.Name === placement.name &&
      (placement.multiRegion || t.IsMultiRegionTrail || t.HomeRegion === placement.homeRegion),
  );
  if (clash) {
    // [OBSERVED] "Trail <name> already exists for customer: <accountId>"
    throw new ServiceError(
      'TrailAlreadyExistsException',
      `Trail ${placement.name} already exists for customer: ${context.accountId}`,
    );
  }
  const regions = placement.multiRegion
    ? [...new Set([placement.homeRegion, ...trails.map((t) => t.HomeRegion)])].sort()
    : [placement.homeRegion];
  for (const region of regions) {
    const shown = trails.filter((t) => t.HomeRegion === region || t.IsMultiRegionTrail).length;
    if (shown + 1 > TRAILS_PER_REGION) {
      // [OBSERVED] "User: <accountId> already has 5 trails in us-west-2."
      throw new ServiceError(
        'MaximumNumberOfTrailsExceededException',
        `User: ${context.accountId} already has ${TRAILS_PER_REGION} trails in ${region}.`,
      );
    }
  }
}

const invalidTags = (message: string) => new ServiceError('InvalidTagParameterException', message);

/** A TagsList member's types as sent: a list of {Key, Value} strings, or SerializationException. */
export function tagsListMember(value: unknown): TagInput[] | undefined {
  return optionalStructureList(value, 'TagsList', invalidTags)?.map((t) => ({
    Key: optionalString(t.Key, 'Key', invalidTags),
    Value: optionalString(t.Value, 'Value', invalidTags),
  }));
}

/** Tags that pass the tag rules; InvalidTagParameterException for the first that does not. */
export function validTags(tags: readonly TagInput[]): Tag[] {
  const problem = tagErrors(tags)[0];
  if (problem) throw invalidTags(problem.message);
  return tags.map((t) => (t.Value === undefined ? { Key: t.Key! } : { Key: t.Key!, Value: t.Value }));
}

/** A TagsList member as sent (absent: no tags), typed and then checked against the tag rules. */
export function readTags(value: unknown): Tag[] {
  return validTags(tagsListMember(value) ?? []);
}

/** Tags after adding some: same keys overwrite; more than 50 is TagsLimitExceededException. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t]));
  for (const tag of added) byKey.set(tag.Key, tag);
  if (tagCountError(byKey.size)) {
    // TagsLimitExceededException (cloudtrail model): "… Currently, the limit is 50."
    throw new ServiceError(
      'TagsLimitExceededException',
      `The number of tags per trail, event data store, dashboard, or channel has exceeded the permitted amount. Currently, the limit is ${TAGS_MAX}.`,
    );
  }
  return [...byKey.values()];
}
