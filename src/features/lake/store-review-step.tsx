// Create event data store, step 3: Review and create. Every choice, with Edit to go back to its step, and
// the advanced event selectors the store will be created with.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AdvancedSelectorsTable } from './advanced-selectors-table';
import { storeSelectors, type EventDataStoreFormValues } from './event-data-store-form';
import { PRICING_LABELS } from './pricing';

export const STORE_STEP_TITLES = [
  'Configure event data store',
  'Choose events',
  'Review and create',
] as const;

const enabled = (on: boolean) => (on ? 'Enabled' : 'Disabled');

export function StoreReviewStep({
  region,
  onEdit,
  status,
}: {
  region: string;
  onEdit: (step: number) => void;
  status: ReactNode;
}) {
  const { control } = useFormContext<EventDataStoreFormValues>();
  const values = useWatch({ control }) as EventDataStoreFormValues;
  const tags = values.tags.filter((t) => !t.markedForRemoval);
  const stepHeader = (step: number) => (
    <Header variant="h2" actions={<Button onClick={() => onEdit(step)}>Edit</Button>}>
      {`Step ${step + 1}: ${STORE_STEP_TITLES[step]}`}
    </Header>
  );
  const types = [
    values.management && 'Management events',
    values.data && 'Data events',
    values.network && 'Network activity events',
  ].filter(Boolean);
  return (
    <SpaceBetween size="l">
      {status}
      <SpaceBetween size="m">
        {stepHeader(0)}
        <Container header={<Header variant="h3">General details</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Event data store name', value: values.name },
              { label: 'Pricing option', value: PRICING_LABELS[values.billingMode] },
              { label: 'Retention period', value: `${values.retention} days` },
              { label: 'Termination protection', value: enabled(values.terminationProtection) },
              {
                label: 'Tags',
                value:
                  tags.length === 0
                    ? 'No tags'
                    : tags.map((t) => (t.value ? `${t.key} = ${t.value}` : t.key)).join(', '),
              },
            ]}
          />
        </Container>
      </SpaceBetween>
      <SpaceBetween size="m">
        {stepHeader(1)}
        <Container header={<Header variant="h3">Events</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Event types', value: types.join(', ') || '-' },
              {
                label: 'Regions',
                value: values.currentRegionOnly ? `Only ${region}` : 'All Regions',
              },
              { label: 'Ingest events', value: values.ingest ? 'Yes' : 'No' },
            ]}
          />
        </Container>
        <AdvancedSelectorsTable
          selectors={storeSelectors(values)}
          header={<Header variant="h3">Advanced event selectors</Header>}
          empty="No event types chosen."
        />
        <Box variant="small" color="text-body-secondary">
          The event data store collects events from the moment it is created.
        </Box>
      </SpaceBetween>
    </SpaceBetween>
  );
}
