// Create event data store, step 1: Configure event data store (query-event-data-store-cloudtrail.html):
// name, pricing option, retention period, termination protection and tags. Encryption, Lake query
// federation and the resource policy are not offered: the emulator does not honour them (docs/lake.md).
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TagEditor from '@cloudscape-design/components/tag-editor';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { EDS_NAME_CONSTRAINT, RETENTION_BY_BILLING, type BillingMode } from '@/domain/lake';
import { TAGS_MAX } from '@/domain/trail-rules';
import type { EventDataStoreFormValues } from './event-data-store-form';
import { PRICING_OPTIONS, retentionConstraint } from './pricing';

export function StoreConfigureStep() {
  const { control, setValue, getFieldState, formState } = useFormContext<EventDataStoreFormValues>();
  const billingMode = useWatch({ control, name: 'billingMode' });
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">General details</Header>}>
        <SpaceBetween size="l">
          <Controller
            control={control}
            name="name"
            render={({ field, fieldState }) => (
              <FormField
                label="Event data store name"
                constraintText={EDS_NAME_CONSTRAINT}
                errorText={fieldState.error?.message}
              >
                <Input
                  ref={field.ref}
                  value={field.value}
                  placeholder="my-event-data-store"
                  invalid={!!fieldState.error}
                  onChange={({ detail }) => field.onChange(detail.value)}
                  onBlur={field.onBlur}
                />
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="billingMode"
            render={({ field }) => (
              <FormField
                label="Pricing option"
                description="Choose the pricing option that fits the amount of event data you expect to ingest."
              >
                <RadioGroup
                  value={field.value}
                  items={PRICING_OPTIONS}
                  onChange={({ detail }) => {
                    const mode = detail.value as BillingMode;
                    field.onChange(mode);
                    // Each option comes with its own default retention (366 or 2,557 days).
                    setValue('retention', String(RETENTION_BY_BILLING[mode].default), {
                      shouldValidate: formState.isSubmitted || !!getFieldState('retention').error,
                    });
                  }}
                />
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="retention"
            render={({ field, fieldState }) => (
              <FormField
                label="Retention period"
                description="The number of days to keep events in the event data store. Events older than the retention period are removed."
                constraintText={retentionConstraint(billingMode)}
                errorText={fieldState.error?.message}
              >
                <Input
                  ref={field.ref}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  value={field.value}
                  invalid={!!fieldState.error}
                  onChange={({ detail }) => field.onChange(detail.value)}
                  onBlur={field.onBlur}
                />
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="terminationProtection"
            render={({ field }) => (
              <FormField
                label="Termination protection"
                description="Termination protection prevents the event data store from being deleted."
              >
                <Checkbox checked={field.value} onChange={({ detail }) => field.onChange(detail.checked)}>
                  Enable termination protection
                </Checkbox>
              </FormField>
            )}
          />
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description="Tags are key-value pairs that help you identify and organize the event data store."
          >
            Tags - optional
          </Header>
        }
      >
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <FormField errorText={fieldState.error?.message ?? fieldState.error?.root?.message} stretch>
              <TagEditor
                tags={field.value}
                tagLimit={TAGS_MAX}
                // As in the trail form: an empty key is reported when the step is checked, not on blur.
                i18nStrings={{ emptyKeyError: '' }}
                onChange={({ detail }) =>
                  field.onChange(
                    detail.tags.map(({ key, value, existing, markedForRemoval }) => ({
                      key,
                      value,
                      existing,
                      ...(markedForRemoval !== undefined && { markedForRemoval }),
                    })),
                  )
                }
              />
            </FormField>
          )}
        />
      </Container>
    </SpaceBetween>
  );
}
