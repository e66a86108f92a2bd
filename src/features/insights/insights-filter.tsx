// The Insights filter (docs/cloudtrail-facts.md#insights-console): one lookup attribute (Event name, Event source or Event ID) with
// a value, and a time range. The value applies on Enter; clearing it applies at once.
import DateRangePicker from '@cloudscape-design/components/date-range-picker';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { InsightLookupKey } from '@/api/insight-queries';
import { DATE_RANGE_STRINGS } from '@/components/date-range-strings';
import { useSettings } from '@/components/settings';
import {
  isValidRange,
  LOOKUP_OPTIONS,
  rangeFromSearch,
  RELATIVE_OPTIONS,
  searchFromRange,
  type InsightsSearch,
} from './insights-search';

export interface InsightsFilterProps {
  search: InsightsSearch;
  onChange: (search: InsightsSearch) => void;
}

export function InsightsFilter({ search, onChange }: InsightsFilterProps) {
  const { settings } = useSettings();
  const key: InsightLookupKey = search.attribute ?? 'EventName';
  const [draft, setDraft] = useState(search.value ?? '');
  const apply = (value: string) => {
    const next: InsightsSearch = { ...search, attribute: key };
    if (value.trim()) next.value = value.trim();
    else delete next.value;
    onChange(next);
  };
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Select
        selectedOption={LOOKUP_OPTIONS.find((option) => option.value === key) ?? null}
        options={LOOKUP_OPTIONS}
        ariaLabel="Lookup attributes"
        onChange={({ detail }) => {
          const next: InsightsSearch = {
            ...search,
            attribute: detail.selectedOption.value as InsightLookupKey,
          };
          if (next.value === undefined) delete next.value;
          onChange(next);
        }}
      />
      <Input
        type="search"
        value={draft}
        placeholder="Enter a lookup value"
        ariaLabel="Lookup value"
        onChange={({ detail }) => {
          setDraft(detail.value);
          if (!detail.value && search.value) apply('');
        }}
        onKeyDown={({ detail }) => {
          if (detail.key === 'Enter') apply(draft);
        }}
      />
      <DateRangePicker
        value={rangeFromSearch(search)}
        relativeOptions={RELATIVE_OPTIONS}
        i18nStrings={DATE_RANGE_STRINGS}
        isValidRange={isValidRange}
        placeholder="Filter by date and time"
        ariaLabel="Filter by date and time"
        rangeSelectorMode="default"
        timeOffset={settings.timeDisplay === 'utc' ? 0 : undefined}
        showClearButton
        onChange={({ detail }) => onChange({ ...stripRange(search), ...searchFromRange(detail.value) })}
      />
    </SpaceBetween>
  );
}

function stripRange(search: InsightsSearch): InsightsSearch {
  const next = { ...search };
  delete next.last;
  delete next.from;
  delete next.to;
  return next;
}
