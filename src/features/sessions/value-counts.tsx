// What a session used (services, Regions, source IPs, user agents), each value with its number of calls.
// Values are event data: rendered as text, source IPs as pivot links.
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { PivotLink } from '@/components/pivot-link';
import type { ValueCount } from '@/domain/investigation';

const SHOWN = 10;

export interface ValueCountsProps {
  title: string;
  /** The value column's header. */
  column: string;
  values: ValueCount[];
  ip?: boolean;
}

export function ValueCounts({ title, column, values, ip }: ValueCountsProps) {
  return (
    <Table
      variant="container"
      header={
        <Header variant="h2" counter={`(${values.length})`}>
          {title}
        </Header>
      }
      items={values.slice(0, SHOWN)}
      trackBy="value"
      wrapLines
      columnDefinitions={[
        {
          id: 'value',
          header: column,
          isRowHeader: true,
          cell: (item) => (ip ? <PivotLink kind="ip" value={item.value} /> : item.value),
        },
        { id: 'count', header: 'Calls', cell: (item) => item.count },
      ]}
      footer={
        values.length > SHOWN ? (
          <Box variant="small" color="text-body-secondary">
            The {SHOWN} most used of {values.length}.
          </Box>
        ) : undefined
      }
      empty={<Box color="inherit">None</Box>}
    />
  );
}
