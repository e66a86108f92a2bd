// Step 2, Choose log events (docs/cloudtrail-facts.md#create-trail-and-trail-details): the event types, and a section for each
// type that is chosen.
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFormContext, useWatch } from 'react-hook-form';
import { DataEventsFields } from '../fields/data-events-fields';
import { EventTypeFields } from '../fields/event-type-fields';
import { InsightsFields } from '../fields/insights-fields';
import { ManagementEventsFields } from '../fields/management-events-fields';
import { NetworkEventsFields } from '../fields/network-events-fields';
import { WhatIfPanel } from '../fields/what-if-panel';
import type { TrailFormValues } from '../form/trail-form-values';

/** `region`: the console's Region, where the new trail is created (multi-Region, with global events). */
export function EventsStep({ region }: { region: string }) {
  const { control } = useFormContext<TrailFormValues>();
  const [management, data, insights, network] = useWatch({
    control,
    name: ['management', 'data', 'insights', 'network'],
  });
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Record API activity for individual resources, or for all current and future resources in your account."
          >
            Events
          </Header>
        }
      >
        <EventTypeFields />
      </Container>
      {management && (
        <Container
          header={
            <Header
              variant="h2"
              description="Management events show information about management operations performed on resources in your AWS account."
            >
              Management events
            </Header>
          }
        >
          <ManagementEventsFields />
        </Container>
      )}
      {data && (
        <Container
          header={
            <Header
              variant="h2"
              description="Data events show information about the resource operations performed on or within a resource. Additional charges apply."
            >
              Data events
            </Header>
          }
        >
          <DataEventsFields />
        </Container>
      )}
      {insights && (
        <Container
          header={
            <Header
              variant="h2"
              description="Insights events identify unusual activity, errors, or user behavior in your account. Additional charges apply."
            >
              Insights events
            </Header>
          }
        >
          <InsightsFields />
        </Container>
      )}
      {network && (
        <Container
          header={
            <Header
              variant="h2"
              description="Network activity events show the API calls made through VPC endpoints. Additional charges apply."
            >
              Network activity events
            </Header>
          }
        >
          <NetworkEventsFields />
        </Container>
      )}
      <WhatIfPanel region={region} multiRegion globalServiceEvents />
    </SpaceBetween>
  );
}
