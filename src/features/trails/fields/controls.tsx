// Cloudscape controls bound to the trail form (react-hook-form), each with its FormField and the error
// the zod schema (or the server) put on it.
import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField, { type FormFieldProps } from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup, { type RadioGroupProps } from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { ReactNode } from 'react';
import { Controller, useFormContext, type FieldPathByValue } from 'react-hook-form';
import type { NewOrExisting, TrailFormValues } from '../form/trail-form-values';

type StringField = FieldPathByValue<TrailFormValues, string>;
type BooleanField = FieldPathByValue<TrailFormValues, boolean>;
type ChoiceField = FieldPathByValue<TrailFormValues, NewOrExisting>;

type FieldProps = Pick<
  FormFieldProps,
  'label' | 'description' | 'constraintText' | 'info' | 'secondaryControl'
>;

export function TextField({
  name,
  placeholder,
  disabled,
  ...field
}: FieldProps & { name: StringField; placeholder?: string; disabled?: boolean }) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: { value, onChange, onBlur, ref }, fieldState }) => (
        <FormField {...field} errorText={fieldState.error?.message}>
          <Input
            ref={ref}
            value={value}
            placeholder={placeholder}
            disabled={disabled}
            invalid={!!fieldState.error}
            onChange={({ detail }) => onChange(detail.value)}
            onBlur={onBlur}
          />
        </FormField>
      )}
    />
  );
}

export function CheckboxField({
  name,
  children,
  description,
  disabled,
}: {
  name: BooleanField;
  children: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: { value, onChange, ref } }) => (
        <Checkbox
          ref={ref}
          checked={value}
          disabled={disabled}
          description={description}
          onChange={({ detail }) => onChange(detail.checked)}
        >
          {children}
        </Checkbox>
      )}
    />
  );
}

/** A labelled checkbox ("Log file validation: Enabled"), the console's pattern for on/off settings. */
export function EnabledField({ name, ...field }: FieldProps & { name: BooleanField }) {
  const { getFieldState, formState } = useFormContext<TrailFormValues>();
  return (
    <FormField {...field} errorText={getFieldState(name, formState).error?.message}>
      <CheckboxField name={name}>Enabled</CheckboxField>
    </FormField>
  );
}

export function ChoiceField({
  name,
  items,
  ...field
}: FieldProps & { name: ChoiceField; items: RadioGroupProps.RadioButtonDefinition[] }) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: { value, onChange, ref } }) => (
        <FormField {...field}>
          <RadioGroup
            ref={ref}
            value={value}
            items={items}
            onChange={({ detail }) => onChange(detail.value)}
          />
        </FormField>
      )}
    />
  );
}

export const NEW_OR_EXISTING = (newLabel = 'New', existingLabel = 'Existing') => [
  { value: 'new', label: newLabel },
  { value: 'existing', label: existingLabel },
];

/** Choose from a list, or type a value the list does not hold (an ARN from another account). */
export function SuggestField({
  name,
  options,
  loading,
  placeholder,
  ...field
}: FieldProps & {
  name: StringField;
  options: AutosuggestProps.Options;
  loading?: boolean;
  placeholder?: string;
}) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: { value, onChange, onBlur, ref }, fieldState }) => (
        <FormField {...field} errorText={fieldState.error?.message}>
          <Autosuggest
            ref={ref}
            value={value}
            options={options}
            statusType={loading ? 'loading' : 'finished'}
            loadingText="Loading"
            placeholder={placeholder}
            empty="None found"
            enteredTextLabel={(text) => `Use: "${text}"`}
            invalid={!!fieldState.error}
            onChange={({ detail }) => onChange(detail.value)}
            onBlur={onBlur}
          />
        </FormField>
      )}
    />
  );
}

/** Choose one of the options (a log group, a role). */
export function SelectField({
  name,
  options,
  loading,
  placeholder,
  ...field
}: FieldProps & {
  name: StringField;
  options: SelectProps.Options;
  loading?: boolean;
  placeholder?: string;
}) {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: { value, onChange, ref }, fieldState }) => {
        const flat = options.flatMap((o) => ('options' in o ? o.options : [o]));
        const selected = flat.find((o) => o.value === value) ?? (value ? { value, label: value } : null);
        return (
          <FormField {...field} errorText={fieldState.error?.message}>
            <Select
              ref={ref}
              selectedOption={selected}
              options={options}
              statusType={loading ? 'loading' : 'finished'}
              loadingText="Loading"
              placeholder={placeholder}
              empty="None found"
              filteringType="auto"
              invalid={!!fieldState.error}
              onChange={({ detail }) => onChange(detail.selectedOption.value ?? '')}
            />
          </FormField>
        );
      }}
    />
  );
}
