// Resizable table columns (Cloudscape `resizableColumns`): the widths the user dragged, by column ID, kept
// with the table's preferences. Cloudscape reports widths in the order of the visible columns, and takes
// them back through each column definition's `width`.
import type { TableProps } from '@cloudscape-design/components/table';
import * as z from 'zod/mini';

export type ColumnWidths = Record<string, number>;

/** Stored widths that do not parse are dropped: the columns fall back to their default widths. */
export const columnWidthsSchema = z.catch(z.record(z.string(), z.number().check(z.positive())), {});

export function withColumnWidths<T>(
  columns: readonly TableProps.ColumnDefinition<T>[],
  widths: ColumnWidths,
): TableProps.ColumnDefinition<T>[] {
  return columns.map((column) => {
    const width = column.id === undefined ? undefined : widths[column.id];
    return width === undefined ? column : { ...column, width };
  });
}

/** `onColumnWidthsChange` widths, by the IDs of the columns shown, over the widths kept so far. */
export function columnWidthsById(
  shown: readonly { id?: string }[],
  widths: readonly number[],
  previous: ColumnWidths,
): ColumnWidths {
  const next = { ...previous };
  shown.forEach((column, index) => {
    const width = widths[index];
    if (column.id !== undefined && width !== undefined) next[column.id] = Math.round(width);
  });
  return next;
}
