// An Insights event's page (docs/cloudtrail-facts.md#insights-console): Additional information, then the Insights graph,
// Attributions, CloudTrail events and Insights event record tabs. Opened by either the Start or the End
// event's ID; both records are looked up.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { fontFamilyMonospace } from '@cloudscape-design/design-tokens';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { insightQueries } from '@/api/insight-queries';
import { usePublishPageLabel } from '@/components/page-label';
import { summarizeInsights, type InsightSummary } from '@/components/insight-summary';
import { regionName } from '@/components/regions';
import { useSettings } from '@/components/settings';
import { AttributionsTab } from './attributions-tab';
import { InsightDetails } from './insight-details';
import { InsightEventsTab } from './insight-events-tab';
import { InsightGraphTab } from './insight-graph-tab';
import { insightSpan } from './insight-span';

export function InsightEventPage({ eventId }: { eventId: string }) {
  const { settings } = useSettings();
  const query = useQuery(insightQueries.detail(settings.region, eventId));
  const insight = useMemo(() => summarizeInsights(query.data ?? [])[0], [query.data]);
  usePublishPageLabel(insight?.eventName);

  if (query.isPending) {
    return (
      <ContentLayout header={<Header variant="h1">{eventId}</Header>}>
        <Spinner size="large" />
      </ContentLayout>
    );
  }
  if (!insight) {
    const error = query.error ? toAwsError(query.error) : undefined;
    return (
      <ContentLayout header={<Header variant="h1">{eventId}</Header>}>
        <Alert type="error" header={error?.name ?? 'Insights event not found'}>
          {error?.message ??
            `No Insights event with ID ${eventId} is in ${regionName(settings.region)}. Insights events are kept for 90 days, per Region.`}
        </Alert>
      </ContentLayout>
    );
  }
  return <InsightEvent key={insight.id} insight={insight} region={settings.region} />;
}

function InsightEvent({ insight, region }: { insight: InsightSummary; region: string }) {
  const [activeTab, setActiveTab] = useState('graph');
  const [now] = useState(() => Date.now());
  const span = insightSpan(insight, now);
  const record = JSON.stringify(insight.records.length === 1 ? insight.records[0] : insight.records, null, 2);
  return (
    <ContentLayout header={<Header variant="h1">{insight.eventName}</Header>}>
      <SpaceBetween size="l">
        <InsightDetails insight={insight} onTrigger={() => setActiveTab('events')} />
        <Container>
          <Tabs
            activeTabId={activeTab}
            onChange={({ detail }) => setActiveTab(detail.activeTabId)}
            ariaLabel="Insights event"
            tabs={[
              {
                id: 'graph',
                label: 'Insights graph',
                content: <InsightGraphTab insight={insight} region={region} />,
              },
              { id: 'attributions', label: 'Attributions', content: <AttributionsTab insight={insight} /> },
              {
                id: 'events',
                label: 'CloudTrail events',
                content: <InsightEventsTab insight={insight} span={span} region={region} />,
              },
              {
                id: 'record',
                label: 'Insights event record',
                content: (
                  <SpaceBetween size="s">
                    <Box float="right">
                      <CopyToClipboard
                        variant="button"
                        textToCopy={record}
                        copyButtonText="Copy"
                        copySuccessText="Insights event record copied"
                        copyErrorText="The Insights event record could not be copied"
                      />
                    </Box>
                    <pre
                      aria-label="Insights event record"
                      style={{
                        margin: 0,
                        whiteSpace: 'pre-wrap',
                        wordBreak: 'break-word',
                        fontFamily: fontFamilyMonospace,
                      }}
                    >
                      {record}
                    </pre>
                  </SpaceBetween>
                ),
              },
            ]}
          />
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
