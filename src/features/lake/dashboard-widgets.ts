// Lake dashboard widgets in the console: the ready-made ones (domain/lake-dashboard-widgets.ts) and saved
// queries (as table widgets) stored as the Lake dashboard API's widgets, the statement with the view and
// title in ViewProperties, and a widget's result as chart points.
import type { RequestWidget, Widget } from '@aws-sdk/client-cloudtrail';
import { type DashboardWidget, type WidgetView } from '@/domain/lake-dashboard-widgets';
import { EDS_PLACEHOLDER } from '@/domain/lake-samples';

const VIEW_PROPERTY: Record<WidgetView, string> = { line: 'LineChart', bar: 'BarChart', table: 'Table' };

/** Chart points from a two-column result: the first column labels, the second a number. */
export function widgetSeries(rows: readonly (readonly string[])[]) {
  return rows.map((row) => ({
    label: (row[0] ?? '').replace(/ 00:00:00\.000$/, ''),
    value: Number(row[1] ?? 0),
  }));
}

/** A widget as CreateDashboard and UpdateDashboard take it, for the store `storeId`. */
export function widgetRequest(widget: DashboardWidget, storeId: string): RequestWidget {
  return {
    QueryStatement: widget.sql.replaceAll(EDS_PLACEHOLDER, storeId),
    ViewProperties: { View: VIEW_PROPERTY[widget.view], Title: widget.title },
  };
}

/** A dashboard's widget as the page draws it. */
export function widgetOf(widget: Widget): DashboardWidget & { alias: string } {
  const view = (Object.keys(VIEW_PROPERTY) as WidgetView[]).find(
    (v) => VIEW_PROPERTY[v] === widget.ViewProperties?.View,
  );
  return {
    alias: widget.QueryAlias ?? '',
    title: widget.ViewProperties?.Title ?? widget.QueryAlias ?? '',
    view: view ?? 'table',
    sql: widget.QueryStatement ?? '',
  };
}

/** The name of the dashboard the page creates with the ready-made widgets. */
export const HIGHLIGHTS_DASHBOARD = 'Trailview-Highlights';
