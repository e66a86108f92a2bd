// CloudTrail Lake dashboards: CreateDashboard, GetDashboard, ListDashboards, UpdateDashboard, DeleteDashboard
// and StartDashboardRefresh (CloudTrail API Reference). A dashboard is a list of widgets, each a query
// statement with `?` placeholders filled from its QueryParameters at refresh time; a refresh starts one
// Lake query per widget, which DescribeQuery finds by the widget's QueryAlias and the RefreshId, as in
// Lake. With a persistence (the local backend: the data file's meta table) dashboards are loaded at the
// first call and saved before a change is answered; without one (the demo) they live in memory.
import {
  DASHBOARD_MESSAGES,
  DASHBOARD_NAME_PATTERN,
  MAX_QUERY_PARAMETERS,
  MAX_WIDGETS,
  QUERY_PARAMETER_MAX,
  refreshScheduleError,
  type RefreshSchedule,
} from '@/domain/lake-dashboards';
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
  optionalStringList,
  optionalStructure,
  optionalStructureList,
} from '../input';
import { mergeTags, readTags } from './trail-limits';

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
  refreshSchedule?: RefreshSchedule;
  terminationProtection: boolean;
  tags: Tag[];
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
/** Checks a statement as StartQuery would, without running it (checkLakeStatement of lake-queries.ts). */
export type CheckLakeStatement = (statement: string, context: CallContext) => Promise<void>;

/** The query parameters a custom dashboard's widgets may use (StartDashboardRefresh). */
const PARAMETERS = new Set(['$StartTime$', '$EndTime$', '$Period$']);

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);
const notFound = (id: string) =>
  new ServiceError('ResourceNotFoundException', `Dashboard ${id} does not exist.`);

/** A widget's members as sent: typed by the readers (SerializationException), then checked. */
function readWidget(raw: Record<string, unknown>, alias: string): Widget {
  const statement = optionalString(raw.QueryStatement, 'QueryStatement', invalid);
  if (!statement) throw invalid(DASHBOARD_MESSAGES.statementRequired);
  const parameters = optionalStringList(raw.QueryParameters, 'QueryParameters', invalid);
  if (parameters && parameters.length > MAX_QUERY_PARAMETERS)
    throw invalid(DASHBOARD_MESSAGES.tooManyParameters);
  if (parameters?.some((p) => p.length < 1 || p.length > QUERY_PARAMETER_MAX)) {
    throw invalid(DASHBOARD_MESSAGES.parameterLength);
  }
  const view = optionalStructure(raw.ViewProperties, 'ViewProperties', invalid);
  if (!view) throw invalid(DASHBOARD_MESSAGES.viewPropertiesRequired);
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(view)) {
    const text = optionalString(value, key, invalid);
    if (text !== undefined) properties[key] = text;
  }
  return {
    QueryAlias: alias,
    QueryStatement: statement,
    ...(parameters ? { QueryParameters: parameters } : {}),
    ViewProperties: properties,
  };
}

/** A RefreshSchedule member as sent, typed and then checked against the custom dashboard rules. */
function readRefreshSchedule(value: unknown): RefreshSchedule | undefined {
  const raw = optionalStructure(value, 'RefreshSchedule', invalid);
  if (!raw) return undefined;
  const frequency = optionalStructure(raw.Frequency, 'Frequency', invalid);
  const input = {
    ...(frequency && {
      Frequency: {
        Unit: optionalString(frequency.Unit, 'Unit', invalid),
        Value: optionalInteger(frequency.Value, 'Value', invalid),
      },
    }),
    Status: optionalString(raw.Status, 'Status', invalid),
    TimeOfDay: optionalString(raw.TimeOfDay, 'TimeOfDay', invalid),
  };
  const problem = refreshScheduleError(input);
  if (problem) throw invalid(problem);
  const { Frequency, Status, TimeOfDay } = input as RefreshSchedule;
  return {
    ...(Frequency && { Frequency: { Unit: Frequency.Unit, Value: Frequency.Value } }),
    ...(Status !== undefined && { Status }),
    ...(TimeOfDay !== undefined && { TimeOfDay }),
  };
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

/** The values a refresh binds when none are given: the last day, as the console's default time range. */
const defaultParameterValues = (now: number): Record<string, string> => ({
  $StartTime$: lakeTime(now - 86_400_000),
  $EndTime$: lakeTime(now),
  $Period$: '1h',
});

export function lakeDashboardOperations(
  startQuery: StartLakeQuery,
  checkStatement: CheckLakeStatement,
  persistence?: DashboardPersistence,
) {
  /**
   * The Widgets member: each widget typed, then its statement, with its placeholders bound to the default
   * values, checked as StartQuery checks it (CreateDashboard's InvalidQueryStatementException,
   * EventDataStoreNotFoundException, InactiveEventDataStoreException) without running it.
   */
  const readWidgets = async (value: unknown, name: string, context: CallContext): Promise<Widget[]> => {
    const list = optionalStructureList(value, 'Widgets', invalid) ?? [];
    if (list.length > MAX_WIDGETS) throw invalid(DASHBOARD_MESSAGES.tooManyWidgets);
    const widgets = list.map((raw, index) => readWidget(raw, `${name}-widget-${index + 1}`));
    for (const widget of widgets) {
      await checkStatement(boundStatement(widget, defaultParameterValues(context.now)), context);
    }
    return widgets;
  };

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
      if (!DASHBOARD_NAME_PATTERN.test(name)) throw invalid(DASHBOARD_MESSAGES.name);
      if (dashboards.has(name)) {
        throw new ServiceError('ConflictException', `A dashboard named ${name} already exists.`);
      }
      const refreshSchedule = readRefreshSchedule(input.RefreshSchedule);
      const terminationProtection =
        optionalBoolean(input.TerminationProtectionEnabled, 'TerminationProtectionEnabled', invalid) ?? false;
      // The shared tag rules: InvalidTagParameterException, at most 50 (TagsLimitExceededException).
      const tags = mergeTags([], readTags(input.TagsList));
      const widgets = await readWidgets(input.Widgets, name, context);
      const dashboard: Dashboard = {
        arn: `arn:aws:cloudtrail:${context.region}:${context.accountId}:dashboard/${name}`,
        name,
        widgets,
        ...(refreshSchedule && { refreshSchedule }),
        terminationProtection,
        tags,
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
      // Every member is checked before any is applied: a refused update changes nothing.
      const refreshSchedule = readRefreshSchedule(input.RefreshSchedule);
      const protection = optionalBoolean(
        input.TerminationProtectionEnabled,
        'TerminationProtectionEnabled',
        invalid,
      );
      const d = find(input);
      const widgets =
        input.Widgets === undefined || input.Widgets === null
          ? undefined
          : await readWidgets(input.Widgets, d.name, context);
      if (widgets) d.widgets = widgets;
      if (refreshSchedule) d.refreshSchedule = refreshSchedule;
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
      const values: Record<string, string> = {
        ...defaultParameterValues(context.now),
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
      tags: dashboard.tags,
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
