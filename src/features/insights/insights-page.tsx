// Insights: management-event Insights of the Region, newest first, one row per Start/End pair.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getCoreRowModel, getPaginationRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { toAwsError } from '@/api/aws-error';
import { eventQueries } from '@/api/event-queries';
import { DataTable } from '@/components/data-table';
import { summarizeInsights } from '@/components/insight-summary';
import { OpenEndPagination } from '@/components/open-end-pagination';
import { useSettings } from '@/components/settings';
import { INSIGHT_COLUMNS, INSIGHTS_PAGE_SIZE } from './columns';

export function InsightsPage() {
  const { settings } = useSettings();
  return <InsightsTable key={settings.region} region={settings.region} />;
}

function InsightsTable({ region }: { region: string }) {
  const query = useInfiniteQuery(eventQueries.list({ region, insight: true }));
  const insights = useMemo(
    () => summarizeInsights(query.data?.pages.flatMap((page) => page.events) ?? []),
    [query.data],
  );
  const table = useReactTable({
    data: insights,
    columns: INSIGHT_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    getRowId: (insight) => insight.id,
    autoResetPageIndex: false,
    initialState: { pagination: { pageIndex: 0, pageSize: INSIGHTS_PAGE_SIZE } },
  });
  const rows = table.getRowModel().rows;
  const error = query.error ? toAwsError(query.error) : undefined;
  return (
    <SpaceBetween size="m">
      {error && (
        <Alert type="error" header={error.name}>
          {error.message}
        </Alert>
      )}
      <DataTable
        table={table}
        variant="full-page"
        stickyHeader
        loading={query.isPending || (query.isFetchingNextPage && rows.length === 0)}
        loadingText="Loading Insights events"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${insights.length}${query.hasNextPage ? '+' : ''})` : undefined}
            description="Unusual API call rates and error rates that CloudTrail Insights detected in the last 90 days."
          >
            Insights
          </Header>
        }
        pagination={
          <OpenEndPagination
            table={table}
            hasNextPage={query.hasNextPage}
            isFetching={query.isFetching}
            fetchNextPage={query.fetchNextPage}
          />
        }
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <b>No Insights events</b>
            <Box variant="p" color="inherit">
              Insights events are logged only when Insights is enabled on a trail. Enable Insights on a trail
              to detect unusual API call rates and error rates; the first Insights events can take up to 36
              hours to appear.
            </Box>
          </Box>
        }
      />
    </SpaceBetween>
  );
}
