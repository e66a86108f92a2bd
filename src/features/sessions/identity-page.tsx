// An identity (#/identities/<name or ARN>): every session of the principal, as the origin of a chain or as
// the principal that made the calls, newest first. Sessions whose chain leaves the store say so.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import {
  investigationQueries,
  investigationSource,
  loadMoreEventsMutation,
} from '@/api/investigation-queries';
import { EventTime } from '@/components/event-time';
import { PivotLink } from '@/components/pivot-link';
import { usePagedItems } from '@/components/use-paged-items';
import { ReadProgressBar } from '@/components/read-progress';
import { LoadedEventsNotice } from '@/components/loaded-events-notice';
import { useSettings } from '@/components/settings';
import { OUTSIDE_LOGS } from '@/domain/identity-resolution';
import type { IdentityReport, SessionSummary } from '@/domain/investigation';
import { PageStatus } from './investigation-status';
import { PRINCIPAL_KIND_LABELS, shortSessionId } from './principal-labels';

// Widths that fit a 1280 px window with the navigation open; longer values wrap, times after the day.
const COLUMNS: TableProps.ColumnDefinition<SessionSummary>[] = [
  // At 1280 px these fit the page: an e-mail session name or a role name on one or two lines, times
  // breaking after the day.
  {
    id: 'session',
    header: 'Session',
    width: 140,
    isRowHeader: true,
    cell: (s) => (
      <PivotLink kind="session" value={s.sessionId}>
        {shortSessionId(s.sessionId)}
      </PivotLink>
    ),
  },
  {
    id: 'principal',
    header: 'Principal',
    width: 210,
    cell: (s) => (
      <PivotLink kind="arn" value={s.principal.arn ?? s.principal.name}>
        {s.principal.name}
      </PivotLink>
    ),
  },
  {
    id: 'origin',
    header: 'Origin',
    width: 210,
    cell: (s) =>
      s.outsideLogs ? (
        <StatusIndicator type="warning">{OUTSIDE_LOGS}</StatusIndicator>
      ) : (
        `${s.origin.name} (${PRINCIPAL_KIND_LABELS[s.origin.kind]})`
      ),
  },
  { id: 'first', header: 'First call', width: 120, cell: (s) => <EventTime value={s.firstTime} /> },
  { id: 'last', header: 'Last call', width: 120, cell: (s) => <EventTime value={s.lastTime} /> },
  { id: 'calls', header: 'Calls', width: 70, cell: (s) => s.events },
  {
    id: 'errors',
    header: 'Errors',
    width: 75,
    cell: (s) => (s.errors ? <StatusIndicator type="error">{s.errors}</StatusIndicator> : 0),
  },
];

export function IdentityPage({ identity }: { identity: string }) {
  const { known, loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const query = useQuery({ ...investigationQueries.identity(identity, loadedRegion), enabled: known });
  if (query.isPending) return <PageStatus title={identity} loading />;
  if (query.isError) return <PageStatus title={identity} error={query.error.message} />;
  return <IdentitySessions report={query.data} />;
}

const PAGE_SIZE = 50;

function IdentitySessions({ report }: { report: IdentityReport }) {
  const { pageItems, pagination } = usePagedItems(report.sessions, PAGE_SIZE);
  const outside = report.sessions.filter((s) => s.outsideLogs).length;
  const kinds = [...new Set(report.principals.map((p) => PRINCIPAL_KIND_LABELS[p.kind]))].join(', ');
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={kinds ? `${kinds}: every session it started or made calls in.` : undefined}
        >
          {report.query}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <LoadedEventsNotice loaded={report.loaded} loadMore={loadMoreEventsMutation} />
        <ReadProgressBar
          progress={report.progress}
          what="The sessions found so far are listed; the rest are added as the events are read."
        />
        {outside > 0 && (
          <Alert type="info" header="Some chains leave these logs">
            {outside === 1 ? 'One session was' : `${outside} sessions were`} {OUTSIDE_LOGS}: the call that
            issued their credentials is not in the store.
          </Alert>
        )}
        <Table
          variant="container"
          header={
            <Header variant="h2" counter={`(${report.sessions.length})`}>
              Sessions
            </Header>
          }
          ariaLabels={{ tableLabel: 'Sessions of this identity' }}
          wrapLines
          resizableColumns
          items={pageItems}
          pagination={pagination}
          trackBy="sessionId"
          columnDefinitions={COLUMNS}
          empty={
            <Box textAlign="center" color="inherit">
              <b>No sessions</b>
              <Box variant="p" color="inherit">
                No call in these logs was made by or for {report.query}.
              </Box>
            </Box>
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
