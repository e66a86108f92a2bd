// CloudTrail Lake's "copy trail events": StartImport, GetImport, ListImports, StopImport, ListImportFailures
// (docs/lake.md, "Copying trail events", has the sources). The statuses, limits, messages and the rules for
// which objects an import reads are kept here once, for the emulator and the console.
import { parseRecordTime } from './iso-time';

export type ImportStatus = 'INITIALIZING' | 'IN_PROGRESS' | 'FAILED' | 'STOPPED' | 'COMPLETED';
export const IMPORT_STATUSES: readonly ImportStatus[] = [
  'INITIALIZING',
  'IN_PROGRESS',
  'FAILED',
  'STOPPED',
  'COMPLETED',
];
/** An import in these statuses is ongoing: StopImport stops it, another StartImport is refused. */
export const ONGOING_IMPORT_STATUSES: ReadonlySet<ImportStatus> = new Set(['INITIALIZING', 'IN_PROGRESS']);
/** Trailview's choice: an import that ended without completing can be run again with its ImportId. */
export const RETRYABLE_IMPORT_STATUSES: ReadonlySet<ImportStatus> = new Set(['FAILED', 'STOPPED']);

export type ImportFailureStatus = 'FAILED' | 'RETRY' | 'SUCCEEDED';

export interface ImportStatisticsState {
  prefixesFound: number;
  prefixesCompleted: number;
  filesCompleted: number;
  eventsCompleted: number;
  failedEntries: number;
}

export interface ImportFailureState {
  /** `s3://bucket/key` of the log file. */
  location: string;
  status: ImportFailureStatus;
  errorType: string;
  errorMessage: string;
  updatedMs: number;
}

/** An import as the emulator keeps it (times in epoch ms). */
export interface ImportState {
  id: string;
  /** Destination event data store ARNs. */
  destinations: string[];
  source: { s3LocationUri: string; s3BucketRegion: string; s3BucketAccessRoleArn: string };
  startEventMs?: number;
  endEventMs?: number;
  status: ImportStatus;
  createdMs: number;
  updatedMs: number;
  statistics: ImportStatisticsState;
  failures: ImportFailureState[];
}

export const emptyImportStatistics = (): ImportStatisticsState => ({
  prefixesFound: 0,
  prefixesCompleted: 0,
  filesCompleted: 0,
  eventsCompleted: 0,
  failedEntries: 0,
});

/** ImportDestinations: one event data store ARN (API reference, StartImport). */
export const MAX_IMPORT_DESTINATIONS = 1;
export const MAX_IMPORT_LIST_RESULTS = 1000;

/** ErrorType of a log file that could not be read (Trailview's wording; the API reference gives none). */
export const IMPORT_FILE_ERROR_TYPE = 'InvalidLogFile';

export const IMPORT_MESSAGES = {
  // The API reference's descriptions of the exceptions.
  ongoingImport:
    'This exception is thrown when you start a new import and a previous import is still in progress.',
  importNotFound: 'The specified import was not found.',
  invalidCategory:
    'This exception is thrown when event categories of specified event data stores are not valid.',
  invalidSource: 'This exception is thrown when the provided source S3 bucket is not valid for import.',
  // Trailview's wording.
  sourceUri: 'The S3LocationUri must have the form s3://bucket/ or s3://bucket/prefix/.',
  noBucket: (bucket: string) => `The source S3 bucket ${bucket} does not exist.`,
  bucketRegion: (bucket: string, region: string) => `The source S3 bucket ${bucket} is not in ${region}.`,
  roleArn: 'S3BucketAccessRoleArn must be the ARN of an IAM role.',
  timeRange: 'StartEventTime must not be later than EndEventTime.',
  destinationsOrImportId:
    'Send either ImportId (to retry an import) or Destinations and ImportSource (to start a new import).',
  notRetryable: 'Only an import that FAILED or was STOPPED can be retried.',
  interrupted:
    'The import was interrupted when the server stopped; retry it with StartImport and its ImportId.',
} as const;

/** The bucket and key prefix of an S3LocationUri, or undefined when it is not `s3://bucket[/prefix]`. */
export function parseS3LocationUri(uri: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (!match) return undefined;
  const prefix = match[2] ?? '';
  if (prefix.startsWith('/') || prefix.includes('//')) return undefined;
  return { bucket: match[1]!, prefix };
}

/**
 * Whether an import reads this object (`key` under the URI's `prefix`). By default CloudTrail imports only
 * what lies in a `CloudTrail` prefix and the prefixes inside it; a URI that names another prefix reads the
 * log files under that prefix (StartImport, API reference). Digest and Insights folders are never read
 * (the destination holds CloudTrail events), and only gzip'd log files (`.json.gz`) are.
 */
export function importReadsKey(key: string, prefix: string): boolean {
  if (!key.startsWith(prefix) || !key.endsWith('.json.gz')) return false;
  const segments = key.split('/').slice(0, -1);
  if (segments.some((s) => s === 'CloudTrail-Digest' || s === 'CloudTrail-Insight')) return false;
  const underCloudTrail = segments.includes('CloudTrail');
  return underCloudTrail || prefix !== '';
}

/** The delivery time in a log file name (`…_20261120T1205Z_…json.gz`), epoch ms; undefined if none. */
export function logFileNameTime(key: string): number | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const match = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(name);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match;
  const time = parseRecordTime(`${y}-${mo}-${d}T${h}:${mi}:00Z`);
  return 'ms' in time ? time.ms : undefined;
}

/** How long after its last event a log file may be named (delivery within about 5 to 15 minutes): a day. */
const NAME_SLACK_MS = 86_400_000;

/**
 * Whether a log file can hold events of the range, by the time in its name (CloudTrail checks the prefix
 * and log file name against StartEventTime/EndEventTime before it copies a file): a file named before the
 * start holds only earlier events; one named more than a day after the end is taken to hold only later
 * ones. Files without a time in their name are read. Events are then kept by their eventTime.
 */
export function logFileMayHoldRange(key: string, startMs?: number, endMs?: number): boolean {
  const named = logFileNameTime(key);
  if (named === undefined) return true;
  if (startMs !== undefined && named < startMs) return false;
  if (endMs !== undefined && named > endMs + NAME_SLACK_MS) return false;
  return true;
}

/** Whether an event time is within the import's range (both ends inclusive). */
export function eventInImportRange(eventMs: number, startMs?: number, endMs?: number): boolean {
  return (startMs === undefined || eventMs >= startMs) && (endMs === undefined || eventMs <= endMs);
}

/** The folder of a key (what ImportStatistics counts as a prefix). */
export function keyFolder(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/**
 * Event categories a destination may collect: a store for CloudTrail events (console: "CloudTrail events";
 * eventCategory Management, Data or NetworkActivity), not Insights, Config, Audit Manager or non-AWS events.
 */
export const IMPORTABLE_EVENT_CATEGORIES: ReadonlySet<string> = new Set([
  'Management',
  'Data',
  'NetworkActivity',
]);

/** Why a store cannot take a copy of trail events (the error StartImport gives names it). */
export type DestinationProblem = 'inactive' | 'status' | 'category';

/** The console's words for each, beside the store in the destination list. */
export const DESTINATION_PROBLEM_LABELS: Record<DestinationProblem, string> = {
  inactive: 'Pending deletion',
  status: 'Not ingesting and not stopped',
  category: 'Not an event data store for CloudTrail events',
};

/**
 * Whether a store with this status and these selectors' eventCategory values can take copied events: one
 * that is ingesting, or whose ingestion is stopped (the console's "copy trail events" without ingesting new
 * events), and that collects CloudTrail events.
 */
export function destinationProblem(
  status: string | undefined,
  eventCategories: readonly string[],
): DestinationProblem | undefined {
  if (status === 'PENDING_DELETION') return 'inactive';
  if (status !== 'ENABLED' && status !== 'STOPPED_INGESTION') return 'status';
  if (eventCategories.some((c) => !IMPORTABLE_EVENT_CATEGORIES.has(c))) return 'category';
  return undefined;
}

/** The eventCategory values a store's selectors name. */
export function selectorEventCategories(
  selectors: ReadonlyArray<{
    FieldSelectors?: ReadonlyArray<{ Field?: string; Equals?: readonly string[] }>;
  }>,
): string[] {
  return selectors.flatMap(
    (s) => (s.FieldSelectors ?? []).find((f) => f.Field === 'eventCategory')?.Equals ?? [],
  );
}

/** `s3://bucket/prefix/` of a trail's log files: an import finds the `AWSLogs/<account>/CloudTrail/` folders below it. */
export function trailLogsUri(bucket: string, prefix?: string): string {
  const folder = prefix?.replace(/^\/+|\/+$/g, '');
  return `s3://${bucket}/${folder ? `${folder}/` : ''}`;
}
