// Data events with advanced event selectors, the console's default (docs/cloudtrail-facts.md#create-trail-and-trail-details):
// per data event type a resource type, a log selector template, and for Custom the field conditions.
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_EVENT_SELECTORS } from '@/domain/event-selector-rules';
import { dataSelector } from '../form/selector-mapping';
import {
  DATA_CONDITION_FIELDS,
  DATA_RESOURCE_TYPE_OPTIONS,
  DATA_TEMPLATE_OPTIONS,
  resourceTypeLabel,
} from '../form/selector-options';
import { newDataSelector, type TrailFormValues } from '../form/trail-form-values';
import { ConditionEditor } from './condition-editor';
import { SelectorBlock, SelectorSelect } from './selector-block';

export function DataEventsFields() {
  const { control, formState } = useFormContext<TrailFormValues>();
  const selectors = useFieldArray({ control, name: 'dataSelectors' });
  const values = useWatch({ control, name: 'dataSelectors' });
  // An issue about the whole list lands on `.root` when RHF knows the field is an array.
  const listError = formState.errors.dataSelectors;
  const rootError = listError?.root ?? listError;
  return (
    <SpaceBetween size="l">
      {selectors.fields.map((row, index) => {
        const value = values[index] ?? row;
        return (
          <SelectorBlock
            key={row.id}
            title={`Data event: ${resourceTypeLabel(value.resourceType)}`}
            at={`dataSelectors.${index}`}
            selector={dataSelector(value)}
            onRemove={selectors.fields.length > 1 ? () => selectors.remove(index) : undefined}
          >
            <SelectorSelect
              name={`dataSelectors.${index}.resourceType`}
              label="Resource type"
              description="The type of resource whose data events you want to log."
              options={DATA_RESOURCE_TYPE_OPTIONS.map((o) => ({
                value: o.value,
                label: o.label,
                description: o.value,
              }))}
            />
            <SelectorSelect
              name={`dataSelectors.${index}.template`}
              label="Log selector template"
              options={DATA_TEMPLATE_OPTIONS}
            />
            {value.template === 'custom' && (
              <ConditionEditor at={`dataSelectors.${index}`} fields={DATA_CONDITION_FIELDS} />
            )}
          </SelectorBlock>
        );
      })}
      {rootError?.message && <FormField errorText={rootError.message} />}
      <Button
        disabled={selectors.fields.length >= MAX_EVENT_SELECTORS}
        onClick={() => selectors.append(newDataSelector())}
      >
        Add data event type
      </Button>
    </SpaceBetween>
  );
}
