// The Dashboard's newest high and critical detection hits (issue 14), with links to the rule, the event
// and the session. Shown only on backends that evaluate rules (local, demo).
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { investigationQueries, investigationSource } from '@/api/investigation-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { LevelBadge } from '@/components/level-badge';
import { PivotLink } from '@/components/pivot-link';
import { RouteLink } from '@/components/route-link';
import { useSettings } from '@/components/settings';
import type { DetectionsReport } from '@/domain/detections/report';
import type { HitEvent, RuleHits } from '@/domain/detections/rule-set';

const SHOWN = 5;

interface Row {
  rule: RuleHits;
  event: HitEvent;
}

/** The newest hits of high and critical rules, one row per (rule, event). */
export function latestSevereHits(report: DetectionsReport, count = SHOWN): Row[] {
  const events = new Map((report.events ?? []).map((e) => [e.eventId, e]));
  const rows: Row[] = [];
  for (const rule of report.hits) {
    if (rule.level !== 'high' && rule.level !== 'critical') continue;
    for (const id of rule.eventIds) {
      const event = events.get(id);
      if (event) rows.push({ rule, event });
    }
  }
  return rows
    .sort((a, b) =>
      a.event.eventTime < b.event.eventTime ? 1 : a.event.eventTime > b.event.eventTime ? -1 : 0,
    )
    .slice(0, count);
}

// Widths that fit a 1280 px window with the navigation open (the last column takes the rest); longer
// values wrap.
const COLUMNS: TableProps.ColumnDefinition<Row>[] = [
  { id: 'level', header: 'Level', width: 80, cell: (row) => <LevelBadge level={row.rule.level} /> },
  {
    id: 'rule',
    header: 'Rule',
    width: 225,
    isRowHeader: true,
    cell: (row) => <RouteLink href={hrefs.detectionRule(row.rule.ruleId)}>{row.rule.title}</RouteLink>,
  },
  {
    id: 'event',
    header: 'Event name',
    width: 175,
    cell: (row) => <RouteLink href={hrefs.event(row.event.eventId)}>{row.event.eventName}</RouteLink>,
  },
  { id: 'time', header: 'Event time', width: 215, cell: (row) => <EventTime value={row.event.eventTime} /> },
  {
    id: 'session',
    header: 'Session',
    cell: (row) => <PivotLink kind="session" value={row.event.sessionId} />,
  },
];

export function RecentDetections() {
  const { known, loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const query = useQuery({ ...investigationQueries.detections(loadedRegion), enabled: known });
  if (!known) return null;
  return (
    <Table
      variant="container"
      header={
        <Header variant="h2" description="The newest hits of high and critical rules.">
          Detections
        </Header>
      }
      ariaLabels={{ tableLabel: 'Latest high and critical detections' }}
      wrapLines
      resizableColumns
      items={query.data ? latestSevereHits(query.data) : []}
      trackBy={(row) => `${row.rule.ruleId}/${row.event.eventId}`}
      columnDefinitions={COLUMNS}
      loading={query.isPending}
      loadingText="Evaluating the rules"
      empty={
        <Box textAlign="center" color="inherit">
          {query.isError ? query.error.message : <b>No high or critical hits</b>}
        </Box>
      }
      footer={
        <Box textAlign="center">
          <RouteLink href={hrefs.detections}>View all detections</RouteLink>
        </Box>
      }
    />
  );
}
