// The values behind Create event data store (docs/lake.md, "The console"): the options CreateEventDataStore
// honours here, checked by the same domain rules the emulator raises, and turned into the API's input.
// The event parts have the trail form's names and shapes, so the trail wizard's selector editors and its
// selector mapping work on this form unchanged.
import type { CreateEventDataStoreCommandInput } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import { advancedEventSelectorsError } from '@/domain/event-selector-rules';
import type { AdvancedEventSelector } from '@/domain/event-selectors';
import {
  eventDataStoreNameError,
  RETENTION_BY_BILLING,
  retentionPeriodError,
  type BillingMode,
} from '@/domain/lake';
import { tagCountError, tagErrors } from '@/domain/trail-rules';
import { dataSelector, managementSelector, networkSelector } from '@/features/trails/form/selector-mapping';
import { eventPartsShape, tagsShape } from '@/features/trails/form/trail-form-schema';
import {
  newDataSelector,
  newNetworkSelector,
  type TrailFormValues,
} from '@/features/trails/form/trail-form-values';

type EventParts = Pick<
  TrailFormValues,
  | 'management'
  | 'data'
  | 'network'
  | 'read'
  | 'write'
  | 'excludeKms'
  | 'excludeRdsData'
  | 'dataSelectors'
  | 'networkSelectors'
  | 'tags'
>;

export interface EventDataStoreFormValues extends EventParts {
  name: string;
  billingMode: BillingMode;
  /** As typed, so that "12.5" or "" can be told apart from a number. */
  retention: string;
  terminationProtection: boolean;
  /** "Include only the current region in my event data store" (off: MultiRegionEnabled). */
  currentRegionOnly: boolean;
  /** "Ingest events" (StartIngestion). */
  ingest: boolean;
}

/** The console's defaults (query-event-data-store-cloudtrail.html): one-year pricing, 366 days, protected, all Regions, management events. */
export function defaultEventDataStoreFormValues(): EventDataStoreFormValues {
  return {
    name: '',
    billingMode: 'EXTENDABLE_RETENTION_PRICING',
    retention: String(RETENTION_BY_BILLING.EXTENDABLE_RETENTION_PRICING.default),
    terminationProtection: true,
    tags: [],
    management: true,
    data: false,
    network: false,
    read: true,
    write: true,
    excludeKms: false,
    excludeRdsData: false,
    dataSelectors: [newDataSelector()],
    networkSelectors: [newNetworkSelector()],
    currentRegionOnly: false,
    ingest: true,
  };
}

/** Why a typed retention period is invalid for the pricing option, or undefined. */
export function retentionInputError(retention: string, billing: BillingMode): string | undefined {
  if (!retention.trim()) return 'Enter a retention period in days.';
  return retentionPeriodError(Number(retention), billing);
}

/** The advanced event selectors the chosen event types write, in the console's order. */
export function storeSelectors(values: EventParts): AdvancedEventSelector[] {
  return [
    ...(values.management ? [managementSelector(values)] : []),
    ...(values.data ? values.dataSelectors.map(dataSelector) : []),
    ...(values.network ? values.networkSelectors.map(networkSelector) : []),
  ];
}

export function createEventDataStoreInput(
  values: EventDataStoreFormValues,
): CreateEventDataStoreCommandInput {
  const tags = values.tags.filter((t) => !t.markedForRemoval);
  return {
    Name: values.name,
    BillingMode: values.billingMode,
    RetentionPeriod: Number(values.retention),
    TerminationProtectionEnabled: values.terminationProtection,
    MultiRegionEnabled: !values.currentRegionOnly,
    StartIngestion: values.ingest,
    AdvancedEventSelectors: storeSelectors(values),
    ...(tags.length > 0 && { TagsList: tags.map((t) => ({ Key: t.key, Value: t.value })) }),
  };
}

/** The wizard's steps and the fields each validates before Next. */
export const STORE_STEPS = ['configure', 'events', 'review'] as const;
export type StoreStep = (typeof STORE_STEPS)[number];

const STEP_OF_FIELD: Record<string, StoreStep> = {
  name: 'configure',
  billingMode: 'configure',
  retention: 'configure',
  terminationProtection: 'configure',
  tags: 'configure',
};
export const stepOfField = (field: string): StoreStep => STEP_OF_FIELD[field.split('.')[0]!] ?? 'events';

type Path = Array<string | number>;
type Report = (path: Path, message: string | undefined) => void;

function checkConfigure(v: EventDataStoreFormValues, report: Report) {
  report(['name'], eventDataStoreNameError(v.name));
  report(['retention'], retentionInputError(v.retention, v.billingMode));
  const kept = v.tags.flatMap((tag, index) => (tag.markedForRemoval ? [] : [{ tag, index }]));
  report(['tags'], tagCountError(kept.length));
  for (const problem of tagErrors(kept.map(({ tag }) => ({ Key: tag.key, Value: tag.value })))) {
    report(['tags'], `Tag ${kept[problem.index]!.index + 1}: ${problem.message}`);
  }
}

function checkEvents(v: EventDataStoreFormValues, report: Report) {
  if (!v.management && !v.data && !v.network) {
    report(
      ['management'],
      'Choose at least one of management events, data events, or network activity events.',
    );
    return;
  }
  if (v.management && !v.read && !v.write) report(['read'], 'Choose Read, Write, or both.');
  const conditions = (at: Path, list: ReadonlyArray<{ value: string }>) =>
    list.forEach((c, j) => {
      if (!c.value) report([...at, 'conditions', j, 'value'], 'Enter a value.');
    });
  if (v.data) {
    v.dataSelectors.forEach((s, i) => {
      if (!s.resourceType) report(['dataSelectors', i, 'resourceType'], 'Choose a resource type.');
      if (s.template === 'custom') conditions(['dataSelectors', i], s.conditions);
      report(['dataSelectors', i], advancedEventSelectorsError([dataSelector(s)], 'event data store'));
    });
    if (v.dataSelectors.length === 0)
      report(['dataSelectors'], 'Add a data event type, or clear Data events.');
  }
  if (v.network) {
    v.networkSelectors.forEach((s, i) => {
      if (!s.eventSource.trim())
        report(['networkSelectors', i, 'eventSource'], 'Choose a network activity event source.');
      if (s.template === 'custom') conditions(['networkSelectors', i], s.conditions);
      report(['networkSelectors', i], advancedEventSelectorsError([networkSelector(s)], 'event data store'));
    });
    if (v.networkSelectors.length === 0)
      report(
        ['networkSelectors'],
        'Add a network activity event selector, or clear Network activity events.',
      );
  }
  // Limits across all selectors (5 selectors, 500 values).
  report(
    [v.data ? 'dataSelectors' : v.network ? 'networkSelectors' : 'management'],
    advancedEventSelectorsError(storeSelectors(v), 'event data store'),
  );
}

const shape = z.object({
  name: z.string(),
  billingMode: z.enum(['EXTENDABLE_RETENTION_PRICING', 'FIXED_RETENTION_PRICING']),
  retention: z.string(),
  terminationProtection: z.boolean(),
  tags: tagsShape,
  ...eventPartsShape,
  currentRegionOnly: z.boolean(),
  ingest: z.boolean(),
}) satisfies z.ZodType<EventDataStoreFormValues>;

/** The form's schema; `steps` limits the checks to those steps' fields (the events editor alone checks events). */
export function eventDataStoreFormSchema(steps: readonly StoreStep[] = STORE_STEPS) {
  return shape.superRefine((values, ctx) => {
    const report: Report = (path, message) => {
      if (message) ctx.addIssue({ code: 'custom', path, message });
    };
    if (steps.includes('configure')) checkConfigure(values, report);
    if (steps.includes('events')) checkEvents(values, report);
  });
}
