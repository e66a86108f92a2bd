// Lake > Dashboards: ready-made widgets and the saved queries, each run through the Lake API on demand
// (Refresh) and drawn with Recharts or as a table.
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
import { useQuery } from '@tanstack/react-query';
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
import { lakeQueries, runLakeQuery, storeIdOf } from '@/api/lake-queries';
import { EDS_PLACEHOLDER } from '@/domain/lake-samples';
import { useChartTokens } from '@/components/chart-tokens';
import { useSettings } from '@/components/settings';
import { READY_MADE_WIDGETS, widgetSeries, type DashboardWidget } from './dashboard-widgets';
import { lakeStorage } from './lake-storage';
import { LakeErrorAlert } from './lake-ui';

export function LakeDashboardsPage() {
  const { settings } = useSettings();
  const stores = useQuery(lakeQueries.stores(settings.region));
  const store = (stores.data ?? []).find((s) => s.Status !== 'PENDING_DELETION');
  const storeId = store ? storeIdOf(store) : '';
  const widgets: DashboardWidget[] = [
    ...READY_MADE_WIDGETS,
    ...lakeStorage.saved().map((q) => ({ title: q.name, view: 'table' as const, sql: q.sql })),
  ];
  return (
    <SpaceBetween size="m">
      <Header
        variant="h1"
        description={store ? `Widgets query the event data store ${store.Name ?? ''}.` : undefined}
      >
        Dashboards
      </Header>
      {stores.isSuccess && !store && (
        <Alert type="info">Create an event data store to see its dashboards.</Alert>
      )}
      {storeId && (
        <ColumnLayout columns={2}>
          {widgets.map((widget) => (
            <Widget key={widget.title} widget={widget} region={settings.region} storeId={storeId} />
          ))}
        </ColumnLayout>
      )}
    </SpaceBetween>
  );
}

function Widget({ widget, region, storeId }: { widget: DashboardWidget; region: string; storeId: string }) {
  const sql = widget.sql.replaceAll(EDS_PLACEHOLDER, storeId);
  const result = useQuery({
    queryKey: ['lake', 'widget', { region, sql }],
    queryFn: ({ signal }) => runLakeQuery(region, sql, signal),
    staleTime: Infinity,
    retry: false,
  });
  const data = result.data;
  const series = data ? widgetSeries(data.rows) : [];
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={
            <Button
              iconName="refresh"
              ariaLabel={`Refresh ${widget.title}`}
              loading={result.isFetching}
              onClick={() => void result.refetch()}
            />
          }
        >
          {widget.title}
        </Header>
      }
    >
      <LakeErrorAlert error={result.error} />
      {data?.errorMessage && <Alert type="error">{data.errorMessage}</Alert>}
      {result.isPending && <Box color="text-status-inactive">Running query…</Box>}
      {data && data.rows.length === 0 && <Box color="text-status-inactive">No results</Box>}
      {data && data.rows.length > 0 && widget.view !== 'table' && (
        <WidgetChart view={widget.view} title={widget.title} series={series} valueName={data.columns[1]} />
      )}
      {data && data.rows.length > 0 && widget.view === 'table' && (
        <Table
          variant="embedded"
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
          <BarChart data={series} layout="vertical" margin={{ left: 40 }} title={`${title} chart`}>
            <CartesianGrid strokeDasharray="3 3" stroke={colors.grid} />
            <XAxis type="number" tick={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={140} tick={tick} />
            <Tooltip />
            <Bar dataKey="value" name={valueName} fill={colors.line} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
