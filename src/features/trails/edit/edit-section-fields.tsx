// The fields of each edit flow: the same components as the Create trail wizard, one part at a time.
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFormContext, useWatch } from 'react-hook-form';
import { AdditionalSettings } from '../fields/additional-settings';
import { CloudWatchFields } from '../fields/cloudwatch-fields';
import { CheckboxField, TextField } from '../fields/controls';
import { DataEventsFields } from '../fields/data-events-fields';
import { InsightsFields } from '../fields/insights-fields';
import { ManagementEventsFields } from '../fields/management-events-fields';
import { NetworkEventsFields } from '../fields/network-events-fields';
import { StorageFields } from '../fields/storage-fields';
import { TagsFields } from '../fields/tags-fields';
import type { TrailFormValues } from '../form/trail-form-values';
import { EDIT_SECTION_TITLES, type EditSection } from './edit-sections';

function Toggled({ name, label }: { name: 'data' | 'insights' | 'network'; label: string }) {
  const { control } = useFormContext<TrailFormValues>();
  const on = useWatch({ control, name });
  return (
    <SpaceBetween size="l">
      <CheckboxField name={name}>{label}</CheckboxField>
      {on && name === 'data' && <DataEventsFields />}
      {on && name === 'insights' && <InsightsFields />}
      {on && name === 'network' && <NetworkEventsFields />}
    </SpaceBetween>
  );
}

export function EditSectionFields({
  section,
  region,
  accountId,
}: {
  section: EditSection;
  region: string;
  accountId: string | undefined;
}) {
  const body = {
    general: (
      <SpaceBetween size="l">
        <TextField
          name="name"
          label="Trail name"
          disabled
          constraintText="You cannot change the name of a trail."
        />
        <StorageFields region={region} accountId={accountId} />
        <AdditionalSettings region={region} defaultExpanded />
      </SpaceBetween>
    ),
    cloudwatch: <CloudWatchFields region={region} accountId={accountId} />,
    tags: <TagsFields />,
    management: <ManagementEventsFields />,
    data: <Toggled name="data" label="Data events" />,
    insights: <Toggled name="insights" label="Insights events" />,
    network: <Toggled name="network" label="Network activity events" />,
  }[section];
  return <Container header={<Header variant="h2">{EDIT_SECTION_TITLES[section]}</Header>}>{body}</Container>;
}
