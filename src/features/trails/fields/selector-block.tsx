// One advanced event selector in the data or network activity editors: its header with Remove, its
// fields, and the JSON view of what it writes.
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { Controller, useFormContext, type FieldPathByValue } from 'react-hook-form';
import type { AdvancedEventSelector } from '@/domain/event-selectors';
import type { TrailFormValues } from '../form/trail-form-values';
import { PolicyJson } from './policy-json';

type StringField = FieldPathByValue<TrailFormValues, string>;

export function SelectorBlock({
  title,
  at,
  selector,
  onRemove,
  children,
}: {
  title: string;
  at: `dataSelectors.${number}` | `networkSelectors.${number}`;
  selector: AdvancedEventSelector;
  onRemove?: () => void;
  children: ReactNode;
}) {
  const { getFieldState, formState } = useFormContext<TrailFormValues>();
  const error = getFieldState(at, formState).error?.message;
  return (
    <Container
      header={
        <Header variant="h3" actions={onRemove && <Button onClick={onRemove}>Remove</Button>}>
          {title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {children}
        <SelectorNameField name={`${at}.name`} />
        {error && <FormField errorText={error} />}
        <ExpandableSection headerText="JSON view">
          <PolicyJson label={`${title} JSON`} policy={selector} />
        </ExpandableSection>
      </SpaceBetween>
    </Container>
  );
}

function SelectorNameField({ name }: { name: StringField }) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormField label="Selector name - optional" constraintText="Up to 1,000 characters.">
          <Input value={field.value} onChange={({ detail }) => field.onChange(detail.value)} />
        </FormField>
      )}
    />
  );
}

/** A Select bound to a string field, for the per-selector choices (resource type, template, source). */
export function SelectorSelect({
  name,
  label,
  description,
  options,
}: {
  name: StringField;
  label: string;
  description?: string;
  options: readonly SelectProps.Option[];
}) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} description={description} errorText={fieldState.error?.message}>
          <Select
            selectedOption={
              options.find((o) => o.value === field.value) ?? (field.value ? { value: field.value } : null)
            }
            options={options}
            filteringType="auto"
            invalid={!!fieldState.error}
            onChange={({ detail }) => field.onChange(detail.selectedOption.value ?? '')}
          />
        </FormField>
      )}
    />
  );
}
