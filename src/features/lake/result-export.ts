// Query results as a file: CSV as CloudTrail saves it to S3 (queryResultsCsv in domain/lake-query-delivery.ts,
// every cell neutralised against spreadsheet formulas), or JSON as a list of {column: value} objects.

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
