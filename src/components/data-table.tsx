// A Cloudscape Table fed by a TanStack Table: columns, visibility and paging are TanStack state
// (columns stay data in each feature's columns.tsx); Cloudscape draws the console's table.
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { flexRender, type Row, type Table as TanStackTable } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface must keep TanStack's type parameters
  interface ColumnMeta<TData, TValue> {
    /** Marks the column whose cell names the row for screen readers (Cloudscape `isRowHeader`). */
    isRowHeader?: boolean;
  }
}

export interface DataTableProps<T> extends Omit<
  TableProps<Row<T>>,
  'items' | 'columnDefinitions' | 'trackBy' | 'wrapLines'
> {
  table: TanStackTable<T>;
  wrapLines?: boolean;
}

export function DataTable<T>({ table, ...props }: DataTableProps<T>) {
  const columnDefinitions = table
    .getLeafHeaders()
    .filter((header) => header.column.getIsVisible())
    .map((header): TableProps.ColumnDefinition<Row<T>> => ({
      id: header.column.id,
      header: flexRender(header.column.columnDef.header, header.getContext()),
      isRowHeader: header.column.columnDef.meta?.isRowHeader,
      cell: (row) => {
        const cell = row.getAllCells().find((candidate) => candidate.column.id === header.column.id);
        return cell ? flexRender(cell.column.columnDef.cell, cell.getContext()) : null;
      },
    }));
  return (
    <Table
      {...props}
      items={table.getRowModel().rows}
      trackBy={(row) => row.id}
      columnDefinitions={columnDefinitions}
    />
  );
}
