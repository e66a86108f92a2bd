// An event data store's advanced event selectors as a table, one row per field condition: on the store's
// page (what GetEventDataStore answers) and in the create wizard's review (what the form will send).
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import Box from '@cloudscape-design/components/box';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';

const OPERATORS = ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'] as const;

/** One row per field condition of the selectors. */
export function selectorRows(selectors: readonly AdvancedEventSelector[]) {
  return selectors.flatMap((selector, s) =>
    (selector.FieldSelectors ?? []).map((field, f) => ({
      key: `${s}-${f}`,
      selector: selector.Name ?? `Selector ${s + 1}`,
      field: field.Field,
      conditions: OPERATORS.filter((op) => field[op]?.length).map((op) => `${op} ${field[op]!.join(', ')}`),
    })),
  );
}

export function AdvancedSelectorsTable({
  selectors,
  header,
  empty,
  variant,
}: {
  selectors: readonly AdvancedEventSelector[];
  header: ReactNode;
  empty: string;
  variant?: 'container' | 'embedded';
}) {
  return (
    <Table
      header={header}
      variant={variant}
      items={selectorRows(selectors)}
      trackBy="key"
      empty={<Box textAlign="center">{empty}</Box>}
      columnDefinitions={[
        { id: 'selector', header: 'Selector', cell: (r) => r.selector },
        { id: 'field', header: 'Field', cell: (r) => r.field },
        { id: 'conditions', header: 'Conditions', cell: (r) => r.conditions.join('; ') },
      ]}
    />
  );
}
