// Lake dashboards: widgets are saved queries drawn as a chart or a table. The ready-made ones answer the
// questions of the managed dashboards (activity over time, top errors, top users, console sign-ins by MFA);
// a user's saved query becomes a table widget. They are stored as the Lake dashboard API's widgets: the
// statement, and the view and title in ViewProperties.
import type { RequestWidget, Widget } from '@aws-sdk/client-cloudtrail';
import { EDS_PLACEHOLDER } from '@/domain/lake-samples';

export type WidgetView = 'line' | 'bar' | 'table';

const VIEW_PROPERTY: Record<WidgetView, string> = { line: 'LineChart', bar: 'BarChart', table: 'Table' };

export interface DashboardWidget {
  title: string;
  view: WidgetView;
  /** `$EDS_ID$` is replaced by the chosen store's ID. */
  sql: string;
}

export const READY_MADE_WIDGETS: readonly DashboardWidget[] = [
  {
    title: 'Activity over time',
    view: 'line',
    sql: `SELECT date_trunc('day', eventTime) AS day, COUNT(*) AS events
FROM $EDS_ID$
GROUP BY 1
ORDER BY 1`,
  },
  {
    title: 'Top errors',
    view: 'bar',
    sql: `SELECT errorCode, COUNT(*) AS errors
FROM $EDS_ID$
WHERE errorCode IS NOT NULL
GROUP BY errorCode
ORDER BY errors DESC
LIMIT 10`,
  },
  {
    title: 'Top users',
    view: 'bar',
    sql: `SELECT coalesce(userIdentity.userName, userIdentity.sessionContext.sessionIssuer.userName, userIdentity.type) AS user, COUNT(*) AS events
FROM $EDS_ID$
GROUP BY 1
ORDER BY events DESC
LIMIT 10`,
  },
  {
    title: 'Console sign-ins by MFA',
    view: 'table',
    sql: `SELECT element_at(additionalEventData, 'MFAUsed') AS mfaUsed, COUNT(*) AS signIns
FROM $EDS_ID$
WHERE eventName = 'ConsoleLogin'
GROUP BY 1
ORDER BY signIns DESC`,
  },
];

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
