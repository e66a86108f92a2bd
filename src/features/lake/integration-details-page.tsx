// Lake > Integrations > an integration: its general details and latest ingestion (GetChannel), how to send it
// events with the AWS CLI (PutAuditEvents of the CloudTrail Data API), Query events (the query editor on its
// first event data store), Edit (UpdateChannel) and Delete (DeleteChannel).
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { backendQueries } from '@/api/backend';
import { channelQueries } from '@/api/channel-queries';
import { awsEndpoint } from '@/api/clients';
import { lakeQueries } from '@/api/lake-queries';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import { usePublishPageLabel } from '@/components/page-label';
import { useSettings } from '@/components/settings';
import { useFollow } from '@/components/use-follow';
import { DeleteIntegrationModal, EditIntegrationModal } from './integration-modals';
import { DESTINATION_TYPE_LABELS, DestinationStores, IngestionSummary } from './integration-ui';
import { LakeErrorAlert } from './lake-ui';
import { putAuditEventsCommand } from './put-audit-events-command';

export function IntegrationDetailsPage({ channelId }: { channelId: string }) {
  const { settings } = useSettings();
  const follow = useFollow();
  const query = useQuery(channelQueries.detail(settings.region, channelId));
  const stores = useQuery(lakeQueries.stores(settings.region)).data ?? [];
  const [dialog, setDialog] = useState<'edit' | 'delete'>();
  const channel = query.data;
  usePublishPageLabel(channel?.Name);
  const firstStore = channel?.Destinations?.find((d) => d.Type === 'EVENT_DATA_STORE')?.Location;
  const ingestion = channel?.IngestionStatus;
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          channel && (
            <SpaceBetween direction="horizontal" size="xs">
              {firstStore && (
                <Button href={hrefs.lakeQueryOn(firstStore.split('/').pop() ?? '')} onFollow={follow}>
                  Query events
                </Button>
              )}
              <Button onClick={() => setDialog('edit')}>Edit</Button>
              <Button onClick={() => setDialog('delete')}>Delete</Button>
            </SpaceBetween>
          )
        }
      >
        {channel?.Name ?? channelId}
      </Header>
      <LakeErrorAlert error={query.error} />
      {query.isPending && <StatusIndicator type="loading">Loading integration</StatusIndicator>}
      {channel && (
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">General details</Header>}>
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Integration name', value: channel.Name },
                { label: 'Source', value: channel.Source },
                {
                  label: 'Destination type',
                  value:
                    [...new Set((channel.Destinations ?? []).map((d) => d.Type ?? ''))]
                      .map((t) => DESTINATION_TYPE_LABELS[t] ?? t)
                      .join(', ') || '-',
                },
                {
                  label: 'Channel ARN',
                  value: (
                    <CopyToClipboard
                      variant="inline"
                      textToCopy={channel.ChannelArn ?? ''}
                      copyButtonAriaLabel="Copy channel ARN"
                      copySuccessText="Channel ARN copied"
                      copyErrorText="Channel ARN failed to copy"
                    />
                  ),
                },
                {
                  label: 'Event data stores',
                  value: <DestinationStores destinations={channel.Destinations} stores={stores} />,
                },
              ]}
            />
          </Container>
          <Container
            header={
              <Header variant="h2" description="The latest PutAuditEvents calls on this integration.">
                Ingestion status
              </Header>
            }
          >
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Latest ingestion', value: <IngestionSummary status={ingestion} /> },
                {
                  label: 'Latest ingestion attempt',
                  value: <EventTime value={ingestion?.LatestIngestionAttemptTime} />,
                },
                {
                  label: 'Latest attempt event ID',
                  value: ingestion?.LatestIngestionAttemptEventID ?? '-',
                },
                {
                  label: 'Latest successful ingestion',
                  value: <EventTime value={ingestion?.LatestIngestionSuccessTime} />,
                },
                {
                  label: 'Latest successful event ID',
                  value: ingestion?.LatestIngestionSuccessEventID ?? '-',
                },
                { label: 'Latest error code', value: ingestion?.LatestIngestionErrorCode ?? '-' },
              ]}
            />
          </Container>
          {channel.ChannelArn && <HowToSendEvents channelArn={channel.ChannelArn} />}
          {dialog === 'edit' && (
            <EditIntegrationModal
              region={settings.region}
              channel={channel}
              onDismiss={() => setDialog(undefined)}
            />
          )}
          {dialog === 'delete' && (
            <DeleteIntegrationModal
              region={settings.region}
              channel={channel}
              onDismiss={() => setDialog(undefined)}
            />
          )}
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}

/** The CLI command for this channel; Trailview's backends take it at `--endpoint-url <origin>/aws`. */
function HowToSendEvents({ channelArn }: { channelArn: string }) {
  const { settings } = useSettings();
  const mode = useQuery(backendQueries.info()).data?.mode;
  // Computed once per mount: the example event's time.
  const [now] = useState(() => Date.now());
  const toAws = mode === 'aws';
  const command = putAuditEventsCommand({
    channelArn,
    region: settings.region,
    ...(!toAws && { endpointUrl: awsEndpoint().replace(/\/$/, '') }),
    now,
  });
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Send your application's events to this integration with the AWS CLI (up to 100 events, 1 MB, per call)."
          actions={
            <CopyToClipboard
              variant="button"
              textToCopy={command}
              copyButtonText="Copy command"
              copySuccessText="Command copied"
              copyErrorText="Command failed to copy"
            />
          }
        >
          How to send events
        </Header>
      }
    >
      <SpaceBetween size="s">
        <pre
          aria-label="put-audit-events command"
          style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        >
          <Box variant="code">{command}</Box>
        </pre>
        <Box variant="small">
          {toAws
            ? 'The command sends to CloudTrail in your AWS account, with your AWS CLI credentials.'
            : mode === 'demo'
              ? "--endpoint-url sends to Trailview instead of AWS. The demo's API runs inside this browser tab, so the command reaches it only when Trailview runs as a server (npm start); any credentials are accepted."
              : '--endpoint-url sends to this Trailview server instead of AWS; any credentials are accepted.'}
        </Box>
      </SpaceBetween>
    </Container>
  );
}
