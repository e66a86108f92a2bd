// CloudTrail's operations over the event store and the account state.
import type { Operation } from '../../context';
import type { AccountState } from '../../state';
import type { EventStore } from '../../store/event-store';
import type { InsightsEngine } from '../../insights/engine';
import { insightsOperations } from './insights-metric-data';
import { lakeDashboardOperations, type DashboardPersistence } from './lake-dashboards';
import { checkLakeStatement, lakeQueryOperations, type LakeEngine } from './lake-queries';
import {
  lakeImportOperations,
  LakeImports,
  MemoryImportPersistence,
  readLogFileInMemory,
  type LakeImportPersistence,
  type LogFileReader,
} from './lake-imports';
import {
  ChannelCatalog,
  channelOperations,
  channelPolicies,
  channelTagged,
  type ChannelPersistence,
} from './lake-channels';
import { eventConfigurationOperations } from './lake-event-configuration';
import { resourcePolicyOperations } from './lake-resource-policies';
import { sampleQueryOperations } from './lake-samples';
import { resourceTagOperations } from './resource-tags';
import {
  eventDataStoreOperations,
  eventDataStorePolicies,
  eventDataStoreTagged,
  LakeCatalog,
  type LakeCatalogPersistence,
} from './lake-stores';
import { MemoryObjectStore, type ObjectStore } from '../../objects/object-store';
import { lookupEvents } from './lookup-events';
import { createLookupThrottle } from './lookup-throttle';
import { trailOperations } from './trail-operations';

export const CLOUDTRAIL_TARGET_PREFIX = 'CloudTrail_20131101';

export interface CloudTrailDeps {
  store: EventStore;
  state: AccountState;
  /** Without it ListInsightsMetricData answers UnsupportedOperationException. */
  insights?: InsightsEngine;
  /** Rate-limit every LookupEvents call, not only those asking for it by header (lookup-throttle.ts). */
  throttleLookupEvents?: boolean;
  /** CloudTrail Lake: without an engine the stores can be managed but StartQuery is unsupported. */
  lake?: LakeOptions;
  /** S3 objects: where StartImport reads log files and StartQuery saves results (default: a store of its own). */
  objects?: ObjectStore;
  /** The channels, shared with the CloudTrail Data API's PutAuditEvents (default: a catalog of its own). */
  channels?: ChannelCatalog;
}

export interface LakeOptions {
  engine?: LakeEngine;
  persistence?: LakeCatalogPersistence;
  /** Where dashboards are kept (the local backend); without it, in memory. */
  dashboardPersistence?: DashboardPersistence;
  /** Keep a built-in store holding every stored event, home in this Region. */
  builtInStoreRegion?: string;
  clock?: () => number;
  /** Copying trail events (StartImport…): where imports and memberships persist, how a log file is read. */
  imports?: { persistence?: LakeImportPersistence; readLogFile?: LogFileReader };
  /** Channels (CreateChannel…) and the events PutAuditEvents ingests through them; default in memory. */
  channels?: ChannelPersistence;
}

export function cloudTrailOperations(deps: CloudTrailDeps): Record<string, Operation> {
  const { store, state, insights } = deps;
  const throttle = createLookupThrottle();
  const lake = deps.lake ?? {};
  const clock = lake.clock ?? Date.now;
  const catalog = new LakeCatalog(
    lake.persistence,
    lake.builtInStoreRegion
      ? { accountId: state.accountId, region: lake.builtInStoreRegion, createdMs: clock() }
      : undefined,
  );
  // A dashboard refresh starts its widgets' queries through StartQuery; DescribeQuery finds them by alias.
  const dashboards = lakeDashboardOperations(
    async (statement, context) => {
      const started = (await lakeQueries.StartQuery!({ QueryStatement: statement }, context)) as {
        QueryId: string;
      };
      return started.QueryId;
    },
    (statement, context) => checkLakeStatement(catalog, lake.engine, statement, context),
    lake.dashboardPersistence,
  );
  const objects = deps.objects ?? new MemoryObjectStore();
  const importDeps = {
    catalog,
    store,
    state,
    objects,
    persistence: lake.imports?.persistence ?? new MemoryImportPersistence(),
    readLogFile: lake.imports?.readLogFile ?? readLogFileInMemory,
    clock,
  };
  const imports = new LakeImports(importDeps);
  const channels = deps.channels ?? new ChannelCatalog(lake.channels);
  const trails = trailOperations(state);
  const lakeQueries = lakeQueryOperations(
    catalog,
    lake.engine,
    clock,
    { state, objects },
    (alias, refreshId) => dashboards.queryOfAlias(alias, refreshId),
  );
  return {
    LookupEvents: (input, context) => {
      if (deps.throttleLookupEvents || context.throttleLookups) {
        throttle.admit(context.accountId, context.region, context.now);
      }
      return lookupEvents(store, input, context);
    },
    ...insightsOperations({ insights }),

    ...trails,
    ...resourceTagOperations(
      trails,
      new Map([
        ['eventdatastore', eventDataStoreTagged(catalog)],
        ['dashboard', dashboards.tagged],
        ['channel', channelTagged(channels)],
      ]),
    ),
    ...eventDataStoreOperations(
      catalog,
      (arn) => imports.hasOngoingImport(arn),
      async (arn) => {
        await channels.ready();
        return channels.usesStore(arn);
      },
    ),
    ...channelOperations(channels, catalog),
    ...lakeImportOperations(imports, importDeps),
    ...lakeQueries,
    ...dashboards.operations,
    ...resourcePolicyOperations({
      eventdatastore: eventDataStorePolicies(catalog),
      dashboard: dashboards.policies,
      channel: channelPolicies(channels),
    }),
    ...eventConfigurationOperations(catalog, state),
    ...sampleQueryOperations,
  };
}
