// A Cloudscape Table fed by a TanStack Table: columns, visibility and paging are TanStack state
// (columns stay data in each feature's columns.tsx); Cloudscape draws the console's table.
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { columnWidthsById, withColumnWidths, type ColumnWidths } from './column-widths';
import { flexRender, type Row, type Table as TanStackTable } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface must keep TanStack's type parameters
  interface ColumnMeta<TData, TValue> {
    /** Marks the column whose cell names the row for screen readers (Cloudscape `isRowHeader`). */
    isRowHeader?: boolean;
    /** Default and smallest width in pixels (Cloudscape column sizing). */
    width?: number;
    minWidth?: number;
  }
}

export interface DataTableProps<T> extends Omit<
  TableProps<Row<T>>,
  'items' | 'columnDefinitions' | 'trackBy' | 'wrapLines' | 'resizableColumns' | 'onColumnWidthsChange'
> {
  table: TanStackTable<T>;
  wrapLines?: boolean;
  /** With this, columns are resizable: widths dragged by the user, by column ID, to keep in preferences. */
  columnWidths?: ColumnWidths;
  onColumnResize?: (widths: ColumnWidths) => void;
}

export function DataTable<T>({ table, columnWidths = {}, onColumnResize, ...props }: DataTableProps<T>) {
  const columns = table
    .getLeafHeaders()
    .filter((header) => header.column.getIsVisible())
    .map((header): TableProps.ColumnDefinition<Row<T>> => ({
      id: header.column.id,
      header: flexRender(header.column.columnDef.header, header.getContext()),
      isRowHeader: header.column.columnDef.meta?.isRowHeader,
      width: header.column.columnDef.meta?.width,
      minWidth: header.column.columnDef.meta?.minWidth,
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
      columnDefinitions={withColumnWidths(columns, columnWidths)}
      resizableColumns={!!onColumnResize}
      onColumnWidthsChange={({ detail }) =>
        onColumnResize?.(columnWidthsById(columns, detail.widths, columnWidths))
      }
    />
  );
}
