// Insights: management-event Insights of the Region, newest first, one row per Start/End pair, filtered
// by one lookup attribute and a time range kept in the URL (docs/cloudtrail-facts.md#insights-console).
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { getCoreRowModel, getPaginationRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { insightQueries } from '@/api/insight-queries';
import { DataTable } from '@/components/data-table';
import { summarizeInsights } from '@/components/insight-summary';
import { OpenEndPagination } from '@/components/open-end-pagination';
import { regionName } from '@/components/regions';
import { useSettings } from '@/components/settings';
import type { ExportFormat } from '@/domain/event-export';
import { INSIGHT_COLUMNS, INSIGHTS_PAGE_SIZE } from './columns';
import { InsightsFilter } from './insights-filter';
import { insightsFile } from './insights-export';
import { timeWindow, type InsightsSearch } from './insights-search';
import { saveFile } from '@/components/save-file';

const route = getRouteApi('/insights');

export function InsightsPage() {
  const { settings } = useSettings();
  const search = route.useSearch();
  const navigate = useNavigate();
  const onChange = (next: InsightsSearch) => void navigate({ to: '/insights', search: next, replace: true });
  // A new Region or filter starts again on page 1.
  return (
    <InsightsTable
      key={`${settings.region} ${JSON.stringify(search)}`}
      region={settings.region}
      search={search}
      onSearchChange={onChange}
    />
  );
}

interface InsightsTableProps {
  region: string;
  search: InsightsSearch;
  onSearchChange: (search: InsightsSearch) => void;
}

function InsightsTable({ region, search, onSearchChange }: InsightsTableProps) {
  // A relative range is taken from the moment the filter was set, so the query key stays stable.
  const [range] = useState(() => timeWindow(search, Date.now()));
  const attribute = search.value ? { key: search.attribute ?? 'EventName', value: search.value } : undefined;
  const query = useInfiniteQuery(
    insightQueries.list({ region, ...range, ...(attribute ? { attribute } : {}) }),
  );
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
  const [downloading, setDownloading] = useState(false);
  const rows = table.getRowModel().rows;
  const error = query.error ? toAwsError(query.error) : undefined;
  const filtered = !!attribute || !!range.startTime;

  // The download holds every Insights event of the filter, not only the pages looked at.
  const download = async (format: ExportFormat) => {
    setDownloading(true);
    try {
      let { data, hasNextPage } = query;
      while (hasNextPage) {
        const result = await query.fetchNextPage();
        // A failed page shows in the page's error alert; nothing is downloaded.
        if (result.isError) return;
        ({ data, hasNextPage } = result);
      }
      const all = summarizeInsights(data?.pages.flatMap((page) => page.events) ?? []);
      const file = insightsFile(format, all);
      saveFile(new Blob([file.text], { type: file.type }), file.name);
    } finally {
      setDownloading(false);
    }
  };

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
        wrapLines
        loading={query.isPending || (query.isFetchingNextPage && rows.length === 0)}
        loadingText="Loading Insights events"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? `(${insights.length}${query.hasNextPage ? '+' : ''})` : undefined}
            description={`Unusual API call rates and error rates that CloudTrail Insights detected in the last 90 days in ${regionName(region)}.`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh Insights events"
                  loading={query.isRefetching}
                  onClick={() => {
                    table.setPageIndex(0);
                    void query.refetch();
                  }}
                />
                <ButtonDropdown
                  loading={downloading}
                  disabled={insights.length === 0}
                  items={[
                    { id: 'csv', text: 'Download as CSV' },
                    { id: 'json', text: 'Download as JSON' },
                  ]}
                  onItemClick={({ detail }) => void download(detail.id === 'csv' ? 'csv' : 'json')}
                >
                  Download events
                </ButtonDropdown>
              </SpaceBetween>
            }
          >
            Insights
          </Header>
        }
        filter={<InsightsFilter search={search} onChange={onSearchChange} />}
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
              {filtered
                ? 'No Insights events match the filter. Change the lookup value or the time range.'
                : 'Insights events are logged only when Insights is enabled on a trail. Enable Insights on a trail to detect unusual API call rates and error rates; the first Insights events can take up to 36 hours to appear.'}
            </Box>
          </Box>
        }
      />
    </SpaceBetween>
  );
}
