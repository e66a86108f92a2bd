// The Insights list's columns, as data (docs/cloudtrail-facts.md#insights-console). Event IDs are not shown in the table.
import Link from '@cloudscape-design/components/link';
import type { ColumnDef } from '@tanstack/react-table';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import type { InsightSummary } from '@/components/insight-summary';
import { useFollow } from '@/components/use-follow';
import { INSIGHT_TYPE_LABELS } from '@/domain/insights';
import { RateChange } from './rate-change';

function InsightLink({ insight }: { insight: InsightSummary }) {
  const follow = useFollow();
  return (
    <Link href={hrefs.insight(insight.eventId)} onFollow={follow}>
      {insight.eventName}
    </Link>
  );
}

/** Averages keep the record's precision (four significant digits). */
const average = (value: number | undefined) => (value === undefined ? '-' : String(value));

export const INSIGHT_COLUMNS: ColumnDef<InsightSummary>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    meta: { isRowHeader: true },
    cell: ({ row }) => <InsightLink insight={row.original} />,
  },
  { id: 'eventSource', header: 'Event source', cell: ({ row }) => row.original.eventSource },
  {
    id: 'insightType',
    header: 'Insight type',
    cell: ({ row }) => INSIGHT_TYPE_LABELS[row.original.insightType],
  },
  {
    id: 'startTime',
    header: 'Event start time',
    cell: ({ row }) => <EventTime value={row.original.startTime} />,
  },
  {
    id: 'baselineAverage',
    header: 'Baseline average',
    cell: ({ row }) => average(row.original.baselineAverage),
  },
  {
    id: 'insightAverage',
    header: 'Insight average',
    cell: ({ row }) => average(row.original.insightAverage),
  },
  {
    id: 'rateChange',
    header: 'Rate change',
    cell: ({ row }) => (
      <RateChange baseline={row.original.baselineAverage} insight={row.original.insightAverage} />
    ),
  },
];

export const INSIGHTS_PAGE_SIZE = 50;
