// The zod schema of the trail forms, built from the src/domain rules the emulator also enforces (docs/architecture.md:
// every piece of CloudTrail knowledge lives once). The shape accepts any value of the right type; the rules
// run in one refinement, so each form checks only its sections and only the fields in use.
import { z } from 'zod';
import { advancedEventSelectorsError } from '@/domain/event-selector-rules';
import { insightPrerequisiteError, type InsightEventCategory } from '@/domain/event-selectors';
import { s3BucketNameError, s3PrefixError } from '@/domain/s3-bucket-name';
import { trailNameError } from '@/domain/trail-name';
import {
  iamRoleNameError,
  kmsAliasError,
  logGroupNameError,
  snsTopicNameError,
  tagCountError,
  tagErrors,
} from '@/domain/trail-rules';
import { dataSelector, formSelectors, networkSelector } from './selector-mapping';
import type { TrailFormValues } from './trail-form-values';

/** What each form validates: the wizard all of them, an edit page its own. */
export type TrailFormSection =
  'name' | 'general' | 'cloudWatch' | 'tags' | 'management' | 'data' | 'insights' | 'network';

export const ATTRIBUTE_SECTIONS: TrailFormSection[] = ['name', 'general', 'cloudWatch', 'tags'];
export const EVENT_SECTIONS: TrailFormSection[] = ['management', 'data', 'insights', 'network'];

const condition = z.object({
  field: z.string(),
  operator: z.enum(['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith']),
  value: z.string(),
});

/** The tags editor's values, shared with the event data store form. */
export const tagsShape = z.array(
  z.object({
    key: z.string(),
    value: z.string(),
    existing: z.boolean(),
    markedForRemoval: z.boolean().optional(),
  }),
);

/** The event selection's values (management, data and network activity events), shared with the event
 * data store form, which edits its selectors with the same editors. */
export const eventPartsShape = {
  management: z.boolean(),
  data: z.boolean(),
  network: z.boolean(),
  read: z.boolean(),
  write: z.boolean(),
  excludeKms: z.boolean(),
  excludeRdsData: z.boolean(),
  dataSelectors: z.array(
    z.object({
      name: z.string(),
      resourceType: z.string(),
      template: z.enum(['all', 'read', 'write', 'console', 'excludeService', 'custom']),
      conditions: z.array(condition),
    }),
  ),
  networkSelectors: z.array(
    z.object({
      name: z.string(),
      eventSource: z.string(),
      template: z.enum(['all', 'accessDenied', 'custom']),
      conditions: z.array(condition),
    }),
  ),
};

const shape = z.object({
  name: z.string(),
  organization: z.boolean(),
  storage: z.enum(['new', 'existing']),
  newBucketName: z.string(),
  existingBucketName: z.string(),
  prefix: z.string(),
  kmsEnabled: z.boolean(),
  kmsKey: z.enum(['new', 'existing']),
  newKmsAlias: z.string(),
  existingKmsKey: z.string(),
  logFileValidation: z.boolean(),
  snsEnabled: z.boolean(),
  snsTopic: z.enum(['new', 'existing']),
  newSnsTopic: z.string(),
  existingSnsTopic: z.string(),
  cloudWatchEnabled: z.boolean(),
  logGroup: z.enum(['new', 'existing']),
  newLogGroup: z.string(),
  existingLogGroup: z.string(),
  role: z.enum(['new', 'existing']),
  newRoleName: z.string(),
  existingRoleArn: z.string(),
  tags: tagsShape,
  ...eventPartsShape,
  insights: z.boolean(),
  apiCallRate: z.boolean(),
  apiErrorRate: z.boolean(),
  insightCategories: z.array(z.enum(['Management', 'Data'])),
}) satisfies z.ZodType<TrailFormValues>;

type Path = Array<string | number>;
type Report = (path: Path, message: string | undefined) => void;

function checkGeneral(v: TrailFormValues, report: Report) {
  if (v.storage === 'new') report(['newBucketName'], s3BucketNameError(v.newBucketName));
  else report(['existingBucketName'], s3BucketNameError(v.existingBucketName));
  report(['prefix'], s3PrefixError(v.prefix));
  if (v.kmsEnabled) {
    if (v.kmsKey === 'new')
      report(
        ['newKmsAlias'],
        v.newKmsAlias ? kmsAliasError(v.newKmsAlias) : 'Enter an alias for the new AWS KMS key.',
      );
    else if (!v.existingKmsKey.trim())
      report(['existingKmsKey'], 'Choose an AWS KMS key, or enter the ARN of a key.');
  }
  if (v.snsEnabled) {
    if (v.snsTopic === 'new') report(['newSnsTopic'], snsTopicNameError(v.newSnsTopic));
    else if (!v.existingSnsTopic.trim())
      report(['existingSnsTopic'], 'Choose an SNS topic, or enter the ARN of a topic.');
  }
}

function checkCloudWatch(v: TrailFormValues, report: Report) {
  if (!v.cloudWatchEnabled) return;
  if (v.logGroup === 'new') report(['newLogGroup'], logGroupNameError(v.newLogGroup));
  else if (!v.existingLogGroup) report(['existingLogGroup'], 'Choose a log group.');
  if (v.role === 'new') report(['newRoleName'], iamRoleNameError(v.newRoleName));
  else if (!v.existingRoleArn) report(['existingRoleArn'], 'Choose an IAM role.');
}

function checkTags(v: TrailFormValues, report: Report) {
  const kept = v.tags.flatMap((tag, index) => (tag.markedForRemoval ? [] : [{ tag, index }]));
  report(['tags'], tagCountError(kept.length));
  for (const problem of tagErrors(kept.map(({ tag }) => ({ Key: tag.key, Value: tag.value })))) {
    report(['tags'], `Tag ${kept[problem.index]!.index + 1}: ${problem.message}`);
  }
}

function checkEvents(v: TrailFormValues, sections: readonly TrailFormSection[], report: Report) {
  const has = (s: TrailFormSection) => sections.includes(s);
  if (has('management') && has('data') && has('network') && !v.management && !v.data && !v.network) {
    report(
      ['management'],
      'Choose at least one of management events, data events, or network activity events.',
    );
  }
  if (has('management') && v.management && !v.read && !v.write)
    report(['read'], 'Choose Read, Write, or both.');
  if (has('data') && v.data) {
    v.dataSelectors.forEach((s, i) => {
      if (!s.resourceType) report(['dataSelectors', i, 'resourceType'], 'Choose a resource type.');
      if (s.template === 'custom') checkConditions(s.conditions, ['dataSelectors', i], report);
      report(['dataSelectors', i], advancedEventSelectorsError([dataSelector(s)]));
    });
    if (v.dataSelectors.length === 0)
      report(['dataSelectors'], 'Add a data event type, or clear Data events.');
  }
  if (has('network') && v.network) {
    v.networkSelectors.forEach((s, i) => {
      if (!s.eventSource.trim())
        report(['networkSelectors', i, 'eventSource'], 'Choose a network activity event source.');
      if (s.template === 'custom') checkConditions(s.conditions, ['networkSelectors', i], report);
      report(['networkSelectors', i], advancedEventSelectorsError([networkSelector(s)]));
    });
    if (v.networkSelectors.length === 0)
      report(
        ['networkSelectors'],
        'Add a network activity event selector, or clear Network activity events.',
      );
  }
  const all = formSelectors(v);
  if (all.length > 0 && (has('data') || has('network'))) {
    // Limits across all selectors (5 selectors, 500 values), and per-selector rules for custom conditions.
    report(
      [v.data ? 'dataSelectors' : v.network ? 'networkSelectors' : 'management'],
      advancedEventSelectorsError(all),
    );
  }
  if (has('insights') && v.insights) checkInsights(v, all, report);
}

function checkConditions(
  conditions: TrailFormValues['dataSelectors'][number]['conditions'],
  at: Path,
  report: Report,
) {
  conditions.forEach((c, j) => {
    if (!c.value) report([...at, 'conditions', j, 'value'], 'Enter a value.');
  });
}

function checkInsights(v: TrailFormValues, selectors: ReturnType<typeof formSelectors>, report: Report) {
  if (!v.apiCallRate && !v.apiErrorRate) {
    report(['apiCallRate'], 'Choose API call rate, API error rate, or both.');
    return;
  }
  const trail = { advancedEventSelectors: selectors };
  const categories: InsightEventCategory[] =
    v.insightCategories.length > 0 ? v.insightCategories : ['Management'];
  for (const category of categories) {
    if (v.apiCallRate)
      report(['apiCallRate'], insightPrerequisiteError(trail, 'ApiCallRateInsight', category));
    if (v.apiErrorRate)
      report(['apiErrorRate'], insightPrerequisiteError(trail, 'ApiErrorRateInsight', category));
  }
}

export function trailFormSchema(sections: readonly TrailFormSection[]) {
  return shape.superRefine((values, ctx) => {
    const report: Report = (path, message) => {
      if (message) ctx.addIssue({ code: 'custom', path, message });
    };
    if (sections.includes('name')) report(['name'], trailNameError(values.name));
    if (sections.includes('general')) checkGeneral(values, report);
    if (sections.includes('cloudWatch')) checkCloudWatch(values, report);
    if (sections.includes('tags')) checkTags(values, report);
    checkEvents(values, sections, report);
  });
}
