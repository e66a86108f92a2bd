// Additional settings: log file validation and SNS notification delivery (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import { snsQueries } from '@/api/sns-queries';
import type { TrailFormValues } from '../form/trail-form-values';
import { ChoiceField, EnabledField, NEW_OR_EXISTING, SuggestField, TextField } from './controls';

export function AdditionalSettings({
  region,
  defaultExpanded,
}: {
  region: string;
  defaultExpanded?: boolean;
}) {
  const { control } = useFormContext<TrailFormValues>();
  const [snsEnabled, snsTopic] = useWatch({ control, name: ['snsEnabled', 'snsTopic'] });
  const topics = useQuery({ ...snsQueries.topics(region), enabled: snsEnabled && snsTopic === 'existing' });
  return (
    <ExpandableSection headerText="Additional settings" defaultExpanded={defaultExpanded}>
      <SpaceBetween size="l">
        <EnabledField
          name="logFileValidation"
          label="Log file validation"
          description="Deliver digest files so you can check that log files were not changed after delivery."
        />
        <EnabledField
          name="snsEnabled"
          label="SNS notification delivery"
          description="Get an SNS notification for every log file delivered."
        />
        {snsEnabled && (
          <SpaceBetween size="l">
            <ChoiceField name="snsTopic" label="Create a new SNS topic" items={NEW_OR_EXISTING()} />
            {snsTopic === 'new' ? (
              <TextField
                name="newSnsTopic"
                label="SNS topic"
                description="CloudTrail creates the topic with a policy that lets it publish."
                constraintText="1-256 characters: letters, numbers, underscores, and hyphens."
              />
            ) : (
              <SuggestField
                name="existingSnsTopic"
                label="SNS topic"
                description="Choose a topic, or enter the ARN of a topic. Its policy must let CloudTrail publish."
                options={(topics.data ?? []).map((arn) => ({ value: arn }))}
                loading={topics.isPending}
                placeholder="Choose a topic"
              />
            )}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
