// Insights events: API call rate and API error rate, on management and/or data events (docs/cloudtrail-facts.md#event-history-and-lookupevents).
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller, useFormContext } from 'react-hook-form';
import type { InsightEventCategory } from '@/domain/event-selectors';
import { INSIGHT_TYPE_OPTIONS } from '../form/selector-options';
import type { TrailFormValues } from '../form/trail-form-values';
import { CheckboxField } from './controls';

const CATEGORIES: Array<{ value: InsightEventCategory; label: string }> = [
  { value: 'Management', label: 'Management events' },
  { value: 'Data', label: 'Data events' },
];

export function InsightsFields() {
  const { control, getFieldState, formState } = useFormContext<TrailFormValues>();
  const error =
    getFieldState('apiCallRate', formState).error?.message ??
    getFieldState('apiErrorRate', formState).error?.message;
  return (
    <SpaceBetween size="l">
      <FormField
        label="Choose Insights types"
        description="CloudTrail may take up to 36 hours to begin delivering Insights events."
        errorText={error}
      >
        <SpaceBetween size="xs">
          {INSIGHT_TYPE_OPTIONS.map((option) => (
            <CheckboxField key={option.field} name={option.field}>
              {option.label}
            </CheckboxField>
          ))}
        </SpaceBetween>
      </FormField>
      <Controller
        control={control}
        name="insightCategories"
        render={({ field }) => (
          <FormField
            label="Insights on"
            description="Analyze the rates of management events, data events, or both."
          >
            <SpaceBetween size="xs">
              {CATEGORIES.map((category) => (
                <Checkbox
                  key={category.value}
                  checked={field.value.includes(category.value)}
                  onChange={({ detail }) =>
                    field.onChange(
                      detail.checked
                        ? [...field.value, category.value]
                        : field.value.filter((v) => v !== category.value),
                    )
                  }
                >
                  {category.label}
                </Checkbox>
              ))}
            </SpaceBetween>
          </FormField>
        )}
      />
    </SpaceBetween>
  );
}
