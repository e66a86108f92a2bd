// One rule's view (#/detections/<rule id>): what the rule looks for, and every event it hit with the caller
// and the session, with "View hits in Event history". Event data is rendered as text.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { backendQueries } from '@/api/backend';
import { investigationQueries, investigationSource } from '@/api/investigation-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { LevelBadge } from '@/components/level-badge';
import { PivotLink } from '@/components/pivot-link';
import { RouteLink } from '@/components/route-link';
import { useSettings } from '@/components/settings';
import { hitsInEventHistory, ruleHitEvents, ruleOf } from './detection-views';
import { ViewHitsButton } from './view-hits-button';

export function DetectionRulePage({ ruleId }: { ruleId: string }) {
  const { known, loadedRegion } = investigationSource(
    useQuery(backendQueries.info()).data?.mode,
    useSettings().settings.region,
  );
  const query = useQuery({ ...investigationQueries.detections(loadedRegion), enabled: known });
  if (query.isPending)
    return (
      <ContentLayout header={<Header variant="h1">{ruleId}</Header>}>
        <Spinner size="large" />
      </ContentLayout>
    );
  if (query.isError)
    return (
      <ContentLayout header={<Header variant="h1">{ruleId}</Header>}>
        <Alert type="error" header="The rules could not be evaluated">
          {query.error.message}
        </Alert>
      </ContentLayout>
    );
  const rule = ruleOf(query.data, ruleId);
  const hit = query.data.hits.find((h) => h.ruleId === ruleId);
  const events = ruleHitEvents(query.data, ruleId);
  const target = hitsInEventHistory(events);
  if (!rule && !hit)
    return (
      <ContentLayout header={<Header variant="h1">{ruleId}</Header>}>
        <Alert type="error" header="Rule not found">
          No rule with ID {ruleId} was evaluated. Rules come from the rule pack and the server&apos;s --rules
          folders.
        </Alert>
      </ContentLayout>
    );
  const title = rule?.title ?? hit?.title ?? ruleId;
  const level = rule?.level ?? hit!.level;
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={rule?.description} actions={<ViewHitsButton events={events} />}>
          {title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Rule</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Level', value: <LevelBadge level={level} /> },
              { label: 'Tags', value: (rule?.tags ?? hit?.tags ?? []).join(', ') || '-' },
              { label: 'Rule ID', value: ruleId },
              { label: 'File', value: rule?.file ?? '-' },
            ]}
          />
        </Container>
        {target && (target.regions > 1 || target.truncated) && (
          <Alert type="info">
            Event history shows one Region at a time
            {target.truncated ? ' and Refine takes at most 50 event IDs' : ''}: View hits in Event history
            opens the {target.truncated ? 'newest 50 hits' : 'hits'} in {target.region}.
          </Alert>
        )}
        <Table
          variant="container"
          header={
            <Header variant="h2" counter={`(${events.length})`}>
              Hits
            </Header>
          }
          ariaLabels={{ tableLabel: 'Events this rule hit' }}
          items={events}
          trackBy="eventId"
          wrapLines
          columnDefinitions={[
            {
              id: 'eventName',
              header: 'Event name',
              isRowHeader: true,
              cell: (e) => <RouteLink href={hrefs.event(e.eventId)}>{e.eventName}</RouteLink>,
            },
            { id: 'eventTime', header: 'Event time', cell: (e) => <EventTime value={e.eventTime} /> },
            { id: 'awsRegion', header: 'AWS region', cell: (e) => e.awsRegion },
            {
              id: 'caller',
              header: 'User identity ARN',
              cell: (e) => <PivotLink kind="arn" value={e.caller} />,
            },
            {
              id: 'session',
              header: 'Session',
              cell: (e) => <PivotLink kind="session" value={e.sessionId} />,
            },
          ]}
          empty={
            <Box textAlign="center" color="inherit">
              <b>No hits</b>
              <Box variant="p" color="inherit">
                This rule hit no event in the store.
              </Box>
            </Box>
          }
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
