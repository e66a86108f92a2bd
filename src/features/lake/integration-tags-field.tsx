// The Tags section of Add integration: key-value rows in a Cloudscape AttributeEditor. Not TagEditor, as the
// other create forms use: a third page importing TagEditor regroups the shared dropdown code into the first
// page's bundle (about 1 KB gzip, over the budget of scripts/bundle-budget.mjs). The same tag rules apply.
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import { TAGS_MAX } from '@/domain/trail-rules';

export interface TagRow {
  key: string;
  value: string;
}

export function IntegrationTagsField({
  tags,
  onChange,
}: {
  tags: TagRow[];
  onChange: (tags: TagRow[]) => void;
}) {
  const set = (index: number, change: Partial<TagRow>) =>
    onChange(tags.map((tag, i) => (i === index ? { ...tag, ...change } : tag)));
  return (
    <AttributeEditor<TagRow>
      items={tags}
      addButtonText="Add new tag"
      removeButtonText="Remove"
      onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
      onRemoveButtonClick={({ detail }) => onChange(tags.filter((_, i) => i !== detail.itemIndex))}
      disableAddButton={tags.length >= TAGS_MAX}
      additionalInfo={`You can add ${TAGS_MAX - tags.length} more tags.`}
      empty="No tags associated with the resource."
      definition={[
        {
          label: 'Key',
          control: (tag, index) => (
            <Input
              value={tag.key}
              placeholder="Enter key"
              onChange={({ detail }) => set(index, { key: detail.value })}
            />
          ),
        },
        {
          label: 'Value - optional',
          control: (tag, index) => (
            <Input
              value={tag.value}
              placeholder="Enter value"
              onChange={({ detail }) => set(index, { value: detail.value })}
            />
          ),
        },
      ]}
    />
  );
}
