// CloudTrail Lake channels: Create/Get/List/Update/DeleteChannel over a catalog the host persists (the local
// server in its DuckDB file, the demo for the tab), and the events PutAuditEvents ingests through them
// (services/cloudtrail-data). The rules and messages are in domain/lake-channels.ts.
import {
  CHANNEL_MESSAGES,
  channelArn,
  channelNameError,
  DESTINATION_TYPES,
  isIntegrationStore,
  isValidSource,
  MAX_CHANNELS,
  MAX_DESTINATIONS,
  MAX_LIST_CHANNELS,
  parseChannelArn,
  sourceTakenBy,
  type ChannelDestination,
  type ChannelState,
  type DestinationType,
} from '@/domain/lake-channels';
import type { IntegrationRecord } from '@/domain/integration-events';
import { eventDataStoreIdOf, LAKE_MESSAGES } from '@/domain/lake';
import type { CallContext, Operation } from '../../context';
import { ServiceError } from '../../errors';
import {
  decodeIndexToken,
  encodeIndexToken,
  isRecord,
  optionalInteger,
  optionalList,
  optionalString,
} from '../input';
import type { LakeCatalog } from './lake-stores';
import type { PolicyResources } from './lake-resource-policies';
import type { FindTagged } from './resource-tags';
import { mergeTags, readTags } from './trail-limits';

/** Where the host keeps channels and the events they ingested; each call resolves once durable. */
export interface ChannelPersistence {
  load(): Promise<ChannelState[]> | ChannelState[];
  save(channels: readonly ChannelState[]): Promise<void> | void;
  /** Keeps ingested events in these event data stores (by ID). */
  addEvents(storeIds: readonly string[], records: readonly IntegrationRecord[]): Promise<void> | void;
}

/** Channels and their events for the tab (the demo) or a test: in memory. */
export class MemoryChannelPersistence implements ChannelPersistence {
  private channels: ChannelState[] = [];
  private readonly events = new Map<string, IntegrationRecord[]>();

  load(): ChannelState[] {
    return this.channels;
  }

  save(channels: readonly ChannelState[]): void {
    this.channels = [...channels];
  }

  addEvents(storeIds: readonly string[], records: readonly IntegrationRecord[]): void {
    for (const id of storeIds) {
      let list = this.events.get(id);
      if (!list) this.events.set(id, (list = []));
      list.push(...records);
    }
  }

  /** The integration events a store holds, in the order they arrived. */
  eventsOf(storeId: string): readonly IntegrationRecord[] {
    return this.events.get(storeId) ?? [];
  }
}

const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', message);

/** The account's channels, keyed by ID. */
export class ChannelCatalog {
  private readonly channels = new Map<string, ChannelState>();
  private loaded: Promise<void> | undefined;
  readonly persistence: ChannelPersistence;

  constructor(persistence: ChannelPersistence = new MemoryChannelPersistence()) {
    this.persistence = persistence;
  }

  async ready(): Promise<void> {
    this.loaded ??= (async () => {
      for (const channel of await this.persistence.load()) this.channels.set(channel.id, channel);
    })();
    await this.loaded;
  }

  list(): ChannelState[] {
    return [...this.channels.values()].sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
  }

  /** The channel an ARN or ID names: ChannelARNInvalidException / ChannelNotFoundException otherwise. */
  find(arnOrId: string, context: CallContext): ChannelState {
    let id = arnOrId;
    if (arnOrId.startsWith('arn:')) {
      const arn = parseChannelArn(arnOrId);
      if (!arn) throw new ServiceError('ChannelARNInvalidException', CHANNEL_MESSAGES.arnInvalid);
      if (arn.accountId !== context.accountId) {
        throw new ServiceError('ChannelNotFoundException', CHANNEL_MESSAGES.notFound);
      }
      id = arn.id;
    }
    const channel = this.channels.get(id);
    if (!channel || (arnOrId.startsWith('arn:') && channel.arn !== arnOrId)) {
      throw new ServiceError('ChannelNotFoundException', CHANNEL_MESSAGES.notFound);
    }
    return channel;
  }

  /** Whether a channel sends events to this event data store. */
  usesStore(storeArn: string): boolean {
    const id = eventDataStoreIdOf(storeArn);
    return this.list().some((c) =>
      c.destinations.some((d) => d.Type === 'EVENT_DATA_STORE' && eventDataStoreIdOf(d.Location) === id),
    );
  }

  async put(channel: ChannelState): Promise<void> {
    await this.replace(channel.id, channel);
  }

  async remove(id: string): Promise<void> {
    await this.replace(id, undefined);
  }

  private async replace(id: string, channel: ChannelState | undefined): Promise<void> {
    const before = this.channels.get(id);
    if (channel) this.channels.set(id, channel);
    else this.channels.delete(id);
    try {
      await this.persistence.save(this.list());
    } catch (error) {
      if (before) this.channels.set(id, before);
      else this.channels.delete(id);
      throw error;
    }
  }
}

/** Destinations as the request gives them, each store checked: it exists, is active and collects integration events. */
async function readDestinations(
  value: unknown,
  stores: LakeCatalog,
  context: CallContext,
): Promise<ChannelDestination[]> {
  const list = optionalList(value, 'Destinations', invalidParameter);
  if (!list || list.length === 0) throw invalidParameter('Destinations is required.');
  if (list.length > MAX_DESTINATIONS) {
    throw invalidParameter(`A channel can have at most ${MAX_DESTINATIONS} destinations.`);
  }
  await stores.ready(context.now);
  const destinations: ChannelDestination[] = [];
  for (const item of list) {
    if (!isRecord(item)) throw invalidParameter('Each destination must have a Type and a Location.');
    const type = optionalString(item.Type, 'Type', invalidParameter);
    const location = optionalString(item.Location, 'Location', invalidParameter);
    if (!type || !(DESTINATION_TYPES as readonly string[]).includes(type)) {
      throw invalidParameter('The destination Type must be EVENT_DATA_STORE or AWS_SERVICE.');
    }
    if (!location) throw invalidParameter('The destination Location is required.');
    if (type === 'AWS_SERVICE') {
      // Service-linked channels are created by AWS services, not through this API.
      throw invalidParameter('Channels for AWS services are created by the services themselves.');
    }
    const store = stores.find(location, context);
    if (store.status === 'PENDING_DELETION') {
      throw new ServiceError('InactiveEventDataStoreException', LAKE_MESSAGES.edsInactive);
    }
    if (!isIntegrationStore(store)) {
      throw new ServiceError('InvalidEventDataStoreCategoryException', CHANNEL_MESSAGES.invalidCategory);
    }
    if (!destinations.some((d) => d.Location === store.arn)) {
      destinations.push({ Type: type as DestinationType, Location: store.arn });
    }
  }
  return destinations;
}

function readName(value: unknown): string {
  const name = optionalString(value, 'Name', invalidParameter) ?? '';
  const problem = channelNameError(name);
  if (problem) throw invalidParameter(problem);
  return name;
}

function channelOutput(channel: ChannelState) {
  return {
    ChannelArn: channel.arn,
    Name: channel.name,
    Source: channel.source,
    Destinations: channel.destinations,
  };
}

function ingestionStatus(channel: ChannelState) {
  const i = channel.ingestion ?? {};
  const status: Record<string, unknown> = {};
  if (i.latestSuccessMs !== undefined) status.LatestIngestionSuccessTime = i.latestSuccessMs / 1000;
  if (i.latestSuccessEventId) status.LatestIngestionSuccessEventID = i.latestSuccessEventId;
  if (i.latestErrorCode) status.LatestIngestionErrorCode = i.latestErrorCode;
  if (i.latestAttemptMs !== undefined) status.LatestIngestionAttemptTime = i.latestAttemptMs / 1000;
  if (i.latestAttemptEventId) status.LatestIngestionAttemptEventID = i.latestAttemptEventId;
  return status;
}

export function requiredChannel(value: unknown): string {
  const text = optionalString(value, 'Channel', invalidParameter);
  if (!text) throw invalidParameter('Channel is required.');
  return text;
}

export function channelOperations(channels: ChannelCatalog, stores: LakeCatalog): Record<string, Operation> {
  return {
    async CreateChannel(input, context) {
      await channels.ready();
      const name = readName(input.Name);
      const source = optionalString(input.Source, 'Source', invalidParameter) ?? '';
      if (!isValidSource(source)) {
        throw new ServiceError('InvalidSourceException', CHANNEL_MESSAGES.invalidSource);
      }
      const all = channels.list();
      if (all.some((c) => c.name === name) || sourceTakenBy(source, all)) {
        throw new ServiceError('ChannelAlreadyExistsException', CHANNEL_MESSAGES.alreadyExists);
      }
      if (all.length >= MAX_CHANNELS) {
        throw new ServiceError('ChannelMaxLimitExceededException', CHANNEL_MESSAGES.maxLimit);
      }
      const destinations = await readDestinations(input.Destinations, stores, context);
      const tags = mergeTags([], readTags(input.Tags));
      const id = crypto.randomUUID();
      const channel: ChannelState = {
        id,
        arn: channelArn(context.region, context.accountId, id),
        name,
        source,
        destinations,
        homeRegion: context.region,
        createdMs: context.now,
        updatedMs: context.now,
        tags,
      };
      await channels.put(channel);
      return { ...channelOutput(channel), Tags: channel.tags };
    },

    async GetChannel(input, context) {
      await channels.ready();
      const channel = channels.find(requiredChannel(input.Channel), context);
      return {
        ...channelOutput(channel),
        // A custom or partner channel is not a service-linked one: no Region-wide selectors of its own.
        SourceConfig: { ApplyToAllRegions: false, AdvancedEventSelectors: [] },
        IngestionStatus: ingestionStatus(channel),
      };
    },

    async ListChannels(input) {
      await channels.ready();
      const max = optionalInteger(input.MaxResults, 'MaxResults', invalidParameter) ?? MAX_LIST_CHANNELS;
      if (max < 1 || max > MAX_LIST_CHANNELS) {
        throw invalidParameter(`MaxResults must be between 1 and ${MAX_LIST_CHANNELS}.`);
      }
      const token = optionalString(input.NextToken, 'NextToken', invalidParameter);
      const start = token
        ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m))
        : 0;
      const all = channels.list();
      const page = all.slice(start, start + max);
      return {
        Channels: page.map((c) => ({ ChannelArn: c.arn, Name: c.name })),
        ...(start + max < all.length ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },

    async UpdateChannel(input, context) {
      await channels.ready();
      const channel = channels.find(requiredChannel(input.Channel), context);
      const next: ChannelState = { ...channel, updatedMs: context.now };
      if (input.Name !== undefined && input.Name !== null) {
        const name = readName(input.Name);
        if (name !== channel.name && channels.list().some((c) => c.name === name)) {
          throw new ServiceError('ChannelAlreadyExistsException', CHANNEL_MESSAGES.alreadyExists);
        }
        next.name = name;
      }
      if (input.Destinations !== undefined && input.Destinations !== null) {
        next.destinations = await readDestinations(input.Destinations, stores, context);
      }
      await channels.put(next);
      return channelOutput(next);
    },

    async DeleteChannel(input, context) {
      await channels.ready();
      const channel = channels.find(requiredChannel(input.Channel), context);
      await channels.remove(channel.id);
      return {};
    },
  };
}

/** A channel as AddTags, RemoveTags and ListTags find it by its ARN (resource-tags.ts). */
export function channelTagged(channels: ChannelCatalog): FindTagged {
  return async (arn, context) => {
    await channels.ready();
    const channel = channels.find(arn, context);
    return { arn: channel.arn, tags: channel.tags, save: (tags) => channels.put({ ...channel, tags }) };
  };
}

/** Channels' resource-based policies (lake-resource-policies.ts), kept as a member of the channel. */
export function channelPolicies(channels: ChannelCatalog): PolicyResources {
  const byArn = (arn: string) => channels.list().find((c) => c.arn === arn);
  return {
    async find(arn) {
      await channels.ready();
      const channel = byArn(arn);
      return channel && { policy: channel.resourcePolicy };
    },
    async setPolicy(arn, policy) {
      const channel = byArn(arn);
      if (!channel) return;
      const { resourcePolicy: _, ...rest } = channel;
      await channels.put(policy === undefined ? rest : { ...rest, resourcePolicy: policy });
    },
  };
}
