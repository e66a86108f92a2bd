// AddTags, RemoveTags and ListTags across CloudTrail's taggable resources: trails (trail-tags.ts) and,
// by the kind their ARN names, event data stores, dashboards and channels. Up to 50 tags on each
// (docs/cloudtrail-facts.md#trails); ListTags takes up to 20 ARNs of any kinds at once.
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { Tag } from '../../state';
import { mergeTags, readTags } from './trail-limits';
import { LIST_TAGS_MAX_RESOURCES } from './trail-tags';

/** A taggable resource found by its ARN: its tags, and how to keep new ones (resolves once durable). */
export interface TaggedResource {
  arn: string;
  tags: readonly Tag[];
  save(tags: Tag[]): Promise<void>;
}

/** Finds the resource an ARN names, or throws that kind's not-found (or inactive) error. */
export type FindTagged = (arn: string, context: CallContext) => Promise<TaggedResource>;

const ARN_KIND = /^arn:[^:]*:cloudtrail:[^:]*:[^:]*:([a-z]+)\//;

const tagsList = (value: unknown): Tag[] => {
  if (!Array.isArray(value)) throw new ServiceError('InvalidTagParameterException', 'TagsList is required.');
  return readTags(value);
};

/**
 * The tag operations: an ARN of a kind in `byKind` is answered by it; every other resource ID goes to the
 * trails' operations, which also give the errors for IDs that are not ARNs or name other kinds.
 */
export function resourceTagOperations(
  trails: Record<string, Operation>,
  byKind: ReadonlyMap<string, FindTagged>,
): Record<string, Operation> {
  const finder = (id: unknown): FindTagged | undefined => {
    const kind = typeof id === 'string' ? ARN_KIND.exec(id)?.[1] : undefined;
    return kind === undefined ? undefined : byKind.get(kind);
  };
  return {
    async AddTags(input, context) {
      const find = finder(input.ResourceId);
      if (!find) return trails.AddTags!(input, context);
      const resource = await find(input.ResourceId as string, context);
      await resource.save(mergeTags(resource.tags, tagsList(input.TagsList)));
      return {};
    },
    async RemoveTags(input, context) {
      const find = finder(input.ResourceId);
      if (!find) return trails.RemoveTags!(input, context);
      const resource = await find(input.ResourceId as string, context);
      const keys = new Set(tagsList(input.TagsList).map((t) => t.Key));
      await resource.save(resource.tags.filter((t) => !keys.has(t.Key)));
      return {};
    },
    async ListTags(input, context) {
      const ids = input.ResourceIdList;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > LIST_TAGS_MAX_RESOURCES) {
        return trails.ListTags!(input, context);
      }
      const lists: unknown[] = [];
      for (const id of ids) {
        const find = finder(id);
        if (find) {
          const resource = await find(id as string, context);
          lists.push({ ResourceId: resource.arn, TagsList: resource.tags });
        } else {
          const one = (await trails.ListTags!({ ResourceIdList: [id] }, context)) as {
            ResourceTagList: unknown[];
          };
          lists.push(...one.ResourceTagList);
        }
      }
      return { ResourceTagList: lists };
    },
  };
}
