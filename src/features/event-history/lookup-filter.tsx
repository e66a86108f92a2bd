// The console's filter bar (docs/cloudtrail-facts.md#event-history-console): one lookup attribute and its value, and the time range.
// The applied filter shows as a token whose X removes it; choosing another attribute keeps the time range.
import Autosuggest from '@cloudscape-design/components/autosuggest';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Token from '@cloudscape-design/components/token';
import { lazy, Suspense, useState } from 'react';
import type { TimeDisplay } from '@/components/format-time';
import {
  LOOKUP_ATTRIBUTE_KEYS,
  LOOKUP_ATTRIBUTE_LABELS,
  type LookupAttributeKey,
} from '@/domain/lookup-attributes';
import { lookupValueError } from '@/domain/lookup-value';
import { KNOWN_EVENT_SOURCES } from './event-sources';
import type { EventsView } from './search-params';
import type { TimeRange } from './time-range';

const TimeRangePicker = lazy(() =>
  import('./time-range-picker').then((module) => ({ default: module.TimeRangePicker })),
);

const ATTRIBUTE_OPTIONS = LOOKUP_ATTRIBUTE_KEYS.map((key) => ({
  value: key,
  label: LOOKUP_ATTRIBUTE_LABELS[key],
}));
const READ_ONLY_OPTIONS = [
  { value: 'false', label: 'false' },
  { value: 'true', label: 'true' },
];
const SOURCE_OPTIONS = KNOWN_EVENT_SOURCES.map((value) => ({ value }));

export interface LookupFilterProps {
  view: EventsView;
  timeDisplay: TimeDisplay;
  onAttributeChange: (key: LookupAttributeKey | undefined, value?: string) => void;
  onRangeChange: (range: TimeRange | undefined) => void;
}

export function lookupAttributeLabel(attribute: { key: LookupAttributeKey; value: string }): string {
  return `${LOOKUP_ATTRIBUTE_LABELS[attribute.key]} = ${attribute.value}`;
}

/** The token beside the fields stands where their controls do: below a label's line (Cloudscape's 22 px
 * body line height and the 4 px between a label and its control). */
const BESIDE_FIELDS = { paddingTop: 26 };

export function LookupFilter({ view, timeDisplay, onAttributeChange, onRangeChange }: LookupFilterProps) {
  const key = view.attributeKey;
  return (
    // One row: the applied filter's token sits beside the controls, which keeps the sticky header short.
    // Aligned at the top, so that a value's error text below its field moves no label.
    <SpaceBetween size="xs" direction="horizontal" alignItems="start">
      <FormField label="Lookup attributes">
        <Select
          selectedOption={ATTRIBUTE_OPTIONS.find((option) => option.value === key) ?? null}
          placeholder="Select attribute"
          options={ATTRIBUTE_OPTIONS}
          onChange={({ detail }) => onAttributeChange(detail.selectedOption.value as LookupAttributeKey)}
        />
      </FormField>
      {key && (
        <ValueControl
          // A new attribute or a value from the URL starts a fresh draft.
          key={`${key}|${view.attribute?.value ?? ''}`}
          attributeKey={key}
          applied={view.attribute?.value ?? ''}
          onApply={(value) => onAttributeChange(key, value)}
        />
      )}
      <FormField label="Time range">
        <Suspense fallback={<Input disabled value="" placeholder="Filter by date and time" />}>
          <TimeRangePicker range={view.range} timeDisplay={timeDisplay} onChange={onRangeChange} />
        </Suspense>
      </FormField>
      {view.attribute && (
        <div style={BESIDE_FIELDS}>
          <Token
            label={lookupAttributeLabel(view.attribute)}
            dismissLabel={`Remove filter ${lookupAttributeLabel(view.attribute)}`}
            onDismiss={() => onAttributeChange(undefined)}
          />
        </div>
      )}
    </SpaceBetween>
  );
}

interface ValueControlProps {
  attributeKey: LookupAttributeKey;
  applied: string;
  onApply: (value: string) => void;
}

function ValueControl({ attributeKey, applied, onApply }: ValueControlProps) {
  const [draft, setDraft] = useState(applied);
  const [touched, setTouched] = useState(false);
  const error = touched && draft ? lookupValueError(attributeKey, draft) : undefined;
  const apply = (value: string) => {
    setTouched(true);
    if (value && value !== applied && !lookupValueError(attributeKey, value)) onApply(value);
  };

  if (attributeKey === 'ReadOnly') {
    return (
      <FormField label="Lookup value">
        <Select
          selectedOption={READ_ONLY_OPTIONS.find((option) => option.value === applied) ?? null}
          placeholder="Choose a value"
          options={READ_ONLY_OPTIONS}
          onChange={({ detail }) => apply(detail.selectedOption.value ?? '')}
        />
      </FormField>
    );
  }
  const onKeyDown = ({ detail }: { detail: { key: string } }) => {
    if (detail.key === 'Enter') apply(draft.trim());
  };
  return (
    <FormField label="Lookup value" errorText={error}>
      {attributeKey === 'EventSource' ? (
        <Autosuggest
          value={draft}
          options={SOURCE_OPTIONS}
          enteredTextLabel={(value) => `Use: "${value}"`}
          placeholder="Enter a lookup value"
          empty="No matching event sources"
          onChange={({ detail }) => setDraft(detail.value)}
          onSelect={({ detail }) => apply(detail.value)}
          onKeyDown={onKeyDown}
          onBlur={() => apply(draft.trim())}
        />
      ) : (
        <Input
          type="search"
          value={draft}
          placeholder="Enter a lookup value"
          onChange={({ detail }) => setDraft(detail.value)}
          onKeyDown={onKeyDown}
          onBlur={() => apply(draft.trim())}
        />
      )}
    </FormField>
  );
}
