// CloudTrail Lake "copy trail events": StartImport, GetImport, ListImports, StopImport, ListImportFailures.
// StartImport answers at once; the import then runs in the background: it lists the log files under the
// S3LocationUri in the emulated S3 (ObjectStore), reads each with the host's reader (the server's importer
// or, in the demo, readLogFileInMemory), adds the events of the range to the event store (deduplicated by
// eventID, as every import is) and makes them members of the destination stores, which the Lake engines
// read beside what a store's selectors collect (server/lake/lake-view.ts, lake-memory-engine.ts).
import { gunzip } from '@/domain/bytes';
import { parseRecordTime } from '@/domain/iso-time';
import { DAY_MS, eventDataStoreIdOf, LAKE_MESSAGES, type EventDataStoreState } from '@/domain/lake';
import {
  emptyImportStatistics,
  eventInImportRange,
  IMPORT_FILE_ERROR_TYPE,
  IMPORT_MESSAGES,
  IMPORT_STATUSES,
  destinationProblem,
  selectorEventCategories,
  importReadsKey,
  keyFolder,
  logFileMayHoldRange,
  MAX_IMPORT_DESTINATIONS,
  MAX_IMPORT_LIST_RESULTS,
  ONGOING_IMPORT_STATUSES,
  parseS3LocationUri,
  RETRYABLE_IMPORT_STATUSES,
  type ImportState,
  type ImportStatus,
} from '@/domain/lake-import';
import type { AnyRecord } from '@/domain/record';
import { normaliseRecord } from '@/domain/record-normalise';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import type { ObjectInfo, ObjectStore } from '../../objects/object-store';
import type { AccountState } from '../../state';
import type { EventStore } from '../../store/event-store';
import {
  decodeIndexToken,
  encodeIndexToken,
  isRecord,
  optionalInteger,
  optionalList,
  optionalString,
} from '../input';
import type { LakeCatalog } from './lake-stores';

/** The records of one log file, or why it could not be read. */
export interface LogFileRead {
  records: AnyRecord[];
  failure?: string;
}

export type LogFileReader = (body: Uint8Array) => Promise<LogFileRead>;

/** Where the host keeps imports and the events they made members of stores; each resolves once durable. */
export interface LakeImportPersistence {
  load(): Promise<ImportState[]> | ImportState[];
  save(imports: readonly ImportState[]): Promise<void> | void;
  addMembers(storeIds: readonly string[], eventIds: readonly string[]): Promise<void> | void;
}

/** Imports and memberships for the tab (the demo) or a test: in memory. */
export class MemoryImportPersistence implements LakeImportPersistence {
  private imports: ImportState[] = [];
  private readonly members = new Map<string, Set<string>>();

  load(): ImportState[] {
    return this.imports;
  }

  save(imports: readonly ImportState[]): void {
    this.imports = [...imports];
  }

  addMembers(storeIds: readonly string[], eventIds: readonly string[]): void {
    for (const id of storeIds) {
      let set = this.members.get(id);
      if (!set) this.members.set(id, (set = new Set()));
      for (const eventId of eventIds) set.add(eventId);
    }
  }

  /** The eventIDs imports made members of a store. */
  membersOf(storeId: string): ReadonlySet<string> | undefined {
    return this.members.get(storeId);
  }
}

/** The demo's reader: one log file document (`{"Records":[…]}`, gzip'd or not), each record normalised. */
export async function readLogFileInMemory(body: Uint8Array): Promise<LogFileRead> {
  let bytes = body;
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      bytes = await gunzip(body);
    } catch {
      return { records: [], failure: 'The file is not valid gzip.' };
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { records: [], failure: 'The file is not valid JSON.' };
  }
  if (!isRecord(document) || !Array.isArray(document.Records)) {
    return { records: [], failure: 'The file has no Records array.' };
  }
  const records: AnyRecord[] = [];
  for (const value of document.Records) {
    const normalised = normaliseRecord(value);
    if (normalised.record) records.push(normalised.record);
  }
  return { records };
}

export interface LakeImportDeps {
  catalog: LakeCatalog;
  store: EventStore;
  state: AccountState;
  objects: ObjectStore;
  persistence: LakeImportPersistence;
  readLogFile: LogFileReader;
  clock: () => number;
}

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);
const isOngoing = (i: ImportState) => ONGOING_IMPORT_STATUSES.has(i.status);

/** The import catalog and its background runs. */
export class LakeImports {
  private readonly imports = new Map<string, ImportState>();
  private loaded: Promise<void> | undefined;
  /** Running imports' stop flags. */
  private readonly running = new Map<string, { stop: boolean; done: Promise<void> }>();
  private readonly deps: LakeImportDeps;
  /** Saves one at a time, in order. */
  private saving: Promise<void> = Promise.resolve();

  constructor(deps: LakeImportDeps) {
    this.deps = deps;
  }

  async ready(): Promise<void> {
    this.loaded ??= (async () => {
      const interrupted: ImportState[] = [];
      for (const item of await this.deps.persistence.load()) {
        // An import the server stopped in the middle of is reported FAILED; StartImport retries it.
        if (isOngoing(item)) interrupted.push({ ...item, status: 'FAILED', updatedMs: this.deps.clock() });
        this.imports.set(item.id, item);
      }
      for (const item of interrupted) await this.commit(item);
    })();
    await this.loaded;
  }

  list(): ImportState[] {
    return [...this.imports.values()].sort((a, b) => b.createdMs - a.createdMs || a.id.localeCompare(b.id));
  }

  get(id: string): ImportState | undefined {
    return this.imports.get(id);
  }

  /** Persists the import's new state, then makes it the one reported. */
  commit(next: ImportState): Promise<void> {
    return this.update(next.id, () => next);
  }

  /**
   * Changes an import by `change` (given its state at the time; undefined: no change), persisted before it
   * is reported. Changes are applied one at a time, in order, so a StopImport is never overwritten.
   */
  async update(
    id: string,
    change: (current: ImportState | undefined) => ImportState | undefined,
  ): Promise<void> {
    const write = this.saving.then(async () => {
      const next = change(this.imports.get(id));
      if (!next) return;
      const all = new Map(this.imports);
      all.set(next.id, next);
      await this.deps.persistence.save([...all.values()]);
      this.imports.set(next.id, next);
    });
    this.saving = write.catch(() => {});
    await write;
  }

  /** Whether an import writes to the store now (UpdateEventDataStore and DeleteEventDataStore refuse it). */
  hasOngoingImport(storeArn: string): boolean {
    return this.list().some((i) => isOngoing(i) && i.destinations.includes(storeArn));
  }

  start(id: string): void {
    const flag = { stop: false, done: Promise.resolve() };
    this.running.set(id, flag);
    flag.done = this.run(id, flag)
      .catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const now = this.deps.clock();
        await this.update(id, (cur) =>
          cur && isOngoing(cur)
            ? {
                ...cur,
                status: 'FAILED',
                updatedMs: now,
                failures: [
                  ...cur.failures,
                  {
                    location: cur.source.s3LocationUri,
                    status: 'FAILED',
                    errorType: 'InternalError',
                    errorMessage: message,
                    updatedMs: now,
                  },
                ],
              }
            : undefined,
        ).catch(() => {});
      })
      .finally(() => this.running.delete(id));
  }

  /** Stops a running import: it ends after the file it is reading, and is STOPPED from now on. */
  async stop(item: ImportState): Promise<ImportState> {
    const flag = this.running.get(item.id);
    if (flag) flag.stop = true;
    await this.update(item.id, (cur) =>
      cur && isOngoing(cur) ? { ...cur, status: 'STOPPED', updatedMs: this.deps.clock() } : undefined,
    );
    return this.imports.get(item.id)!;
  }

  /** Waits for every running import (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async run(id: string, flag: { stop: boolean }): Promise<void> {
    const { objects, clock } = this.deps;
    const current = () => this.imports.get(id)!;
    const stillRunning = () => !flag.stop && isOngoing(current());
    const initial = current();
    const location = parseS3LocationUri(initial.source.s3LocationUri)!;
    // List what the import reads, in key order.
    const files: ObjectInfo[] = [];
    let after = '';
    for (;;) {
      const page = await objects.list(location.bucket, location.prefix, after);
      if (page.length === 0) break;
      for (const info of page) {
        if (
          importReadsKey(info.key, location.prefix) &&
          logFileMayHoldRange(info.key, initial.startEventMs, initial.endEventMs)
        ) {
          files.push(info);
        }
      }
      after = page.at(-1)!.key;
    }
    const folders = new Map<string, number>();
    for (const file of files) folders.set(keyFolder(file.key), (folders.get(keyFolder(file.key)) ?? 0) + 1);
    if (!stillRunning()) return;
    await this.update(id, (cur) =>
      cur && isOngoing(cur)
        ? {
            ...cur,
            status: 'IN_PROGRESS',
            updatedMs: clock(),
            statistics: { ...cur.statistics, prefixesFound: folders.size },
          }
        : undefined,
    );
    const destinationIds = initial.destinations.map(eventDataStoreIdOf);
    // An event older than the destination's retention period would never show in it: it is not copied
    // (nor counted in EventsCompleted).
    const retentionStart = Math.max(
      ...destinationIds.map((storeId) => {
        const store = this.deps.catalog.list().find((s) => s.id === storeId);
        return store ? clock() - store.retentionPeriod * DAY_MS : -Infinity;
      }),
    );
    for (const file of files) {
      if (!stillRunning()) return;
      const folder = keyFolder(file.key);
      const left = folders.get(folder)! - 1;
      folders.set(folder, left);
      const object = await objects.get(file.bucket, file.key);
      const read = object
        ? await this.deps.readLogFile(object.body)
        : { records: [], failure: 'The log file was deleted while the import ran.' };
      const kept = read.failure
        ? []
        : read.records.filter((record) => {
            const time = parseRecordTime(record.eventTime);
            return (
              'ms' in time &&
              time.ms >= retentionStart &&
              eventInImportRange(time.ms, initial.startEventMs, initial.endEventMs)
            );
          });
      if (!stillRunning()) return;
      if (kept.length > 0) {
        await this.deps.store.append(kept);
        await this.deps.persistence.addMembers(
          destinationIds,
          kept.map((r) => r.eventID),
        );
      }
      const failure = read.failure && {
        location: `s3://${file.bucket}/${file.key}`,
        status: 'FAILED' as const,
        errorType: IMPORT_FILE_ERROR_TYPE,
        errorMessage: read.failure,
        updatedMs: clock(),
      };
      await this.update(id, (cur) => {
        if (!cur || !isOngoing(cur)) return undefined;
        const stats = { ...cur.statistics };
        if (left === 0) stats.prefixesCompleted++;
        if (failure) {
          stats.failedEntries++;
        } else {
          stats.filesCompleted++;
          stats.eventsCompleted += kept.length;
        }
        const failures = failure ? [...cur.failures, failure] : cur.failures;
        return { ...cur, statistics: stats, failures, updatedMs: clock() };
      });
    }
    await this.update(id, (cur) => {
      if (!cur || !isOngoing(cur)) return undefined;
      // FAILED when no log file could be read; COMPLETED otherwise (also when none was found).
      const nothingRead = cur.statistics.filesCompleted === 0 && cur.statistics.failedEntries > 0;
      return { ...cur, status: nothingRead ? 'FAILED' : 'COMPLETED', updatedMs: clock() };
    });
  }
}

export function importOutput(item: ImportState): Record<string, unknown> {
  return {
    ImportId: item.id,
    Destinations: item.destinations,
    ImportSource: {
      S3: {
        S3LocationUri: item.source.s3LocationUri,
        S3BucketRegion: item.source.s3BucketRegion,
        S3BucketAccessRoleArn: item.source.s3BucketAccessRoleArn,
      },
    },
    ...(item.startEventMs === undefined ? {} : { StartEventTime: item.startEventMs / 1000 }),
    ...(item.endEventMs === undefined ? {} : { EndEventTime: item.endEventMs / 1000 }),
    ImportStatus: item.status,
    CreatedTimestamp: item.createdMs / 1000,
    UpdatedTimestamp: item.updatedMs / 1000,
  };
}

function statisticsOutput(item: ImportState): Record<string, number> {
  const s = item.statistics;
  return {
    PrefixesFound: s.prefixesFound,
    PrefixesCompleted: s.prefixesCompleted,
    FilesCompleted: s.filesCompleted,
    EventsCompleted: s.eventsCompleted,
    FailedEntries: s.failedEntries,
  };
}

/** Timestamps arrive as epoch seconds (JSON number) or ISO text. */
function timeMember(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw invalidParameter(`${member} must be a timestamp.`);
  return ms;
}

function maxResults(value: unknown): number {
  const max = optionalInteger(value, 'MaxResults', invalidParameter) ?? MAX_IMPORT_LIST_RESULTS;
  if (max < 1 || max > MAX_IMPORT_LIST_RESULTS) {
    throw invalidParameter(`MaxResults must be between 1 and ${MAX_IMPORT_LIST_RESULTS}.`);
  }
  return max;
}

function pageStart(value: unknown): number {
  const token = optionalString(value, 'NextToken', invalidParameter);
  return token ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m)) : 0;
}

const EDS_ARN = /^arn:aws:cloudtrail:([a-z0-9-]+):(\d{12}):eventdatastore\/([A-Za-z0-9-]+)$/;

/** A destination: an event data store ARN of this account, active, for CloudTrail events. */
function destinationStore(arn: string, catalog: LakeCatalog, context: CallContext): EventDataStoreState {
  if (!EDS_ARN.test(arn)) {
    throw new ServiceError('EventDataStoreARNInvalidException', LAKE_MESSAGES.edsArnInvalid);
  }
  const store = catalog.find(arn, context);
  const problem = destinationProblem(store.status, selectorEventCategories(store.advancedEventSelectors));
  if (problem === 'inactive') {
    throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
  }
  if (problem === 'status') {
    throw new ServiceError('InvalidEventDataStoreStatusException', LAKE_MESSAGES.edsStatus);
  }
  if (problem === 'category') {
    throw new ServiceError('InvalidEventDataStoreCategoryException', IMPORT_MESSAGES.invalidCategory);
  }
  return store;
}

function readSource(value: unknown, state: AccountState): ImportState['source'] {
  if (!isRecord(value) || !isRecord(value.S3)) throw invalidParameter('ImportSource.S3 is required.');
  const s3 = value.S3;
  const uri = optionalString(s3.S3LocationUri, 'S3LocationUri', invalidParameter);
  const region = optionalString(s3.S3BucketRegion, 'S3BucketRegion', invalidParameter);
  const role = optionalString(s3.S3BucketAccessRoleArn, 'S3BucketAccessRoleArn', invalidParameter);
  if (!uri || !region || !role) {
    throw invalidParameter('ImportSource.S3 needs S3LocationUri, S3BucketRegion and S3BucketAccessRoleArn.');
  }
  const location = parseS3LocationUri(uri);
  if (!location) throw new ServiceError('InvalidImportSourceException', IMPORT_MESSAGES.sourceUri);
  const bucket = state.buckets.get(location.bucket);
  if (!bucket) {
    throw new ServiceError('InvalidImportSourceException', IMPORT_MESSAGES.noBucket(location.bucket));
  }
  if (bucket.region !== region) {
    throw new ServiceError(
      'InvalidImportSourceException',
      IMPORT_MESSAGES.bucketRegion(location.bucket, region),
    );
  }
  if (!/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role)) throw invalidParameter(IMPORT_MESSAGES.roleArn);
  return { s3LocationUri: uri, s3BucketRegion: region, s3BucketAccessRoleArn: role };
}

export function lakeImportOperations(imports: LakeImports, deps: LakeImportDeps): Record<string, Operation> {
  const { catalog } = deps;
  const ready = async (context: CallContext) => {
    await catalog.ready(context.now);
    await imports.ready();
  };
  const found = (value: unknown): ImportState => {
    const id = optionalString(value, 'ImportId', invalidParameter);
    if (!id) throw invalidParameter('ImportId is required.');
    const item = imports.get(id);
    if (!item) throw new ServiceError('ImportNotFoundException', IMPORT_MESSAGES.importNotFound);
    return item;
  };
  const refuseOngoing = () => {
    if (imports.list().some(isOngoing)) {
      throw new ServiceError('AccountHasOngoingImportException', IMPORT_MESSAGES.ongoingImport);
    }
  };

  return {
    async StartImport(input, context) {
      await ready(context);
      const importId = optionalString(input.ImportId, 'ImportId', invalidParameter);
      const destinationsInput = optionalList(input.Destinations, 'Destinations', invalidParameter);
      if (importId !== undefined) {
        // A retry: the same import, run again over the same source and range.
        if (destinationsInput !== undefined || input.ImportSource !== undefined) {
          throw invalidParameter(IMPORT_MESSAGES.destinationsOrImportId);
        }
        const item = found(importId);
        refuseOngoing();
        if (!RETRYABLE_IMPORT_STATUSES.has(item.status)) throw invalidParameter(IMPORT_MESSAGES.notRetryable);
        for (const arn of item.destinations) destinationStore(arn, catalog, context);
        const retried: ImportState = {
          ...item,
          status: 'INITIALIZING',
          updatedMs: context.now,
          statistics: emptyImportStatistics(),
          failures: [],
        };
        await imports.commit(retried);
        imports.start(retried.id);
        return importOutput(retried);
      }
      if (destinationsInput === undefined || input.ImportSource === undefined) {
        throw invalidParameter(IMPORT_MESSAGES.destinationsOrImportId);
      }
      if (destinationsInput.length < 1 || destinationsInput.length > MAX_IMPORT_DESTINATIONS) {
        throw invalidParameter(`Destinations must hold ${MAX_IMPORT_DESTINATIONS} event data store ARN.`);
      }
      const destinations = destinationsInput.map((d) => {
        if (typeof d !== 'string') throw invalidParameter('Destinations must be event data store ARNs.');
        return destinationStore(d, catalog, context).arn;
      });
      const source = readSource(input.ImportSource, deps.state);
      const startEventMs = timeMember(input.StartEventTime, 'StartEventTime');
      const endEventMs = timeMember(input.EndEventTime, 'EndEventTime');
      if (startEventMs !== undefined && endEventMs !== undefined && startEventMs > endEventMs) {
        throw invalidParameter(IMPORT_MESSAGES.timeRange);
      }
      refuseOngoing();
      const item: ImportState = {
        id: crypto.randomUUID(),
        destinations,
        source,
        ...(startEventMs === undefined ? {} : { startEventMs }),
        ...(endEventMs === undefined ? {} : { endEventMs }),
        status: 'INITIALIZING',
        createdMs: context.now,
        updatedMs: context.now,
        statistics: emptyImportStatistics(),
        failures: [],
      };
      await imports.commit(item);
      imports.start(item.id);
      return importOutput(item);
    },

    async GetImport(input, context) {
      await ready(context);
      const item = found(input.ImportId);
      return { ...importOutput(item), ImportStatistics: statisticsOutput(item) };
    },

    async ListImports(input, context) {
      await ready(context);
      const max = maxResults(input.MaxResults);
      const destination = optionalString(input.Destination, 'Destination', invalidParameter);
      if (destination !== undefined && !EDS_ARN.test(destination)) {
        throw new ServiceError('EventDataStoreARNInvalidException', LAKE_MESSAGES.edsArnInvalid);
      }
      const status = optionalString(input.ImportStatus, 'ImportStatus', invalidParameter);
      if (status !== undefined && !IMPORT_STATUSES.includes(status as ImportStatus)) {
        throw invalidParameter(`ImportStatus must be one of ${IMPORT_STATUSES.join(', ')}.`);
      }
      const start = pageStart(input.NextToken);
      const matching = imports
        .list()
        .filter((i) => destination === undefined || i.destinations.includes(destination))
        .filter((i) => status === undefined || i.status === status);
      if (start > matching.length)
        throw new ServiceError('InvalidNextTokenException', 'The token is not valid.');
      return {
        Imports: matching.slice(start, start + max).map((i) => ({
          ImportId: i.id,
          ImportStatus: i.status,
          Destinations: i.destinations,
          CreatedTimestamp: i.createdMs / 1000,
          UpdatedTimestamp: i.updatedMs / 1000,
        })),
        ...(start + max < matching.length ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },

    async StopImport(input, context) {
      await ready(context);
      const item = found(input.ImportId);
      // An import that has already ended is answered as it is (Trailview's choice).
      const result = isOngoing(item) ? await imports.stop(item) : item;
      return { ...importOutput(result), ImportStatistics: statisticsOutput(result) };
    },

    async ListImportFailures(input, context) {
      await ready(context);
      const id = optionalString(input.ImportId, 'ImportId', invalidParameter);
      if (!id) throw invalidParameter('ImportId is required.');
      const max = maxResults(input.MaxResults);
      const start = pageStart(input.NextToken);
      // The API lists no ImportNotFoundException for this operation: an unknown import has no failures.
      const failures = imports.get(id)?.failures ?? [];
      if (start > failures.length) {
        throw new ServiceError('InvalidNextTokenException', 'The token is not valid.');
      }
      return {
        Failures: failures.slice(start, start + max).map((f) => ({
          Location: f.location,
          Status: f.status,
          ErrorType: f.errorType,
          ErrorMessage: f.errorMessage,
          LastUpdatedTime: f.updatedMs / 1000,
        })),
        ...(start + max < failures.length ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },
  };
}
