// The ready-made Lake dashboard widgets: saved queries that answer the questions of Lake's managed
// dashboards (activity over time, top errors, top users, console sign-ins by MFA), each drawn as a chart or
// a table. The console creates a dashboard of them; the engines' parity test runs their statements.
export type WidgetView = 'line' | 'bar' | 'table';

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
