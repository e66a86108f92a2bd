// How Lake writes a value in GetQueryResults: every value is a string; timestamps as
// `2023-01-22 16:53:53.000`, booleans as true/false, maps and structs as Trino prints them ({k=v, …}).
/** A value as a SQL engine hands it over in JSON form. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function formatLakeValue(value: Json, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (type.startsWith('TIMESTAMP') && typeof value === 'string') return lakeTimestamp(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return trinoText(value);
}

/** `2023-01-22 16:53:53` or `…53.1234+00` → `2023-01-22 16:53:53.000` / `….123`. */
export function lakeTimestamp(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(text);
  if (!match) return text;
  return `${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}`;
}

function trinoText(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // A DuckDB MAP arrives as a list of {key, value} entries.
    if (value.length > 0 && value.every((e) => isEntry(e))) {
      return `{${value.map((e) => `${trinoText((e as { key: Json }).key)}=${trinoText((e as { value: Json }).value)}`).join(', ')}}`;
    }
    return `[${value.map(trinoText).join(', ')}]`;
  }
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${trinoText(v ?? null)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function isEntry(value: Json): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'key' in value &&
    'value' in value &&
    Object.keys(value).length === 2
  );
}
