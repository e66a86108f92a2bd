import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { toAwsError } from '@/api/aws-error';
import { insightQueries } from '@/api/insight-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { summarizeInsights, type InsightSummary } from '@/components/insight-summary';
import { useFollow } from '@/components/use-follow';
import { INSIGHT_TYPE_LABELS } from '@/domain/insights';

/** "You can also view the five most recent Insights events from the Dashboard" (docs/cloudtrail-facts.md#insights-console). */
const RECENT_COUNT = 5;

function InsightLink({ insight }: { insight: InsightSummary }) {
  const follow = useFollow();
  return (
    <Link href={hrefs.insight(insight.eventId)} onFollow={follow}>
      {insight.eventName}
    </Link>
  );
}

const COLUMNS: TableProps.ColumnDefinition<InsightSummary>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    isRowHeader: true,
    cell: (insight) => <InsightLink insight={insight} />,
  },
  { id: 'insightType', header: 'Insight type', cell: (insight) => INSIGHT_TYPE_LABELS[insight.insightType] },
  { id: 'startTime', header: 'Event start time', cell: (insight) => <EventTime value={insight.startTime} /> },
];

export function RecentInsights({ region }: { region: string }) {
  const follow = useFollow();
  const query = useInfiniteQuery(insightQueries.list({ region }));
  const insights = useMemo(
    () => summarizeInsights(query.data?.pages.flatMap((page) => page.events) ?? []).slice(0, RECENT_COUNT),
    [query.data],
  );
  const error = query.error ? toAwsError(query.error) : undefined;
  return (
    <Table
      variant="container"
      header={<Header variant="h2">Insights</Header>}
      items={insights}
      trackBy="id"
      columnDefinitions={COLUMNS}
      loading={query.isPending}
      loadingText="Loading Insights events"
      empty={
        error ? (
          <Alert type="error" header={error.name}>
            {error.message}
          </Alert>
        ) : (
          <Box textAlign="center" color="inherit">
            <b>No Insights events</b>
            <Box variant="p" color="inherit">
              Insights events appear here when Insights is enabled on a trail and CloudTrail detects unusual
              activity.
            </Box>
          </Box>
        )
      }
      footer={
        <Box textAlign="center">
          <Link href={hrefs.insights} onFollow={follow}>
            View all Insights
          </Link>
        </Box>
      }
    />
  );
}
