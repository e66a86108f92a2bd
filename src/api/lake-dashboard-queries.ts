// CloudTrail Lake dashboards through the Lake dashboard API (ListDashboards, GetDashboard, CreateDashboard,
// UpdateDashboard, StartDashboardRefresh), so the Dashboards page reaches real Lake in aws mode too.
import {
  CreateDashboardCommand,
  GetDashboardCommand,
  ListDashboardsCommand,
  StartDashboardRefreshCommand,
  UpdateDashboardCommand,
  type GetDashboardCommandOutput,
  type RequestWidget,
} from '@aws-sdk/client-cloudtrail';
import { queryOptions } from '@tanstack/react-query';
import { call } from './aws-error';
import { cloudTrailClient } from './clients';
import { lakeQueries } from './lake-queries';

export const lakeDashboardQueries = {
  all: () => [...lakeQueries.all(), 'dashboards'] as const,
  list: (region: string) =>
    queryOptions({
      queryKey: [...lakeDashboardQueries.all(), { region }] as const,
      queryFn: async ({ signal }): Promise<GetDashboardCommandOutput[]> => {
        const client = cloudTrailClient(region);
        const arns: string[] = [];
        let token: string | undefined;
        do {
          const page = await call(() =>
            client.send(new ListDashboardsCommand({ Type: 'CUSTOM', NextToken: token }), {
              abortSignal: signal,
            }),
          );
          arns.push(...(page.Dashboards ?? []).flatMap((d) => (d.DashboardArn ? [d.DashboardArn] : [])));
          token = page.NextToken;
        } while (token);
        return Promise.all(
          arns.map((arn) =>
            call(() => client.send(new GetDashboardCommand({ DashboardId: arn }), { abortSignal: signal })),
          ),
        );
      },
    }),
};

export function createDashboard(region: string, name: string, widgets: RequestWidget[]) {
  return call(() =>
    cloudTrailClient(region).send(new CreateDashboardCommand({ Name: name, Widgets: widgets })),
  );
}

export function updateDashboardWidgets(region: string, dashboardId: string, widgets: RequestWidget[]) {
  return call(() =>
    cloudTrailClient(region).send(new UpdateDashboardCommand({ DashboardId: dashboardId, Widgets: widgets })),
  );
}

/** Starts the widgets' queries; each widget then finds its query by its QueryAlias and the RefreshId. */
export async function refreshDashboard(region: string, dashboardId: string): Promise<string> {
  const { RefreshId } = await call(() =>
    cloudTrailClient(region).send(new StartDashboardRefreshCommand({ DashboardId: dashboardId })),
  );
  return RefreshId ?? '';
}
