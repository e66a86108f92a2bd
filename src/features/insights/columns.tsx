// The Insights list's columns, as data (reference §3.1). The full page (averages, rate change) comes later.
import type { ColumnDef } from '@tanstack/react-table';
import { EventTime } from '@/components/event-time';
import type { InsightSummary } from '@/components/insight-summary';
import { INSIGHT_TYPE_LABELS } from '@/domain/insights';

export const INSIGHT_COLUMNS: ColumnDef<InsightSummary>[] = [
  {
    id: 'eventName',
    header: 'Event name',
    meta: { isRowHeader: true },
    cell: ({ row }) => row.original.eventName,
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
];

export const INSIGHTS_PAGE_SIZE = 50;
