// Network activity events (docs/cloudtrail-facts.md#create-trail-and-trail-details): one event source per selector, a log
// selector template, and for Custom the field conditions.
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_EVENT_SELECTORS } from '@/domain/event-selector-rules';
import { networkSelector } from '../form/selector-mapping';
import {
  NETWORK_CONDITION_FIELDS,
  NETWORK_EVENT_SOURCES,
  NETWORK_TEMPLATE_OPTIONS,
} from '../form/selector-options';
import { newNetworkSelector, type TrailFormValues } from '../form/trail-form-values';
import { ConditionEditor } from './condition-editor';
import { SelectorBlock, SelectorSelect } from './selector-block';

export function NetworkEventsFields() {
  const { control, formState } = useFormContext<TrailFormValues>();
  const selectors = useFieldArray({ control, name: 'networkSelectors' });
  const values = useWatch({ control, name: 'networkSelectors' });
  // An issue about the whole list lands on `.root` when RHF knows the field is an array.
  const listError = formState.errors.networkSelectors;
  const rootError = listError?.root ?? listError;
  return (
    <SpaceBetween size="l">
      {selectors.fields.map((row, index) => {
        const value = values[index] ?? row;
        return (
          <SelectorBlock
            key={row.id}
            title={`Network activity event: ${value.eventSource || 'no source'}`}
            at={`networkSelectors.${index}`}
            selector={networkSelector(value)}
            onRemove={selectors.fields.length > 1 ? () => selectors.remove(index) : undefined}
          >
            <SelectorSelect
              name={`networkSelectors.${index}.eventSource`}
              label="Network activity event source"
              description="The AWS service whose VPC endpoint activity you want to log."
              options={NETWORK_EVENT_SOURCES.map((source) => ({ value: source }))}
            />
            <SelectorSelect
              name={`networkSelectors.${index}.template`}
              label="Log selector template"
              options={NETWORK_TEMPLATE_OPTIONS}
            />
            {value.template === 'custom' && (
              <ConditionEditor at={`networkSelectors.${index}`} fields={NETWORK_CONDITION_FIELDS} />
            )}
          </SelectorBlock>
        );
      })}
      {rootError?.message && <FormField errorText={rootError.message} />}
      <Button
        disabled={selectors.fields.length >= MAX_EVENT_SELECTORS}
        onClick={() => selectors.append(newNetworkSelector())}
      >
        Add network activity event selector
      </Button>
    </SpaceBetween>
  );
}
