import { describe, expect, it } from 'vitest';
import { columnWidthsById, columnWidthsSchema, withColumnWidths } from './column-widths';

const columns = [
  { id: 'name', header: 'Name', cell: () => '', width: 180 },
  { id: 'time', header: 'Time', cell: () => '' },
];

describe('column widths', () => {
  it('keeps dragged widths by column ID and gives them back to the columns', () => {
    const widths = columnWidthsById(columns, [240.4, 199.6], { hidden: 90 });
    expect(widths).toEqual({ hidden: 90, name: 240, time: 200 });
    expect(withColumnWidths(columns, widths).map((column) => column.width)).toEqual([240, 200]);
    expect(withColumnWidths(columns, {}).map((column) => column.width)).toEqual([180, undefined]);
  });

  it('drops stored widths that do not parse', () => {
    expect(columnWidthsSchema.parse({ name: 200 })).toEqual({ name: 200 });
    expect(columnWidthsSchema.parse({ name: -3 })).toEqual({});
    expect(columnWidthsSchema.parse('wide')).toEqual({});
  });
});
