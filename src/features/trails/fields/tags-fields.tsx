// Tags (up to 50), with the domain's tag rules as the field error (docs/cloudtrail-facts.md#create-trail-and-trail-details Tags).
import FormField from '@cloudscape-design/components/form-field';
import TagEditor from '@cloudscape-design/components/tag-editor';
import { Controller, useFormContext } from 'react-hook-form';
import { TAGS_MAX } from '@/domain/trail-rules';
import type { TrailFormValues } from '../form/trail-form-values';

export function TagsFields() {
  const { control } = useFormContext<TrailFormValues>();
  return (
    <Controller
      name="tags"
      control={control}
      render={({ field: { value, onChange }, fieldState }) => (
        <FormField
          label="Tags"
          // The editor itself says how many more tags can be added (tagLimit).
          description="Tags are key-value pairs that help you identify and organize the trail."
          errorText={fieldState.error?.message ?? fieldState.error?.root?.message}
          stretch
        >
          <TagEditor
            tags={value}
            tagLimit={TAGS_MAX}
            // The editor marks a key field "You must specify a tag key" as soon as it loses focus, typed in
            // or not: a new empty row showed it when the user clicked Add new tag again, and the message
            // pushed the button away from under the pointer before the click landed. An empty key is still
            // reported, with the other tag rules, when the form is submitted (checkTags).
            i18nStrings={{ emptyKeyError: '' }}
            onChange={({ detail }) =>
              onChange(
                detail.tags.map(({ key, value: tagValue, existing, markedForRemoval }) => ({
                  key,
                  value: tagValue,
                  existing,
                  ...(markedForRemoval !== undefined && { markedForRemoval }),
                })),
              )
            }
          />
        </FormField>
      )}
    />
  );
}
