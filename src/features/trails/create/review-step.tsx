// Step 3, Review and create: every choice, with Edit to go back to its step (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { TrailFormValues } from '../form/trail-form-values';
import { STEP_TITLES } from '../form/wizard-steps';
import { CloudWatchSummary, GeneralSummary, TagsSummary } from '../summary/attributes-summary';
import {
  DataEventsSummary,
  InsightsSummary,
  ManagementEventsSummary,
  NetworkEventsSummary,
} from '../summary/events-summary';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <Container header={<Header variant="h3">{title}</Header>}>{children}</Container>;
}

export function ReviewStep({
  accountId,
  onEdit,
  status,
}: {
  accountId: string | undefined;
  onEdit: (step: number) => void;
  status: ReactNode;
}) {
  const { control } = useFormContext<TrailFormValues>();
  const values = useWatch({ control }) as TrailFormValues;
  const stepHeader = (step: number) => (
    <Header variant="h2" actions={<Button onClick={() => onEdit(step)}>Edit</Button>}>
      {`Step ${step + 1}: ${STEP_TITLES[step]}`}
    </Header>
  );
  return (
    <SpaceBetween size="l">
      {status}
      <SpaceBetween size="m">
        {stepHeader(0)}
        <Section title="General details">
          <GeneralSummary values={values} accountId={accountId} />
        </Section>
        <Section title="CloudWatch Logs">
          <CloudWatchSummary values={values} />
        </Section>
        <Section title="Tags">
          <TagsSummary tags={values.tags.filter((t) => !t.markedForRemoval)} />
        </Section>
      </SpaceBetween>
      <SpaceBetween size="m">
        {stepHeader(1)}
        <Section title="Management events">
          <ManagementEventsSummary values={values} />
        </Section>
        <Section title="Data events">
          <DataEventsSummary values={values} />
        </Section>
        <Section title="Insights events">
          <InsightsSummary values={values} />
        </Section>
        <Section title="Network activity events">
          <NetworkEventsSummary values={values} />
        </Section>
      </SpaceBetween>
    </SpaceBetween>
  );
}
