// On an event's page: who is behind the call (the session's origin and chain) and which detection rules hit
// this event. Both come from Trailview's own routes (api/investigation-queries.ts), which the local server
// and the demo answer; the aws and endpoint backends have no store to read, so the panel says so.
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
import { hasInvestigations, investigationQueries } from '@/api/investigation-queries';
import { hrefs } from '@/components/hrefs';
import { LevelBadge } from '@/components/level-badge';
import { PivotLink } from '@/components/pivot-link';
import { useFollow } from '@/components/use-follow';
import { OUTSIDE_LOGS } from '@/domain/identity-resolution';

export function EventInvestigation({ eventId, sessionId }: { eventId: string; sessionId: string }) {
  const mode = useQuery(backendQueries.info()).data?.mode;
  if (!mode) return null;
  if (!hasInvestigations(mode))
    return (
      <Container header={<Header variant="h2">Session and detections</Header>}>
        <Box color="text-body-secondary">
          Sessions and detections read Trailview&apos;s own store: they need the local or demo backend.
        </Box>
      </Container>
    );
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
  const session = useQuery(investigationQueries.session(sessionId));
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
  const report = useQuery(investigationQueries.detections());
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
