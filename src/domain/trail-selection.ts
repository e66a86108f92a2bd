// What a trail delivers: one decision per record, shared by the emulator's log file delivery and the
// trail forms' what-if counts. On top of the event selectors (event-selectors.ts) come the trail's Region
// scope, global service events and Insights:
// - A single-Region trail logs the events of its home Region; a multi-Region trail those of every Region
//   (cloudtrail-concepts.html#cloudtrail-concepts-regional-and-global-services).
// - IAM, STS (global endpoint) and CloudFront record their events in us-east-1 as global service events;
//   a trail receives them only with IncludeGlobalServiceEvents, and only a trail that covers us-east-1
//   does (a multi-Region trail, or a single-Region trail whose home is us-east-1)
//   (cloudtrail-concepts.html#cloudtrail-concepts-global-service-events).
// - Insights events go to the trails whose insight selectors name their Insights type and category;
//   the event selectors do not apply to them (logging-insights-events-with-cloudtrail.html).
import { trailLogsEvent, type InsightSelector, type TrailSelectors } from './event-selectors';
import { INSIGHT_TYPE_LABELS } from './insights';
import { isInsightRecord, type AnyRecord, type InsightType } from './record';

export const GLOBAL_SERVICE_EVENT_SOURCES: readonly string[] = [
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'cloudfront.amazonaws.com',
];

/** The Region global service events are recorded in. */
export const GLOBAL_SERVICE_REGION = 'us-east-1';

/** The members of a trail that decide what it delivers (the API's Trail shape plus its selectors). */
export interface SelectingTrail extends TrailSelectors {
  HomeRegion: string;
  IsMultiRegionTrail: boolean;
  IncludeGlobalServiceEvents: boolean;
  insightSelectors?: InsightSelector[];
}

export function isGlobalServiceEvent(record: AnyRecord): boolean {
  if (isInsightRecord(record)) return false;
  return (
    record.awsRegion === GLOBAL_SERVICE_REGION && GLOBAL_SERVICE_EVENT_SOURCES.includes(record.eventSource)
  );
}

/** Whether the trail's Region scope covers an event recorded in `region`. */
export function trailCoversRegion(trail: SelectingTrail, region: string): boolean {
  return trail.IsMultiRegionTrail || trail.HomeRegion === region;
}

function insightSelected(trail: SelectingTrail, record: AnyRecord): boolean {
  if (!isInsightRecord(record)) return false;
  // The records carry no category of their own; the emulator's engine computes management Insights only.
  const category = 'Management';
  return (trail.insightSelectors ?? []).some(
    (s) =>
      s.InsightType === record.insightDetails.insightType &&
      (!s.EventCategories || s.EventCategories.length === 0 || s.EventCategories.includes(category)),
  );
}

/** Does the trail deliver this record (to its bucket, log group and topic)? */
export function trailSelectsRecord(trail: SelectingTrail, record: AnyRecord): boolean {
  if (!trailCoversRegion(trail, record.awsRegion)) return false;
  if (isInsightRecord(record)) return insightSelected(trail, record);
  if (isGlobalServiceEvent(record) && !trail.IncludeGlobalServiceEvents) return false;
  return trailLogsEvent(trail, record);
}

/** Which stream a selected record goes to: Insights events have their own files and folder. */
export function deliveryKind(record: AnyRecord): 'CloudTrail' | 'CloudTrail-Insight' {
  return isInsightRecord(record) ? 'CloudTrail-Insight' : 'CloudTrail';
}

export interface WhatIf {
  /** Records the selection delivers. */
  delivered: number;
  /** Records it does not. */
  dropped: number;
  /** Event names of dropped records, most dropped first. */
  droppedNames: Array<{ eventName: string; count: number }>;
}

/**
 * The record members that trailSelectsRecord and the what-if's dropped names read, as JSON paths: a record
 * reduced to them is selected exactly as the whole record, so a store can count records by these members
 * and the what-if decide once per distinct combination (the local server groups them in DuckDB).
 */
export const SELECTION_MEMBERS = [
  'awsRegion',
  'eventType',
  'eventSource',
  'eventCategory',
  'managementEvent',
  'readOnly',
  'eventName',
  'errorCode',
  'vpcEndpointId',
  'sessionCredentialFromConsole',
  'userIdentity.arn',
  'resources',
  'insightDetails.insightType',
  'insightDetails.eventName',
] as const;

/** The record reduced to SELECTION_MEMBERS, from each member's value in that order (undefined: absent). */
export function recordFromMembers(values: readonly unknown[]): AnyRecord {
  const record: Record<string, unknown> = {};
  SELECTION_MEMBERS.forEach((path, i) => {
    if (values[i] === undefined) return;
    const [first, second] = path.split('.') as [string, string | undefined];
    if (second === undefined) record[first] = values[i];
    else record[first] = { ...(record[first] as object | undefined), [second]: values[i] };
  });
  return record as unknown as AnyRecord;
}

/** Records that count `count` times each (the same record, or the same SELECTION_MEMBERS). */
export interface RecordGroup {
  record: AnyRecord;
  count: number;
}

/** The trail what-if: how a selection splits a set of records. */
export function selectionWhatIf(trail: SelectingTrail, records: Iterable<AnyRecord>): WhatIf {
  return groupsWhatIf(
    trail,
    [...records].map((record) => ({ record, count: 1 })),
  );
}

function insightEventName(details: { eventName: string; insightType: string }): string {
  const type = Object.hasOwn(INSIGHT_TYPE_LABELS, details.insightType)
    ? INSIGHT_TYPE_LABELS[details.insightType as InsightType]
    : details.insightType;
  return `${details.eventName} (Insights event, ${type})`;
}

/** The trail what-if over records counted by group. */
export function groupsWhatIf(trail: SelectingTrail, groups: Iterable<RecordGroup>): WhatIf {
  let delivered = 0;
  let dropped = 0;
  const names = new Map<string, number>();
  for (const { record, count } of groups) {
    if (trailSelectsRecord(trail, record)) delivered += count;
    else {
      dropped += count;
      // An Insights event is named by the API it is about, marked so it does not read as that API's calls.
      const name = isInsightRecord(record) ? insightEventName(record.insightDetails) : record.eventName;
      names.set(name, (names.get(name) ?? 0) + count);
    }
  }
  const droppedNames = [...names]
    .map(([eventName, count]) => ({ eventName, count }))
    .sort((a, b) => b.count - a.count || (a.eventName < b.eventName ? -1 : 1));
  return { delivered, dropped, droppedNames };
}

/** The trail forms' what-if looks back this far over the stored events of the console's Region. */
export const WHAT_IF_DAYS = 7;

/** At most this many dropped event names are listed (the rest only count). */
export const WHAT_IF_TOP_NAMES = 10;

/** The what-if's answer over a window of stored events (`trailview/what-if`). */
export interface WhatIfReport {
  /** Events the selection delivers. */
  selected: number;
  /** Events of the Region in the window. */
  total: number;
  /** The most dropped event names (at most WHAT_IF_TOP_NAMES), most dropped first. */
  dropped: Array<{ eventName: string; count: number }>;
  /** How many distinct event names are dropped in all. */
  droppedNames: number;
  /** The window, ISO 8601. */
  from: string;
  to: string;
}
