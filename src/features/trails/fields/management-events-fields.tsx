// Management events: API activity Read/Write and the two exclusions (docs/cloudtrail-facts.md#create-trail-and-trail-details).
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFormContext } from 'react-hook-form';
import type { TrailFormValues } from '../form/trail-form-values';
import { CheckboxField } from './controls';

export function ManagementEventsFields() {
  const { getFieldState, formState } = useFormContext<TrailFormValues>();
  return (
    <SpaceBetween size="l">
      <FormField
        label="API activity"
        description="Choose the activities you want to log."
        errorText={getFieldState('read', formState).error?.message}
      >
        <SpaceBetween size="xs">
          <CheckboxField name="read">Read</CheckboxField>
          <CheckboxField name="write">Write</CheckboxField>
        </SpaceBetween>
      </FormField>
      <SpaceBetween size="xs">
        <CheckboxField
          name="excludeKms"
          description="AWS KMS events such as Encrypt, Decrypt and GenerateDataKey are often high-volume."
        >
          Exclude AWS KMS events
        </CheckboxField>
        <CheckboxField name="excludeRdsData">Exclude Amazon RDS Data API events</CheckboxField>
      </SpaceBetween>
    </SpaceBetween>
  );
}
