// Query results as a file: CSV with every cell neutralised against spreadsheet formulas (the same rule as
// Event history's download), or JSON as a list of {column: value} objects.
import { neutraliseCell, quoteCsvField } from '@/domain/event-export';

export function resultsCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => quoteCsvField(neutraliseCell(c))).join(',');
  return [line(columns), ...rows.map(line)].join('\r\n') + '\r\n';
}

export function resultsJson(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? '']))),
    null,
    2,
  );
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
