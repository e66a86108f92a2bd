// Refine's Cloudscape PropertyFilter: the refine properties with =, !=, contains and does not contain,
// AND/OR, and value suggestions from the loaded events.
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { REFINE_OPERATORS, REFINE_PROPERTIES, type RefineQuery } from '@/domain/refine';
import { REFINE_PLACEHOLDER } from './refine-placeholder';

const FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = REFINE_PROPERTIES.map((property) => ({
  key: property.key,
  propertyLabel: property.label,
  groupValuesLabel: `${property.label} values`,
  operators: [...REFINE_OPERATORS],
}));

export interface RefinePropertyFilterProps {
  query: RefineQuery;
  onChange: (query: RefineQuery) => void;
  options: ReadonlyArray<{ propertyKey: string; value: string }>;
  /** Matches to announce; undefined while nothing is refined. */
  matched: number | undefined;
}

export function RefinePropertyFilter({ query, onChange, options, matched }: RefinePropertyFilterProps) {
  return (
    <PropertyFilter
      query={query as PropertyFilterProps.Query}
      onChange={({ detail }) =>
        onChange({
          operation: detail.operation,
          tokens: detail.tokens.map((token) => ({
            ...(token.propertyKey ? { propertyKey: token.propertyKey } : {}),
            operator: token.operator,
            value: String(token.value ?? ''),
          })),
        })
      }
      filteringProperties={FILTERING_PROPERTIES}
      filteringOptions={options as PropertyFilterProps.FilteringOption[]}
      filteringPlaceholder={REFINE_PLACEHOLDER}
      filteringAriaLabel="Refine events"
      countText={matched === undefined ? undefined : `${matched.toLocaleString('en-US')} matches`}
      expandToViewport
    />
  );
}
