// "Additional information" of an Insights event (docs/cloudtrail-facts.md#insights-console).
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import { EventTime } from '@/components/event-time';
import { hrefs } from '@/components/hrefs';
import type { InsightSummary } from '@/components/insight-summary';
import { useFollow } from '@/components/use-follow';
import { INSIGHT_RATE_LABELS, INSIGHT_TYPE_LABELS } from '@/domain/insights';

const text = (value: string | number | undefined) =>
  value === undefined || value === '' ? '-' : String(value);

/** The Insights list filtered to one event source (the Event source link, §3.2). */
const sourceHref = (eventSource: string) =>
  `${hrefs.insights}?attribute=EventSource&value=${encodeURIComponent(eventSource)}`;

export function InsightDetails({ insight, onTrigger }: { insight: InsightSummary; onTrigger: () => void }) {
  const follow = useFollow();
  const items: KeyValuePairsProps.Item[] = [
    { label: 'Insight type', value: INSIGHT_TYPE_LABELS[insight.insightType] },
    {
      label: 'Trigger',
      value: (
        <Link onFollow={onTrigger} ariaLabel="Trigger: view the CloudTrail events">
          {insight.eventName}
          {insight.errorCode ? ` (${insight.errorCode})` : ''}
        </Link>
      ),
    },
    {
      type: 'group',
      title: INSIGHT_RATE_LABELS[insight.insightType],
      items: [
        { label: 'Baseline average', value: text(insight.baselineAverage) },
        { label: 'Insights average', value: text(insight.insightAverage) },
      ],
    },
    {
      label: 'Event source',
      value: (
        <Link href={sourceHref(insight.eventSource)} onFollow={follow}>
          {insight.eventSource}
        </Link>
      ),
    },
    { label: 'Event start time', value: <EventTime value={insight.startTime} /> },
    { label: 'Event end time', value: <EventTime value={insight.endTime} /> },
    { label: 'Start event ID', value: text(insight.startEventId) },
    { label: 'End event ID', value: text(insight.endEventId) },
    { label: 'Shared event ID', value: text(insight.id) },
  ];
  if (insight.errorCode) items.splice(2, 0, { label: 'Error code', value: insight.errorCode });
  return (
    <Container header={<Header variant="h2">Additional information</Header>}>
      <KeyValuePairs columns={3} items={items} />
    </Container>
  );
}
