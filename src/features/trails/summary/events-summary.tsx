// What a trail logs, in the console's words: used by the Review and create step (from the form) and the
// trail details page (from the trail's selectors, read into the same values).
import Box from '@cloudscape-design/components/box';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import {
  DATA_TEMPLATE_OPTIONS,
  INSIGHT_TYPE_OPTIONS,
  NETWORK_TEMPLATE_OPTIONS,
  OPERATOR_LABELS,
  resourceTypeLabel,
} from '../form/selector-options';
import type { ConditionValue, TrailFormValues } from '../form/trail-form-values';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function apiActivityLabel(read: boolean, write: boolean): string {
  if (read && write) return 'All';
  return read ? 'Read' : write ? 'Write' : 'None';
}

const conditionsText = (conditions: readonly ConditionValue[]) =>
  conditions.map((c) => `${c.field} ${OPERATOR_LABELS[c.operator]} ${c.value}`).join('; ');

export function ManagementEventsSummary({ values }: { values: TrailFormValues }) {
  if (!values.management) return <Box color="text-status-inactive">No management events are logged.</Box>;
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'API activity', value: apiActivityLabel(values.read, values.write) },
        { label: 'Exclude AWS KMS events', value: yesNo(values.excludeKms) },
        { label: 'Exclude Amazon RDS Data API events', value: yesNo(values.excludeRdsData) },
      ]}
    />
  );
}

export function DataEventsSummary({ values }: { values: TrailFormValues }) {
  if (!values.data) return <Box color="text-status-inactive">No data events are logged.</Box>;
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: 'Data events' }}
      items={values.dataSelectors}
      columnDefinitions={[
        {
          id: 'type',
          header: 'Resource type',
          cell: (s) => resourceTypeLabel(s.resourceType),
          isRowHeader: true,
        },
        {
          id: 'template',
          header: 'Log selector template',
          cell: (s) => DATA_TEMPLATE_OPTIONS.find((o) => o.value === s.template)?.label ?? s.template,
        },
        { id: 'conditions', header: 'Conditions', cell: (s) => conditionsText(s.conditions) || '-' },
        { id: 'name', header: 'Selector name', cell: (s) => s.name || '-' },
      ]}
    />
  );
}

export function NetworkEventsSummary({ values }: { values: TrailFormValues }) {
  if (!values.network) return <Box color="text-status-inactive">No network activity events are logged.</Box>;
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: 'Network activity events' }}
      items={values.networkSelectors}
      columnDefinitions={[
        {
          id: 'source',
          header: 'Network activity event source',
          cell: (s) => s.eventSource,
          isRowHeader: true,
        },
        {
          id: 'template',
          header: 'Log selector template',
          cell: (s) => NETWORK_TEMPLATE_OPTIONS.find((o) => o.value === s.template)?.label ?? s.template,
        },
        { id: 'conditions', header: 'Conditions', cell: (s) => conditionsText(s.conditions) || '-' },
        { id: 'name', header: 'Selector name', cell: (s) => s.name || '-' },
      ]}
    />
  );
}

export function InsightsSummary({ values }: { values: TrailFormValues }) {
  const types = INSIGHT_TYPE_OPTIONS.filter((o) => values[o.field]).map((o) => o.label);
  if (!values.insights || types.length === 0) {
    return <Box color="text-status-inactive">No Insights events are logged.</Box>;
  }
  return (
    <KeyValuePairs
      columns={2}
      items={[
        { label: 'Insights types', value: types.join(', ') },
        { label: 'Insights on', value: values.insightCategories.map((c) => `${c} events`).join(', ') },
      ]}
    />
  );
}
