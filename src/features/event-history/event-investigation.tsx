// On an event's page: who is behind the call (the session's origin and chain) and which detection rules hit
// this event. Both come from Trailview's own routes (api/investigation-queries.ts), which the local server
// and the demo answer; in the aws and endpoint modes, from the events the page loaded itself.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { investigationQueries, investigationSource } from '@/api/investigation-queries';
import { hrefs } from '@/components/hrefs';
import { LevelBadge } from '@/components/level-badge';
import { PivotLink } from '@/components/pivot-link';
import { useFollow } from '@/components/use-follow';
import { useSettings } from '@/components/settings';
import { OUTSIDE_LOGS } from '@/domain/identity-resolution';

export function EventInvestigation({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const { known } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  if (!known) return null;
  return (
    <Container header={<Header variant="h2">Session and detections</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Session', value: <PivotLink kind="session" value={sessionId} /> },
          { label: 'Origin principal', value: <Origin sessionId={sessionId} /> },
          { label: 'Detections', value: <EventHits eventId={eventId} /> },
        ]}
      />
    </Container>
  );
}

function Origin({ sessionId }: { sessionId: string }) {
  const { loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const session = useQuery(investigationQueries.session(sessionId, loadedRegion));
  if (session.isPending) return <Spinner />;
  if (session.isError) return <>-</>;
  const { origin, outsideLogs, resolution } = session.data;
  return (
    <SpaceBetween size="xxs">
      <PivotLink kind="user" value={origin.arn ?? origin.name}>
        {origin.name}
      </PivotLink>
      {(resolution.chain.length > 1 || outsideLogs) && (
        <Box variant="small" color="text-body-secondary">
          {resolution.chain.map((step) => step.principal.name).join(' → ')}
          {outsideLogs ? ` (${OUTSIDE_LOGS})` : ''}
        </Box>
      )}
    </SpaceBetween>
  );
}

function EventHits({ eventId }: { eventId: string }) {
  const follow = useFollow();
  const { loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const report = useQuery(investigationQueries.detections(loadedRegion));
  if (report.isPending) return <Spinner />;
  if (report.isError) return <Alert type="error">{report.error.message}</Alert>;
  const hits = report.data.hits.filter((hit) => hit.eventIds.includes(eventId));
  if (hits.length === 0) return <>No rule hit this event.</>;
  return (
    <SpaceBetween size="xxs">
      {hits.map((hit) => (
        <SpaceBetween key={hit.ruleId} size="xs" direction="horizontal">
          <LevelBadge level={hit.level} />
          <Link href={hrefs.detectionRule(hit.ruleId)} onFollow={follow}>
            {hit.title}
          </Link>
        </SpaceBetween>
      ))}
    </SpaceBetween>
  );
}
