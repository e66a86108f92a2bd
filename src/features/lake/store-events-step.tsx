// Create event data store, step 2: Choose events (query-event-data-store-cloudtrail.html). CloudTrail
// events only: management events (Read/Write and the two exclusions), data events and network activity
// events with advanced event selectors, and the Additional settings. Insights, AWS Config configuration
// items and events from integrations are not offered (docs/lake.md says why).
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { Controller, useFormContext, useWatch, type FieldPathByValue } from 'react-hook-form';
// The trail wizard's selector editors, bound by field name: this form has the trail form's event fields.
import { CheckboxField } from '@/features/trails/fields/controls';
import { DataEventsFields } from '@/features/trails/fields/data-events-fields';
import { ManagementEventsFields } from '@/features/trails/fields/management-events-fields';
import { NetworkEventsFields } from '@/features/trails/fields/network-events-fields';
import type { EventDataStoreFormValues } from './event-data-store-form';

export function StoreEventsStep({ region }: { region: string }) {
  const { control, getFieldState, formState } = useFormContext<EventDataStoreFormValues>();
  const [management, data, network] = useWatch({ control, name: ['management', 'data', 'network'] });
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header variant="h2" description="Choose the types of events that the event data store collects.">
            Events
          </Header>
        }
      >
        <FormField
          label="CloudTrail events"
          errorText={getFieldState('management', formState).error?.message}
        >
          <SpaceBetween size="xs">
            <CheckboxField
              name="management"
              description="Capture management operations performed on your AWS resources."
            >
              Management events
            </CheckboxField>
            <CheckboxField
              name="data"
              description="Log the resource operations performed on or within a resource."
            >
              Data events
            </CheckboxField>
            <CheckboxField
              name="network"
              description="Log the network activity of VPC endpoints: API calls made through them to AWS services."
            >
              Network activity events
            </CheckboxField>
          </SpaceBetween>
        </FormField>
      </Container>
      {management && (
        <Section
          title="Management events"
          description="Management events show information about management operations performed on resources in your AWS account."
        >
          <ManagementEventsFields />
        </Section>
      )}
      {data && (
        <Section
          title="Data events"
          description="Data events show information about the resource operations performed on or within a resource. Additional charges apply."
        >
          <DataEventsFields />
        </Section>
      )}
      {network && (
        <Section
          title="Network activity events"
          description="Network activity events show the API calls made through VPC endpoints. Additional charges apply."
        >
          <NetworkEventsFields />
        </Section>
      )}
      <Section title="Additional settings">
        <SpaceBetween size="s">
          <Toggle
            name="currentRegionOnly"
            description={`Collect only the events of ${region}. Otherwise the event data store collects events from all Regions.`}
          >
            Include only the current region in my event data store
          </Toggle>
          <Toggle
            name="ingest"
            description="Start collecting events as soon as the event data store is created. Clear it to create the store with ingestion stopped."
          >
            Ingest events
          </Toggle>
        </SpaceBetween>
      </Section>
    </SpaceBetween>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Container
      header={
        <Header variant="h2" description={description}>
          {title}
        </Header>
      }
    >
      {children}
    </Container>
  );
}

function Toggle({
  name,
  description,
  children,
}: {
  name: FieldPathByValue<EventDataStoreFormValues, boolean>;
  description: string;
  children: ReactNode;
}) {
  const { control } = useFormContext<EventDataStoreFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          ref={field.ref}
          checked={field.value}
          description={description}
          onChange={({ detail }) => field.onChange(detail.checked)}
        >
          {children}
        </Checkbox>
      )}
    />
  );
}
