// An event's page (docs/cloudtrail-facts.md#event-history-console): Details, Resources referenced and the
// Event record with Copy, and Trailview's Session and detections panel. Values are rendered as text only:
// event data is untrusted. User names, ARNs, access keys and source IPs are pivot links.
import type { Event } from '@aws-sdk/client-cloudtrail';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { fontFamilyMonospace } from '@cloudscape-design/design-tokens';
import { useQuery } from '@tanstack/react-query';
import { toAwsError } from '@/api/aws-error';
import { eventQueries } from '@/api/event-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { regionName } from '@/components/regions';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';
import { PivotLink } from '@/components/pivot-link';
import { eventFields } from '@/domain/event-fields';
import { sessionIdOf } from '@/domain/identity-session';
import type { UserIdentity } from '@/domain/record';
import { EventInvestigation } from './event-investigation';
import { ResourcesReferenced } from './resources-referenced';

export function EventDetailPage({ eventId }: { eventId: string }) {
  const { settings } = useSettings();
  const query = useQuery(eventQueries.detail(settings.region, eventId));
  const follow = useFollow();

  if (query.isPending) {
    return (
      <ContentLayout header={<Header variant="h1">{eventId}</Header>}>
        <Spinner size="large" />
      </ContentLayout>
    );
  }
  if (query.isError || !query.data) {
    const error = query.error ? toAwsError(query.error) : undefined;
    // An ID that is not an event ID at all (the API refuses it as a lookup value) is simply not found.
    const malformed = error?.name === 'InvalidLookupAttributesException';
    const notFound = !error || malformed;
    return (
      <ContentLayout header={<Header variant="h1">{notFound ? 'Event not found' : eventId}</Header>}>
        <Alert
          type={notFound ? 'info' : 'error'}
          header={notFound ? undefined : error.name}
          action={
            <Link href={hrefs.events} onFollow={follow}>
              Back to Event history
            </Link>
          }
        >
          {malformed
            ? `${eventId} is not an event ID: CloudTrail event IDs look like 8a1e2f3c-1234-4d5e-9f00-123456789abc.`
            : notFound
              ? `No event with ID ${eventId} is in the Event history of ${regionName(settings.region)}. Event history keeps management events for 90 days, per Region.`
              : error.message}
        </Alert>
      </ContentLayout>
    );
  }
  return <EventDetails event={query.data} />;
}

function EventDetails({ event }: { event: Event }) {
  const fields = eventFields(event);
  const pretty = fields.record ? JSON.stringify(fields.record, null, 2) : (event.CloudTrailEvent ?? '');
  const value = (text: string | undefined) => text || '-';
  const identity = fields.record?.userIdentity;
  const sessionId =
    identity && typeof identity === 'object'
      ? sessionIdOf({ userIdentity: identity as UserIdentity })
      : undefined;
  return (
    <ContentLayout header={<Header variant="h1">{event.EventName ?? event.EventId}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Details</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Event time', value: <EventTime value={event.EventTime} /> },
              { label: 'User name', value: <PivotLink kind="user" value={fields.username} /> },
              { label: 'Event name', value: value(fields.eventName) },
              { label: 'Event source', value: value(fields.eventSource) },
              { label: 'AWS access key', value: <PivotLink kind="accessKey" value={fields.accessKeyId} /> },
              { label: 'Source IP address', value: <PivotLink kind="ip" value={fields.sourceIPAddress} /> },
              { label: 'Event ID', value: value(fields.eventId) },
              { label: 'Request ID', value: value(fields.requestID) },
              { label: 'AWS region', value: value(fields.awsRegion) },
              { label: 'Error code', value: value(fields.errorCode) },
              { label: 'Read-only', value: value(fields.readOnly) },
              { label: 'User agent', value: value(fields.userAgent) },
              { label: 'User identity ARN', value: <PivotLink kind="arn" value={fields.userIdentityArn} /> },
            ]}
          />
        </Container>
        {sessionId && <EventInvestigation eventId={fields.eventId} sessionId={sessionId} />}
        <ResourcesReferenced resources={event.Resources ?? []} region={fields.awsRegion} />
        <Container
          header={
            <Header
              variant="h2"
              actions={
                <CopyToClipboard
                  variant="button"
                  textToCopy={pretty}
                  copyButtonText="Copy"
                  copySuccessText="Event record copied"
                  copyErrorText="The event record could not be copied"
                />
              }
            >
              Event record
            </Header>
          }
        >
          <Box variant="div">
            <pre
              aria-label="Event record JSON"
              style={{
                margin: 0,
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                fontFamily: fontFamilyMonospace,
              }}
            >
              {pretty}
            </pre>
          </Box>
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
