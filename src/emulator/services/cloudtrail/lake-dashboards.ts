// CloudTrail Lake dashboards: CreateDashboard, GetDashboard, ListDashboards, UpdateDashboard, DeleteDashboard
// and StartDashboardRefresh (CloudTrail API Reference). A dashboard is a list of widgets, each a query
// statement with `?` placeholders filled from its QueryParameters at refresh time; a refresh starts one
// Lake query per widget, which DescribeQuery finds by the widget's QueryAlias and the RefreshId, as in
// Lake. With a persistence (the local backend: the data file's meta table) dashboards are loaded at the
// first call and saved before a change is answered; without one (the demo) they live in memory.
import type { CallContext, Operation } from '../../context';
import type { PolicyResources } from './lake-resource-policies';
import type { FindTagged } from './resource-tags';
import type { Tag } from '../../state';
import { ServiceError } from '../../errors';
import {
  decodeIndexToken,
  encodeIndexToken,
  optionalBoolean,
  optionalInteger,
  optionalString,
} from '../input';

interface Widget {
  QueryAlias: string;
  QueryStatement: string;
  QueryParameters?: string[];
  ViewProperties: Record<string, string>;
}

export interface Dashboard {
  arn: string;
  name: string;
  widgets: Widget[];
  refreshSchedule?: unknown;
  terminationProtection: boolean;
  tags: unknown[];
  createdMs: number;
  updatedMs: number;
  lastRefreshId?: string;
  /** The resource-based policy JSON text as put (PutResourcePolicy); it goes with the dashboard. */
  resourcePolicy?: string;
}

/** Where dashboards are kept between runs. */
export interface DashboardPersistence {
  load(): Promise<Dashboard[]>;
  save(dashboards: Dashboard[]): Promise<void>;
}

/** Starts a Lake query (StartQuery of lake-queries.ts) and gives its QueryId. */
export type StartLakeQuery = (statement: string, context: CallContext) => Promise<string>;

// CreateDashboard: Name, pattern ^[a-zA-Z0-9_\-]+$, 3–128 characters; up to 10 widgets.
const NAME_PATTERN = /^[a-zA-Z0-9_-]{3,128}$/;
const MAX_WIDGETS = 10;
/** The query parameters a custom dashboard's widgets may use (StartDashboardRefresh). */
const PARAMETERS = new Set(['$StartTime$', '$EndTime$', '$Period$']);

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);
const notFound = (id: string) =>
  new ServiceError('ResourceNotFoundException', `Dashboard ${id} does not exist.`);

function widgetsOf(value: unknown, name: string): Widget[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('Widgets must be a list.');
  if (value.length > MAX_WIDGETS) throw invalid(`A dashboard can have at most ${MAX_WIDGETS} widgets.`);
  return value.map((raw: unknown, index) => {
    const widget = (raw ?? {}) as Record<string, unknown>;
    const statement = optionalString(widget.QueryStatement, 'QueryStatement', invalid);
    if (!statement) throw invalid('QueryStatement is required for each widget.');
    const parameters = widget.QueryParameters;
    if (
      parameters !== undefined &&
      !(Array.isArray(parameters) && parameters.every((p) => typeof p === 'string'))
    ) {
      throw invalid('QueryParameters must be a list of strings.');
    }
    const view = widget.ViewProperties;
    if (!view || typeof view !== 'object') throw invalid('ViewProperties is required for each widget.');
    return {
      QueryAlias: `${name}-widget-${index + 1}`,
      QueryStatement: statement,
      ...(parameters ? { QueryParameters: parameters as string[] } : {}),
      ViewProperties: Object.fromEntries(Object.entries(view).map(([k, v]) => [k, String(v)])),
    };
  });
}

/** The statement with each `?` replaced by the value of its query parameter, as a string literal. */
function boundStatement(widget: Widget, values: Record<string, string>): string {
  const parameters = [...(widget.QueryParameters ?? [])];
  return widget.QueryStatement.replace(/\?/g, () => {
    const parameter = parameters.shift();
    const value =
      parameter === undefined ? undefined : Object.hasOwn(values, parameter) ? values[parameter] : parameter;
    if (value === undefined) throw invalid('A widget has more ? placeholders than QueryParameters.');
    return `'${value.replaceAll("'", "''")}'`;
  });
}

const lakeTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

export function lakeDashboardOperations(startQuery: StartLakeQuery, persistence?: DashboardPersistence) {
  const dashboards = new Map<string, Dashboard>();
  let loaded: Promise<void> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      for (const d of (await persistence?.load()) ?? []) dashboards.set(d.name, d);
    })());
  // A refresh's queries live in memory only: its ID is not kept.
  const save = () =>
    persistence?.save([...dashboards.values()].map(({ lastRefreshId: _, ...d }) => d)) ?? Promise.resolve();
  /** RefreshId → QueryAlias → QueryId */
  const refreshes = new Map<string, Map<string, string>>();

  const find = (input: Record<string, unknown>): Dashboard => {
    const id = optionalString(input.DashboardId, 'DashboardId', invalid);
    if (!id) throw invalid('DashboardId is required.');
    const dashboard = dashboards.get(id.split('/').at(-1)!);
    if (!dashboard) throw notFound(id);
    return dashboard;
  };

  const view = (d: Dashboard) => ({
    DashboardArn: d.arn,
    Name: d.name,
    Type: 'CUSTOM',
    Widgets: d.widgets,
    TagsList: d.tags,
    ...(d.refreshSchedule ? { RefreshSchedule: d.refreshSchedule } : {}),
    TerminationProtectionEnabled: d.terminationProtection,
  });

  /** The query a dashboard refresh started for a widget's alias (DescribeQuery with QueryAlias). */
  const queryOfAlias = (alias: string, refreshId: string | undefined): string | undefined => {
    const refresh =
      refreshId ??
      [...dashboards.values()].find((d) => d.widgets.some((w) => w.QueryAlias === alias))?.lastRefreshId;
    return refresh ? refreshes.get(refresh)?.get(alias) : undefined;
  };

  const handlers: Record<string, Operation> = {
    async CreateDashboard(input, context) {
      const name = optionalString(input.Name, 'Name', invalid) ?? '';
      if (!NAME_PATTERN.test(name)) {
        throw invalid(
          'Dashboard names must be 3 to 128 characters: letters, numbers, hyphens and underscores.',
        );
      }
      if (dashboards.has(name)) {
        throw new ServiceError('ConflictException', `A dashboard named ${name} already exists.`);
      }
      const dashboard: Dashboard = {
        arn: `arn:aws:cloudtrail:${context.region}:${context.accountId}:dashboard/${name}`,
        name,
        widgets: widgetsOf(input.Widgets, name),
        refreshSchedule: input.RefreshSchedule,
        terminationProtection:
          optionalBoolean(input.TerminationProtectionEnabled, 'TerminationProtectionEnabled', invalid) ??
          false,
        tags: Array.isArray(input.TagsList) ? input.TagsList : [],
        createdMs: context.now,
        updatedMs: context.now,
      };
      dashboards.set(name, dashboard);
      await save();
      return view(dashboard);
    },

    GetDashboard(input) {
      const d = find(input);
      return {
        ...view(d),
        Status: 'CREATED',
        CreatedTimestamp: d.createdMs / 1000,
        UpdatedTimestamp: d.updatedMs / 1000,
        ...(d.lastRefreshId ? { LastRefreshId: d.lastRefreshId } : {}),
      };
    },

    ListDashboards(input) {
      const prefix = optionalString(input.NamePrefix, 'NamePrefix', invalid) ?? '';
      const type = optionalString(input.Type, 'Type', invalid);
      const max = optionalInteger(input.MaxResults, 'MaxResults', invalid) ?? 1000;
      const token = optionalString(input.NextToken, 'NextToken', invalid);
      const start = token
        ? decodeIndexToken(token, (m) => new ServiceError('InvalidNextTokenException', m))
        : 0;
      const matching = [...dashboards.values()]
        .filter((d) => d.name.startsWith(prefix) && (type === undefined || type === 'CUSTOM'))
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        Dashboards: matching.slice(start, start + max).map((d) => ({ DashboardArn: d.arn, Type: 'CUSTOM' })),
        ...(start + max < matching.length ? { NextToken: encodeIndexToken(start + max) } : {}),
      };
    },

    async UpdateDashboard(input, context) {
      const d = find(input);
      if (input.Widgets !== undefined) d.widgets = widgetsOf(input.Widgets, d.name);
      if (input.RefreshSchedule !== undefined) d.refreshSchedule = input.RefreshSchedule;
      const protection = optionalBoolean(
        input.TerminationProtectionEnabled,
        'TerminationProtectionEnabled',
        invalid,
      );
      if (protection !== undefined) d.terminationProtection = protection;
      d.updatedMs = context.now;
      await save();
      return { ...view(d), CreatedTimestamp: d.createdMs / 1000, UpdatedTimestamp: d.updatedMs / 1000 };
    },

    async DeleteDashboard(input) {
      const d = find(input);
      if (d.terminationProtection) {
        throw new ServiceError(
          'ConflictException',
          `Dashboard ${d.name} has termination protection enabled. Turn it off before you delete the dashboard.`,
        );
      }
      dashboards.delete(d.name);
      await save();
      return {};
    },

    async StartDashboardRefresh(input, context) {
      const d = find(input);
      const given = (input.QueryParameterValues ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(given)) {
        if (!PARAMETERS.has(key)) throw invalid(`${key} is not a query parameter of a custom dashboard.`);
      }
      // Without values a refresh covers the last day, as the console's default time range.
      const values: Record<string, string> = {
        $StartTime$: lakeTime(context.now - 86_400_000),
        $EndTime$: lakeTime(context.now),
        $Period$: '1h',
        ...Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v)])),
      };
      const refreshId = crypto.randomUUID();
      const started = new Map<string, string>();
      for (const widget of d.widgets) {
        started.set(widget.QueryAlias, await startQuery(boundStatement(widget, values), context));
      }
      refreshes.set(refreshId, started);
      d.lastRefreshId = refreshId;
      return { RefreshId: refreshId };
    },
  };
  /** A dashboard as AddTags, RemoveTags and ListTags find it by its ARN (resource-tags.ts). */
  const tagged: FindTagged = async (arn) => {
    await load();
    const dashboard = [...dashboards.values()].find((d) => d.arn === arn);
    if (!dashboard) throw notFound(arn);
    return {
      arn: dashboard.arn,
      tags: dashboard.tags as Tag[],
      async save(tags) {
        const before = dashboard.tags;
        dashboard.tags = tags;
        try {
          await save();
        } catch (error) {
          dashboard.tags = before;
          throw error;
        }
      },
    };
  };

  /** Dashboards' resource-based policies (lake-resource-policies.ts). */
  const policies: PolicyResources = {
    async find(arn) {
      await load();
      const dashboard = [...dashboards.values()].find((d) => d.arn === arn);
      return dashboard && { policy: dashboard.resourcePolicy };
    },
    async setPolicy(arn, policy) {
      const dashboard = [...dashboards.values()].find((d) => d.arn === arn);
      if (!dashboard) return;
      const before = dashboard.resourcePolicy;
      if (policy === undefined) delete dashboard.resourcePolicy;
      else dashboard.resourcePolicy = policy;
      try {
        await save();
      } catch (error) {
        dashboard.resourcePolicy = before;
        throw error;
      }
    },
  };
  // Every operation waits for the dashboards to be loaded.
  const operations: Record<string, Operation> = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (input: Record<string, unknown>, context: CallContext) => {
        await load();
        return handler(input, context);
      },
    ]),
  );
  return { operations, queryOfAlias, policies, tagged };
}
