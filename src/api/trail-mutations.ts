// Trail writes. Each mutation declares what it makes stale in `meta.invalidates`; the MutationCache in
// query-client.ts is the one place that invalidates. Every write is also an event in Event history (the
// emulator audits itself; real CloudTrail records it), so event queries go stale too.
import {
  AddTagsCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  PutEventSelectorsCommand,
  PutInsightSelectorsCommand,
  RemoveTagsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
  type CreateTrailCommandInput,
  type Tag,
  type UpdateTrailCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { mutationOptions } from '@tanstack/react-query';
import type { AdvancedEventSelector, InsightSelector } from '@/domain/event-selectors';
import type { PolicyDocument } from '@/domain/policy-document';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';
import { eventQueries } from './event-queries';
import { iamQueries, createRole, putRolePolicy, type NewRole } from './iam-queries';
import { kmsQueries, createKeyWithAlias } from './kms-queries';
import { logsQueries, createLogGroup } from './logs-queries';
import { s3Queries, createBucket, putBucketPolicy } from './s3-queries';
import { snsQueries, createTopicWithPolicy } from './sns-queries';
import { trailQueries } from './trail-queries';

const TRAIL_WRITE = [trailQueries.all(), eventQueries.all()] as const;
const RESOURCE_WRITE = [
  ...TRAIL_WRITE,
  s3Queries.all(),
  kmsQueries.all(),
  snsQueries.all(),
  logsQueries.all(),
  iamQueries.all(),
] as const;

/** The calls behind Create trail and the destination edits, in the console's order (docs/cloudtrail-facts.md#create-trail-and-trail-details). */
export type TrailPlanStep =
  | 'bucket'
  | 'key'
  | 'topic'
  | 'logGroup'
  | 'role'
  | 'trail'
  | 'eventSelectors'
  | 'insightSelectors'
  | 'startLogging';

export interface TrailPlan {
  /** The trail's home Region: every regional call goes there. */
  region: string;
  /** The trail's name (create) or ARN (edits), for the selector and logging calls. */
  trailName: string;
  bucket?: { name: string; policy: PolicyDocument };
  key?: { aliasName: string; policy: PolicyDocument };
  topic?: { name: string; policy: PolicyDocument };
  logGroup?: { name: string };
  role?: NewRole;
  /** Exactly one of create and update. */
  create?: CreateTrailCommandInput;
  update?: UpdateTrailCommandInput;
  advancedEventSelectors?: AdvancedEventSelector[];
  insightSelectors?: InsightSelector[];
  startLogging?: boolean;
}

export interface TrailPlanRun {
  plan: TrailPlan;
  /**
   * Steps already done (by their `step:identity` key), kept by the caller across attempts: after a
   * failure, trying again does not create the same bucket or trail twice.
   */
  done: Set<string>;
  onStep?: (step: TrailPlanStep) => void;
}

/** An AWS error that also says which step of the plan failed. */
export interface TrailPlanError extends Error {
  step: TrailPlanStep;
}

export function planStepKeys(plan: TrailPlan): Array<[TrailPlanStep, string]> {
  const steps: Array<[TrailPlanStep, string | undefined]> = [
    // The policies name the trail and log group: a retry with other names puts them again.
    ['bucket', plan.bucket && JSON.stringify(plan.bucket)],
    ['key', plan.key?.aliasName],
    ['topic', plan.topic?.name],
    ['logGroup', plan.logGroup?.name],
    ['role', plan.role && JSON.stringify(plan.role)],
    ['trail', plan.create || plan.update ? JSON.stringify(plan.create ?? plan.update) : undefined],
    ['eventSelectors', plan.advancedEventSelectors && JSON.stringify(plan.advancedEventSelectors)],
    ['insightSelectors', plan.insightSelectors && JSON.stringify(plan.insightSelectors)],
    ['startLogging', plan.startLogging ? plan.trailName : undefined],
  ];
  return steps.flatMap(([step, id]) => (id === undefined ? [] : [[step, `${step}:${id}`]]));
}

export async function runTrailPlan({ plan, done, onStep }: TrailPlanRun): Promise<void> {
  const { region } = plan;
  const trails = cloudTrailClient(region);
  const { trailName } = plan;
  /** A resource is created once across attempts, even when its policy is put again. */
  const once = async (key: string, create: () => Promise<void>) => {
    if (done.has(key)) return;
    await create();
    done.add(key);
  };
  const run: Record<TrailPlanStep, () => Promise<unknown>> = {
    bucket: async () => {
      await once(`created-bucket:${plan.bucket!.name}`, () => createBucket(region, plan.bucket!.name));
      await putBucketPolicy(region, plan.bucket!.name, plan.bucket!.policy);
    },
    key: () => createKeyWithAlias(region, plan.key!.aliasName, plan.key!.policy),
    topic: () => createTopicWithPolicy(region, plan.topic!.name, plan.topic!.policy),
    logGroup: () => createLogGroup(region, plan.logGroup!.name),
    role: async () => {
      await once(`created-role:${plan.role!.name}`, () => createRole(plan.role!));
      await putRolePolicy(plan.role!);
    },
    trail: () =>
      call(() =>
        plan.create
          ? trails.send(new CreateTrailCommand(plan.create))
          : trails.send(new UpdateTrailCommand(plan.update!)),
      ),
    eventSelectors: () =>
      call(() =>
        trails.send(
          new PutEventSelectorsCommand({
            TrailName: trailName,
            AdvancedEventSelectors: plan.advancedEventSelectors,
          }),
        ),
      ),
    insightSelectors: () =>
      call(() =>
        trails.send(
          new PutInsightSelectorsCommand({ TrailName: trailName, InsightSelectors: plan.insightSelectors }),
        ),
      ),
    startLogging: () => call(() => trails.send(new StartLoggingCommand({ Name: trailName }))),
  };
  for (const [step, key] of planStepKeys(plan)) {
    if (done.has(key)) continue;
    onStep?.(step);
    try {
      await run[step]();
    } catch (error) {
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { step });
    }
    done.add(key);
  }
}

export function isTrailPlanError(error: unknown): error is TrailPlanError {
  return error instanceof Error && typeof (error as Partial<TrailPlanError>).step === 'string';
}

/** Trail writes are made in the trail's home Region (InvalidHomeRegionException otherwise). */
export interface TrailTarget {
  region: string;
  trailArn: string;
}

export interface TagChange {
  add: Tag[];
  remove: Tag[];
}

export const trailMutations = {
  /** Create trail, and the edits that may create a bucket, key, topic, log group or role first. */
  plan: () =>
    mutationOptions({
      mutationKey: ['trails', 'plan'],
      mutationFn: runTrailPlan,
      meta: { invalidates: RESOURCE_WRITE },
    }),
  startLogging: () =>
    mutationOptions({
      mutationKey: ['trails', 'start-logging'],
      mutationFn: ({ region, trailArn }: TrailTarget) =>
        call(() => cloudTrailClient(region).send(new StartLoggingCommand({ Name: trailArn }))),
      meta: { invalidates: TRAIL_WRITE },
    }),
  stopLogging: () =>
    mutationOptions({
      mutationKey: ['trails', 'stop-logging'],
      mutationFn: ({ region, trailArn }: TrailTarget) =>
        call(() => cloudTrailClient(region).send(new StopLoggingCommand({ Name: trailArn }))),
      meta: { invalidates: TRAIL_WRITE },
    }),
  delete: () =>
    mutationOptions({
      mutationKey: ['trails', 'delete'],
      mutationFn: ({ region, trailArn }: TrailTarget) =>
        call(() => cloudTrailClient(region).send(new DeleteTrailCommand({ Name: trailArn }))),
      // Only the lists: refetching the deleted trail's own queries (status, selectors, tags) would just
      // answer TrailNotFoundException while its page is still on screen.
      meta: { invalidates: [trailQueries.lists(), eventQueries.all()] },
    }),
  tags: () =>
    mutationOptions({
      mutationKey: ['trails', 'tags'],
      mutationFn: async ({ region, trailArn, add, remove }: TrailTarget & TagChange) => {
        const client = cloudTrailClient(region);
        if (remove.length > 0) {
          await call(() => client.send(new RemoveTagsCommand({ ResourceId: trailArn, TagsList: remove })));
        }
        if (add.length > 0)
          await call(() => client.send(new AddTagsCommand({ ResourceId: trailArn, TagsList: add })));
      },
      meta: { invalidates: TRAIL_WRITE },
    }),
};
