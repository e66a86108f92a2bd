// CloudTrail Lake event data stores: Create/Get/List/Update/Delete/RestoreEventDataStore over a catalog the
// host persists (the local server keeps it in its DuckDB file; the demo keeps it for the tab). Which events
// a store holds is the SQL engine's business (server/lake); here are the stores' lifecycle and errors.
import { advancedEventSelectorsError } from '@/domain/event-selector-rules';
import type { AdvancedEventSelector } from '@/domain/event-selectors';
import {
  builtInEventDataStore,
  DAY_MS,
  eventDataStoreArn,
  eventDataStoreIdOf,
  eventDataStoreNameError,
  LAKE_MESSAGES,
  MAX_EDS_SELECTORS,
  MAX_EVENT_DATA_STORES,
  PENDING_DELETION_DAYS,
  RETENTION_BY_BILLING,
  retentionPeriodError,
  type BillingMode,
  type EventDataStoreState,
} from '@/domain/lake';
import { CHANNEL_MESSAGES } from '@/domain/lake-channels';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import {
  decodeIndexToken,
  encodeIndexToken,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStructureList,
} from '../input';
import type { PolicyResources } from './lake-resource-policies';
import type { FindTagged } from './resource-tags';
import { tagsListMember } from './trail-limits';
import { readAdvanced } from './trail-selectors';

/** Where the host keeps the stores; `save` resolves once they are durable. */
export interface LakeCatalogPersistence {
  load(): Promise<EventDataStoreState[]> | EventDataStoreState[];
  save(stores: readonly EventDataStoreState[]): Promise<void> | void;
}

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);

/** The account's event data stores, keyed by ID. */
export class LakeCatalog {
  private readonly stores = new Map<string, EventDataStoreState>();
  private loaded: Promise<void> | undefined;
  private readonly persistence: LakeCatalogPersistence | undefined;
  /** Create the built-in store holding every stored event (the local backend). */
  private readonly builtIn: { accountId: string; region: string; createdMs: number } | undefined;

  constructor(
    persistence: LakeCatalogPersistence | undefined,
    builtIn: { accountId: string; region: string; createdMs: number } | undefined,
  ) {
    this.persistence = persistence;
    this.builtIn = builtIn;
  }

  async ready(now: number): Promise<void> {
    this.loaded ??= (async () => {
      for (const store of (await this.persistence?.load()) ?? []) this.stores.set(store.id, store);
      if (this.builtIn && ![...this.stores.values()].some((s) => s.builtIn)) {
        const { accountId, region, createdMs } = this.builtIn;
        const id = crypto.randomUUID();
        this.stores.set(id, builtInEventDataStore({ id, accountId, region, createdMs }));
        await this.persistence?.save(this.list());
      }
    })();
    await this.loaded;
    this.expire(now);
  }

  /** Stores pending deletion for more than 7 days are gone. */
  private expire(now: number): void {
    for (const [id, store] of this.stores) {
      if (store.deletedMs !== undefined && now - store.deletedMs >= PENDING_DELETION_DAYS * DAY_MS) {
        this.stores.delete(id);
      }
    }
  }

  list(): EventDataStoreState[] {
    return [...this.stores.values()].sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
  }

  /** The store an ARN or ID names; EventDataStoreARNInvalidException / NotFound otherwise. */
  find(idOrArn: string, context: CallContext): EventDataStoreState {
    if (idOrArn.startsWith('arn:')) {
      const match = /^arn:aws:cloudtrail:([a-z0-9-]+):(\d{12}):eventdatastore\/([A-Za-z0-9-]+)$/.exec(
        idOrArn,
      );
      if (!match || match[2] !== context.accountId) {
        throw new ServiceError('EventDataStoreARNInvalidException', LAKE_MESSAGES.edsArnInvalid);
      }
    }
    const store = this.stores.get(eventDataStoreIdOf(idOrArn));
    if (!store) throw new ServiceError('EventDataStoreNotFoundException', LAKE_MESSAGES.edsNotFound);
    return store;
  }

  async put(store: EventDataStoreState): Promise<void> {
    const before = this.stores.get(store.id);
    this.stores.set(store.id, store);
    try {
      await this.persistence?.save(this.list());
    } catch (error) {
      if (before) this.stores.set(store.id, before);
      else this.stores.delete(store.id);
      throw error;
    }
  }
}

export function eventDataStoreOutput(store: EventDataStoreState): Record<string, unknown> {
  return {
    EventDataStoreArn: store.arn,
    Name: store.name,
    Status: store.status,
    AdvancedEventSelectors: store.advancedEventSelectors,
    MultiRegionEnabled: store.multiRegionEnabled,
    OrganizationEnabled: store.organizationEnabled,
    RetentionPeriod: store.retentionPeriod,
    TerminationProtectionEnabled: store.terminationProtectionEnabled,
    CreatedTimestamp: store.createdMs / 1000,
    UpdatedTimestamp: store.updatedMs / 1000,
    BillingMode: store.billingMode,
  };
}

function readSelectors(value: unknown): AdvancedEventSelector[] | undefined {
  const list = optionalStructureList(value, 'AdvancedEventSelectors', invalidParameter);
  if (list === undefined) return undefined;
  const selectors = list.map(readAdvanced);
  if (selectors.length > MAX_EDS_SELECTORS) {
    throw new ServiceError(
      'InvalidEventSelectorsException',
      `An event data store can have up to ${MAX_EDS_SELECTORS} advanced event selectors.`,
    );
  }
  const problem = advancedEventSelectorsError(selectors, 'event data store');
  if (problem) throw new ServiceError('InvalidEventSelectorsException', problem);
  return selectors;
}

function readBilling(value: unknown): BillingMode | undefined {
  const text = optionalString(value, 'BillingMode', invalidParameter);
  if (text === undefined) return undefined;
  if (text !== 'EXTENDABLE_RETENTION_PRICING' && text !== 'FIXED_RETENTION_PRICING') {
    throw invalidParameter(`BillingMode must be EXTENDABLE_RETENTION_PRICING or FIXED_RETENTION_PRICING.`);
  }
  return text;
}

function checkRetention(days: number, billing: BillingMode): void {
  const problem = retentionPeriodError(days, billing);
  if (problem) throw invalidParameter(problem);
}

/** The default selectors of a store created through the API: all management events. */
const DEFAULT_EDS_SELECTORS: AdvancedEventSelector[] = [
  { Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
];

export function eventDataStoreOperations(
  catalog: LakeCatalog,
  /** Whether an import is copying events into the store (lake-imports.ts). */
  hasOngoingImport: (storeArn: string) => boolean = () => false,
  /** Whether a channel sends its events to the store (lake-channels.ts). */
  usedByChannel: (storeArn: string) => Promise<boolean> = () => Promise.resolve(false),
): Record<string, Operation> {
  const refuseImporting = (store: EventDataStoreState) => {
    if (hasOngoingImport(store.arn)) {
      throw new ServiceError('EventDataStoreHasOngoingImportException', LAKE_MESSAGES.edsOngoingImport);
    }
  };
  return {
    async CreateEventDataStore(input, context) {
      await catalog.ready(context.now);
      const name = optionalString(input.Name, 'Name', invalidParameter) ?? '';
      const nameProblem = eventDataStoreNameError(name);
      if (nameProblem) throw invalidParameter(nameProblem);
      if (catalog.list().some((s) => s.name === name)) {
        throw new ServiceError('EventDataStoreAlreadyExistsException', LAKE_MESSAGES.edsAlreadyExists);
      }
      // The quota is the account's own stores: Trailview's built-in one does not take a place.
      if (catalog.list().filter((s) => !s.builtIn).length >= MAX_EVENT_DATA_STORES) {
        throw new ServiceError('EventDataStoreMaxLimitExceededException', LAKE_MESSAGES.edsMaxLimit);
      }
      const billingMode = readBilling(input.BillingMode) ?? 'EXTENDABLE_RETENTION_PRICING';
      const retentionPeriod =
        optionalInteger(input.RetentionPeriod, 'RetentionPeriod', invalidParameter) ??
        RETENTION_BY_BILLING[billingMode].default;
      checkRetention(retentionPeriod, billingMode);
      const startIngestion =
        optionalBoolean(input.StartIngestion, 'StartIngestion', invalidParameter) ?? true;
      const id = crypto.randomUUID();
      const store: EventDataStoreState = {
        id,
        arn: eventDataStoreArn(context.region, context.accountId, id),
        name,
        status: startIngestion ? 'ENABLED' : 'STOPPED_INGESTION',
        advancedEventSelectors: readSelectors(input.AdvancedEventSelectors) ?? DEFAULT_EDS_SELECTORS,
        multiRegionEnabled:
          optionalBoolean(input.MultiRegionEnabled, 'MultiRegionEnabled', invalidParameter) ?? true,
        organizationEnabled:
          optionalBoolean(input.OrganizationEnabled, 'OrganizationEnabled', invalidParameter) ?? false,
        retentionPeriod,
        terminationProtectionEnabled:
          optionalBoolean(
            input.TerminationProtectionEnabled,
            'TerminationProtectionEnabled',
            invalidParameter,
          ) ?? true,
        billingMode,
        homeRegion: context.region,
        createdMs: context.now,
        updatedMs: context.now,
        tags: (tagsListMember(input.TagsList) ?? []).map((t) => ({
          Key: String(t.Key),
          ...(t.Value === undefined ? {} : { Value: String(t.Value) }),
        })),
      };
      await catalog.put(store);
      return { ...eventDataStoreOutput(store), TagsList: store.tags };
    },

    async GetEventDataStore(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      return { ...eventDataStoreOutput(store), FederationStatus: 'DISABLED' };
    },

    async ListEventDataStores(input, context) {
      await catalog.ready(context.now);
      const max = optionalInteger(input.MaxResults, 'MaxResults', invalidParameter) ?? 1000;
      if (max < 1 || max > 1000) {
        throw new ServiceError('InvalidMaxResultsException', 'MaxResults must be between 1 and 1000.');
      }
      const token = optionalString(input.NextToken, 'NextToken', invalidParameter);
      const start = token
        ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m))
        : 0;
      const all = catalog.list();
      const page = all.slice(start, start + max);
      const more = start + max < all.length;
      return {
        EventDataStores: page.map(eventDataStoreOutput),
        ...(more ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },

    async UpdateEventDataStore(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      if (store.status === 'PENDING_DELETION') {
        throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
      }
      refuseImporting(store);
      const next: EventDataStoreState = { ...store, updatedMs: context.now };
      const name = optionalString(input.Name, 'Name', invalidParameter);
      if (name !== undefined && name !== store.name) {
        const problem = eventDataStoreNameError(name);
        if (problem) throw invalidParameter(problem);
        if (catalog.list().some((s) => s.name === name)) {
          throw new ServiceError('EventDataStoreAlreadyExistsException', LAKE_MESSAGES.edsAlreadyExists);
        }
        next.name = name;
      }
      const billing = readBilling(input.BillingMode);
      if (billing === 'FIXED_RETENTION_PRICING' && store.billingMode === 'EXTENDABLE_RETENTION_PRICING') {
        throw invalidParameter(
          'You cannot change the billing mode from EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING.',
        );
      }
      if (billing) next.billingMode = billing;
      const retention = optionalInteger(input.RetentionPeriod, 'RetentionPeriod', invalidParameter);
      if (retention !== undefined) next.retentionPeriod = retention;
      checkRetention(next.retentionPeriod, next.billingMode);
      const selectors = readSelectors(input.AdvancedEventSelectors);
      if (selectors) {
        if (store.builtIn) {
          throw invalidParameter('The selectors of the built-in event data store cannot be changed.');
        }
        next.advancedEventSelectors = selectors;
      }
      const multi = optionalBoolean(input.MultiRegionEnabled, 'MultiRegionEnabled', invalidParameter);
      if (multi !== undefined) next.multiRegionEnabled = multi;
      const protection = optionalBoolean(
        input.TerminationProtectionEnabled,
        'TerminationProtectionEnabled',
        invalidParameter,
      );
      if (protection !== undefined) next.terminationProtectionEnabled = protection;
      await catalog.put(next);
      return { ...eventDataStoreOutput(next), FederationStatus: 'DISABLED' };
    },

    async DeleteEventDataStore(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      if (store.status === 'PENDING_DELETION') {
        throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
      }
      refuseImporting(store);
      if (store.terminationProtectionEnabled) {
        throw new ServiceError(
          'EventDataStoreTerminationProtectedException',
          LAKE_MESSAGES.edsTerminationProtected,
        );
      }
      // Trailview's own store of every event: protected like any store, and past that the console disables
      // Delete for it, and so does the API.
      if (store.builtIn) throw invalidParameter('The built-in event data store cannot be deleted.');
      // "integration EDS requires deleting the channel first" (query-event-data-store-delete.html).
      if (await usedByChannel(store.arn)) {
        throw new ServiceError('ChannelExistsForEDSException', CHANNEL_MESSAGES.existsForEds);
      }
      // Deleting the store deletes its resource-based policy; a restored store has none.
      const { resourcePolicy: _, ...kept } = store;
      await catalog.put({
        ...kept,
        status: 'PENDING_DELETION',
        deletedMs: context.now,
        updatedMs: context.now,
      });
      return {};
    },

    async RestoreEventDataStore(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      if (store.status !== 'PENDING_DELETION') {
        throw new ServiceError('InvalidEventDataStoreStatusException', LAKE_MESSAGES.edsStatus);
      }
      const restored: EventDataStoreState = { ...store, status: 'ENABLED', updatedMs: context.now };
      delete restored.deletedMs;
      await catalog.put(restored);
      return eventDataStoreOutput(restored);
    },

    // Ingestion: a stopped store keeps what it holds and collects nothing until started again.
    async StopEventDataStoreIngestion(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      if (store.status !== 'ENABLED') {
        throw new ServiceError('InvalidEventDataStoreStatusException', LAKE_MESSAGES.edsStatus);
      }
      await catalog.put({
        ...store,
        status: 'STOPPED_INGESTION',
        ingestionStops: [...(store.ingestionStops ?? []), { fromMs: context.now }],
        updatedMs: context.now,
      });
      return {};
    },

    async StartEventDataStoreIngestion(input, context) {
      await catalog.ready(context.now);
      const store = catalog.find(requiredStore(input.EventDataStore), context);
      if (store.status !== 'STOPPED_INGESTION') {
        throw new ServiceError('InvalidEventDataStoreStatusException', LAKE_MESSAGES.edsStatus);
      }
      await catalog.put({
        ...store,
        status: 'ENABLED',
        ingestionStops: (store.ingestionStops ?? []).map((stop) =>
          stop.toMs === undefined ? { ...stop, toMs: context.now } : stop,
        ),
        updatedMs: context.now,
      });
      return {};
    },
  };
}

export function requiredStore(value: unknown): string {
  const text = optionalString(value, 'EventDataStore', invalidParameter);
  if (!text) throw invalidParameter('EventDataStore is required.');
  return text;
}

/**
 * Event data stores' resource-based policies (lake-resource-policies.ts), kept in the catalog. A store
 * pending deletion has lost its policy and takes none: to these operations it no longer exists.
 */
/** A store as AddTags, RemoveTags and ListTags find it by its ARN (resource-tags.ts). */
export function eventDataStoreTagged(catalog: LakeCatalog): FindTagged {
  return async (arn, context) => {
    await catalog.ready(context.now);
    const store = catalog.find(arn, context);
    if (store.status === 'PENDING_DELETION') {
      throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
    }
    return {
      arn: store.arn,
      tags: store.tags,
      save: (tags) => catalog.put({ ...store, tags, updatedMs: context.now }),
    };
  };
}

export function eventDataStorePolicies(catalog: LakeCatalog): PolicyResources {
  const active = async (arn: string, context: CallContext) => {
    await catalog.ready(context.now);
    const store = catalog.list().find((s) => s.arn === arn);
    return store?.status === 'PENDING_DELETION' ? undefined : store;
  };
  return {
    async find(arn, context) {
      const store = await active(arn, context);
      return store && { policy: store.resourcePolicy };
    },
    async setPolicy(arn, policy, context) {
      const store = await active(arn, context);
      if (!store) return;
      const { resourcePolicy: _, ...rest } = store;
      await catalog.put(policy === undefined ? rest : { ...rest, resourcePolicy: policy });
    },
  };
}
