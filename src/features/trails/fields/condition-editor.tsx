// Custom advanced event selector conditions: rows of Field / Operator / Value, "+ Condition" and Remove
// (docs/cloudtrail-facts.md#create-trail-and-trail-details). Rows with the same field become one field selector.
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { FIELD_OPERATORS, type FieldOperator } from '@/domain/event-selectors';
import { OPERATOR_LABELS } from '../form/selector-options';
import { newCondition, type TrailFormValues } from '../form/trail-form-values';

const OPERATOR_OPTIONS = FIELD_OPERATORS.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));

export function ConditionEditor({
  at,
  fields,
}: {
  at: `dataSelectors.${number}` | `networkSelectors.${number}`;
  fields: readonly string[];
}) {
  const { control } = useFormContext<TrailFormValues>();
  const conditions = useFieldArray({ control, name: `${at}.conditions` });
  return (
    <FormField label="Advanced event selectors" description="Events are logged when they match every field.">
      <SpaceBetween size="xs">
        {conditions.fields.map((row, index) => (
          <Grid
            key={row.id}
            gridDefinition={[{ colspan: 4 }, { colspan: 3 }, { colspan: 4 }, { colspan: 1 }]}
          >
            <Controller
              control={control}
              name={`${at}.conditions.${index}.field`}
              render={({ field }) => (
                <Select
                  ariaLabel={`Field ${index + 1}`}
                  selectedOption={{ value: field.value }}
                  options={fields.map((f) => ({ value: f }))}
                  onChange={({ detail }) => field.onChange(detail.selectedOption.value ?? '')}
                />
              )}
            />
            <Controller
              control={control}
              name={`${at}.conditions.${index}.operator`}
              render={({ field }) => (
                <Select
                  ariaLabel={`Operator ${index + 1}`}
                  selectedOption={{ value: field.value, label: OPERATOR_LABELS[field.value] }}
                  options={OPERATOR_OPTIONS}
                  onChange={({ detail }) => field.onChange(detail.selectedOption.value as FieldOperator)}
                />
              )}
            />
            <Controller
              control={control}
              name={`${at}.conditions.${index}.value`}
              render={({ field, fieldState }) => (
                <FormField errorText={fieldState.error?.message}>
                  <Input
                    ariaLabel={`Value ${index + 1}`}
                    value={field.value}
                    invalid={!!fieldState.error}
                    placeholder="Enter a value"
                    onChange={({ detail }) => field.onChange(detail.value)}
                  />
                </FormField>
              )}
            />
            <Button
              iconName="close"
              variant="icon"
              ariaLabel={`Remove condition ${index + 1}`}
              onClick={() => conditions.remove(index)}
            />
          </Grid>
        ))}
        <Button iconName="add-plus" onClick={() => conditions.append(newCondition(fields[0] ?? ''))}>
          Condition
        </Button>
      </SpaceBetween>
    </FormField>
  );
}
