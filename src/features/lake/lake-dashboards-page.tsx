// Lake > Dashboards: the account's Lake dashboards (the dashboard API), one created on demand with the
// ready-made widgets, saved queries added as table widgets; Refresh starts a dashboard refresh and each
// widget reads its query's results (DescribeQuery by QueryAlias and RefreshId), drawn with Recharts or as
// a table.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import {
  colorChartsLineGrid,
  colorChartsPaletteCategorical1,
  colorTextBodySecondary,
  fontSizeBodyS,
} from '@cloudscape-design/design-tokens';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  createDashboard,
  lakeDashboardQueries,
  refreshDashboard,
  updateDashboardWidgets,
} from '@/api/lake-dashboard-queries';
import { finishLakeQuery, lakeQueries, storeIdOf } from '@/api/lake-queries';
import { useChartTokens } from '@/components/chart-tokens';
import { useSettings } from '@/components/settings';
import { READY_MADE_WIDGETS, type DashboardWidget } from '@/domain/lake-dashboard-widgets';
import { HIGHLIGHTS_DASHBOARD, widgetOf, widgetRequest, widgetSeries } from './dashboard-widgets';
import { lakeStorage } from './lake-storage';
import { LakeAvailabilityNotice, LakeErrorAlert } from './lake-ui';

export function LakeDashboardsPage() {
  const { settings } = useSettings();
  const region = settings.region;
  const stores = useQuery(lakeQueries.stores(region));
  const store = (stores.data ?? []).find((s) => s.Status !== 'PENDING_DELETION');
  const storeId = store ? storeIdOf(store) : '';
  const dashboards = useQuery(lakeDashboardQueries.list(region));
  const [chosen, setChosen] = useState<string>();
  const dashboard = dashboards.data?.find((d) => d.DashboardArn === chosen) ?? dashboards.data?.[0];
  const [refreshIds, setRefreshIds] = useState<Record<string, string>>({});
  const refreshId = dashboard?.DashboardArn
    ? (refreshIds[dashboard.DashboardArn] ?? dashboard.LastRefreshId)
    : undefined;
  const invalidates = [lakeDashboardQueries.all()];
  const create = useMutation({
    mutationFn: () =>
      createDashboard(
        region,
        HIGHLIGHTS_DASHBOARD,
        READY_MADE_WIDGETS.map((w) => widgetRequest(w, storeId)),
      ),
    meta: { invalidates },
  });
  const addSaved = useMutation({
    mutationFn: (arn: string) =>
      updateDashboardWidgets(region, arn, [
        ...(dashboard?.Widgets ?? []).map(({ QueryStatement, QueryParameters, ViewProperties }) => ({
          QueryStatement,
          QueryParameters,
          ViewProperties,
        })),
        ...lakeStorage
          .saved()
          .map((q) => widgetRequest({ title: q.name, view: 'table', sql: q.sql }, storeId)),
      ]),
    meta: { invalidates },
  });
  const refresh = useMutation({
    mutationFn: (arn: string) => refreshDashboard(region, arn),
    onSuccess: (id, arn) => setRefreshIds((ids) => ({ ...ids, [arn]: id })),
  });
  const widgets = (dashboard?.Widgets ?? []).map(widgetOf);
  const arn = dashboard?.DashboardArn ?? '';
  return (
    <SpaceBetween size="m">
      <Header
        variant="h1"
        description="Widgets are saved queries drawn as charts or tables. Refresh a dashboard to run its queries."
        actions={
          dashboard && (
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                disabled={lakeStorage.saved().length === 0}
                loading={addSaved.isPending}
                onClick={() => addSaved.mutate(arn)}
              >
                Add saved queries
              </Button>
              <Button iconName="refresh" loading={refresh.isPending} onClick={() => refresh.mutate(arn)}>
                Refresh
              </Button>
            </SpaceBetween>
          )
        }
      >
        Dashboards
      </Header>
      <LakeAvailabilityNotice />
      <LakeErrorAlert error={dashboards.error ?? create.error ?? addSaved.error ?? refresh.error} />
      {stores.isSuccess && !store && (
        <Alert type="info">Create an event data store to see its dashboards.</Alert>
      )}
      {dashboards.isSuccess && !dashboard && storeId && (
        <Container header={<Header variant="h2">No dashboards</Header>}>
          <SpaceBetween size="s">
            <Box>
              Create a dashboard with the ready-made widgets (activity over time, top errors, top users,
              console sign-ins by MFA) on the event data store {store?.Name}.
            </Box>
            <Button variant="primary" loading={create.isPending} onClick={() => create.mutate()}>
              Create dashboard
            </Button>
          </SpaceBetween>
        </Container>
      )}
      {dashboards.data && dashboards.data.length > 1 && (
        <FormField label="Dashboard">
          <Select
            selectedOption={{ value: arn, label: dashboard?.DashboardArn?.split('/').pop() }}
            options={dashboards.data.map((d) => ({
              value: d.DashboardArn ?? '',
              label: d.DashboardArn?.split('/').pop(),
            }))}
            onChange={({ detail }) => setChosen(detail.selectedOption.value)}
          />
        </FormField>
      )}
      {dashboard && !refreshId && (
        <Alert type="info">Choose Refresh to run the queries of the dashboard&apos;s widgets.</Alert>
      )}
      {dashboard && (
        <ColumnLayout columns={2}>
          {widgets.map((widget) => (
            <WidgetPanel key={widget.alias} widget={widget} region={region} refreshId={refreshId} />
          ))}
        </ColumnLayout>
      )}
    </SpaceBetween>
  );
}

function WidgetPanel({
  widget,
  region,
  refreshId,
}: {
  widget: DashboardWidget & { alias: string };
  region: string;
  refreshId: string | undefined;
}) {
  const result = useQuery({
    queryKey: [...lakeDashboardQueries.all(), 'widget', { region, alias: widget.alias, refreshId }],
    queryFn: ({ signal }) =>
      finishLakeQuery(region, { QueryAlias: widget.alias, RefreshId: refreshId }, signal),
    enabled: refreshId !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  const data = result.data;
  const series = data ? widgetSeries(data.rows) : [];
  return (
    <Container header={<Header variant="h2">{widget.title}</Header>}>
      <LakeErrorAlert error={result.error} />
      {data?.errorMessage && <Alert type="error">{data.errorMessage}</Alert>}
      {result.isFetching && <Box color="text-status-inactive">Running query…</Box>}
      {data && data.rows.length === 0 && <Box color="text-status-inactive">No results</Box>}
      {data && data.rows.length > 0 && widget.view !== 'table' && (
        <WidgetChart view={widget.view} title={widget.title} series={series} valueName={data.columns[1]} />
      )}
      {data && data.rows.length > 0 && widget.view === 'table' && (
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: widget.title }}
          items={data.rows.slice(0, 20).map((row, key) => ({ row, key }))}
          trackBy="key"
          columnDefinitions={data.columns.map((column, i) => ({
            id: `${i}`,
            header: column,
            cell: (item: { row: string[] }) => item.row[i] ?? '',
            isRowHeader: i === 0,
          }))}
        />
      )}
    </Container>
  );
}

/** Bar labels longer than this end in an ellipsis: a role or error name otherwise ran past the widget's
 *  left edge and was cut (the tooltip keeps the whole label). */
const BAR_LABEL_CHARS = 24;
const barLabel = (label: string) =>
  label.length > BAR_LABEL_CHARS ? `${label.slice(0, BAR_LABEL_CHARS - 1)}…` : label;

/** A widget's chart, in the colours of the visual mode (SVG attributes need the tokens' values). */
function WidgetChart({
  view,
  title,
  series,
  valueName,
}: {
  view: 'line' | 'bar';
  title: string;
  series: ReturnType<typeof widgetSeries>;
  valueName: string | undefined;
}) {
  const colors = useChartTokens({
    grid: colorChartsLineGrid,
    line: colorChartsPaletteCategorical1,
    text: colorTextBodySecondary,
    fontSize: fontSizeBodyS,
  });
  const tick = { fill: colors.text, fontSize: colors.fontSize };
  return (
    <div role="img" aria-label={`${title} chart`} style={{ height: 220 }}>
      <ResponsiveContainer width="100%" height="100%">
        {view === 'line' ? (
          <LineChart data={series} title={`${title} chart`}>
            <CartesianGrid strokeDasharray="3 3" stroke={colors.grid} />
            <XAxis dataKey="label" tick={tick} />
            <YAxis tick={tick} allowDecimals={false} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name={valueName} stroke={colors.line} dot={false} />
          </LineChart>
        ) : (
          <BarChart data={series} layout="vertical" title={`${title} chart`}>
            <CartesianGrid strokeDasharray="3 3" stroke={colors.grid} />
            <XAxis type="number" tick={tick} allowDecimals={false} />
            <YAxis
              type="category"
              dataKey="label"
              width={180}
              interval={0}
              tick={tick}
              tickFormatter={barLabel}
            />
            <Tooltip />
            <Bar dataKey="value" name={valueName} fill={colors.line} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
