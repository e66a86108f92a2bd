// Events → Event type (docs/cloudtrail-facts.md#create-trail-and-trail-details): management events on by default.
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFormContext } from 'react-hook-form';
import type { TrailFormValues } from '../form/trail-form-values';
import { CheckboxField } from './controls';

export function EventTypeFields() {
  const { getFieldState, formState } = useFormContext<TrailFormValues>();
  return (
    <FormField
      label="Event type"
      description="Choose the types of events that you want to log."
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
          name="insights"
          description="Identify unusual activity, errors, or user behavior in your account."
        >
          Insights events
        </CheckboxField>
        <CheckboxField
          name="network"
          description="Log the network activity of VPC endpoints: API calls made through them to AWS services."
        >
          Network activity events
        </CheckboxField>
      </SpaceBetween>
    </FormField>
  );
}
