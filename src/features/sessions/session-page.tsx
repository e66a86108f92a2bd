// A session (#/sessions/<id>): who is behind it (origin and chain), what it did over time (histogram and
// timeline, errors marked), and the services, Regions, source IPs and user agents it used. Event data is
// rendered as text.
import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import {
  investigationQueries,
  investigationSource,
  loadMoreEventsMutation,
} from '@/api/investigation-queries';
import { EventTime } from '@/components/event-time';
import { PivotLink } from '@/components/pivot-link';
import { ReadProgressBar } from '@/components/read-progress';
import { LoadedEventsNotice } from '@/components/loaded-events-notice';
import { useSettings } from '@/components/settings';
import { OUTSIDE_LOGS } from '@/domain/identity-resolution';
import type { SessionReport } from '@/domain/investigation';
import { PageStatus } from './investigation-status';
import { PRINCIPAL_KIND_LABELS, shortSessionId } from './principal-labels';
import { SessionChain } from './session-chain';
import { SessionEventsTable } from './session-events-table';
import { SessionTimelineChart } from './session-timeline-chart';
import { timelineSeries } from './timeline-series';
import { ValueCounts } from './value-counts';

export function SessionPage({ sessionId }: { sessionId: string }) {
  const { known, loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const query = useQuery({ ...investigationQueries.session(sessionId, loadedRegion), enabled: known });
  const title = `Session ${shortSessionId(sessionId)}`;
  if (query.isPending) return <PageStatus title={title} loading />;
  if (query.isError) return <PageStatus title={title} error={query.error.message} />;
  return <SessionDetails session={query.data} title={title} />;
}

function SessionDetails({ session, title }: { session: SessionReport; title: string }) {
  const { origin, principal } = session;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={session.identityArn ?? principal.name}>
          {title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <LoadedEventsNotice loaded={session.loaded} loadMore={loadMoreEventsMutation} />
        <ReadProgressBar
          progress={session.progress}
          what="This is the session so far: its calls and its chain are completed as the events are read."
        />
        {session.outsideLogs && !session.progress && (
          <Alert type="warning" header="The chain leaves these logs">
            This session&apos;s credentials were {OUTSIDE_LOGS}: the call that issued them is not in the
            store.
            {session.resolution.sourceIdentity
              ? ` Its source identity is ${session.resolution.sourceIdentity}.`
              : ''}
          </Alert>
        )}
        <Container header={<Header variant="h2">Origin</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              {
                label: 'Origin principal',
                value: (
                  <PivotLink kind="arn" value={origin.arn ?? origin.name}>
                    {origin.name}
                  </PivotLink>
                ),
              },
              { label: 'Origin type', value: PRINCIPAL_KIND_LABELS[origin.kind] },
              {
                label: 'Principal',
                value: (
                  <PivotLink kind="arn" value={principal.arn ?? principal.name}>
                    {principal.name}
                  </PivotLink>
                ),
              },
              { label: 'Session ID', value: session.sessionId },
              { label: 'First call', value: <EventTime value={session.firstTime} /> },
              { label: 'Last call', value: <EventTime value={session.lastTime} /> },
              { label: 'Calls', value: session.events },
              { label: 'Errors', value: session.errors },
            ]}
          />
        </Container>
        <Container header={<Header variant="h2">Credential chain</Header>}>
          <SessionChain resolution={session.resolution} />
        </Container>
        <Container header={<Header variant="h2">Calls over time</Header>}>
          <SessionTimelineChart buckets={timelineSeries(session.timeline)} />
        </Container>
        <SessionEventsTable events={session.timeline} total={session.events} />
        <Grid
          gridDefinition={[
            { colspan: { default: 12, m: 6 } },
            { colspan: { default: 12, m: 6 } },
            { colspan: { default: 12, m: 6 } },
            { colspan: { default: 12, m: 6 } },
          ]}
        >
          <ValueCounts title="Services" column="Event source" values={session.services} />
          <ValueCounts title="Regions" column="AWS region" values={session.regions} />
          <ValueCounts title="Source IP addresses" column="Source IP address" values={session.sourceIPs} ip />
          <ValueCounts title="User agents" column="User agent" values={session.userAgents} />
        </Grid>
      </SpaceBetween>
    </ContentLayout>
  );
}
