// Event history's downloads (docs/cloudtrail-facts.md#event-history-console): the CSV the console writes, with
// its exact header, and the JSON `{"Records":[…]}` of the parsed CloudTrailEvent objects. Both are built
// a page at a time (chunks joined into a Blob by the caller), so 200,000 events never sit in one string.
import { eventFields, type LookupEventLike } from './event-fields';
import { isoSeconds } from './iso-time';

/** "You can download up to 200,000 events in a single file." (view-cloudtrail-events-console.html) */
export const EXPORT_MAX_EVENTS = 200_000;

/** The header of the console's CSV, as observed identically in 2021 and 2024 exports (docs/cloudtrail-facts.md#event-history-console). */
export const CSV_HEADER = [
  'User name',
  'AWS access key',
  'Event time',
  'Event source',
  'Event name',
  'AWS region',
  'Source IP address',
  'User agent',
  'Error code',
  'Resources',
  'Request ID',
  'Event ID',
  'Read-only',
  'Event type',
  'Recipient Account Id',
  'Event category',
] as const;

const CRLF = '\r\n';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with a tab or a line break, or
 * whose first character after any white space (spreadsheets skip it) is =, +, -, @ or their fullwidth forms,
 * is prefixed with a single quote, so a spreadsheet shows it as text and never runs it.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const csvCell = (value: string) => quoteCsvField(neutraliseCell(value));

/** `2021-01-26T22:48:41Z`, as the console writes Event time. */
export function exportTime(time: number): string {
  return Number.isNaN(time) ? '' : isoSeconds(time);
}

export function csvHeaderLine(): string {
  return CSV_HEADER.join(',') + CRLF;
}

export function csvLine(event: LookupEventLike): string {
  const f = eventFields(event);
  const resources = JSON.stringify(
    (event.Resources ?? []).map((r) => ({
      resourceType: r.ResourceType ?? null,
      resourceName: r.ResourceName ?? null,
    })),
  );
  const cells = [
    f.username,
    f.accessKeyId,
    exportTime(f.time),
    f.eventSource,
    f.eventName,
    f.awsRegion,
    f.sourceIPAddress,
    f.userAgent,
    f.errorCode,
    resources,
    f.requestID,
    f.eventId,
    f.readOnly,
    f.eventType,
    f.recipientAccountId,
    f.eventCategory,
  ];
  return cells.map(csvCell).join(',') + CRLF;
}

/** The CSV lines of one page of events (no header). */
export function csvChunk(events: readonly LookupEventLike[]): string {
  let out = '';
  for (const event of events) out += csvLine(event);
  return out;
}

export const JSON_EXPORT_START = '{"Records":[';
export const JSON_EXPORT_END = ']}';

/** Events whose CloudTrailEvent is not a JSON object are left out of the JSON export. */
function jsonMembers(events: readonly LookupEventLike[]): string[] {
  const parts: string[] = [];
  for (const event of events) {
    const record = eventFields(event).record;
    if (record) parts.push(JSON.stringify(record));
  }
  return parts;
}

export type ExportFormat = 'csv' | 'json';

/** Writes a file a page at a time: `start`, then `chunk(page)` per LookupEvents page, then `end`. */
export interface ExportWriter {
  readonly start: string;
  chunk(events: readonly LookupEventLike[]): string;
  readonly end: string;
}

export function createExportWriter(format: ExportFormat): ExportWriter {
  if (format === 'csv') return { start: csvHeaderLine(), chunk: csvChunk, end: '' };
  let written = false;
  return {
    start: JSON_EXPORT_START,
    chunk(events) {
      const parts = jsonMembers(events);
      if (parts.length === 0) return '';
      const text = (written ? ',' : '') + parts.join(',');
      written = true;
      return text;
    },
    end: JSON_EXPORT_END,
  };
}

/** The whole file for a list of events (tests and small exports). */
export function exportFile(format: ExportFormat, events: readonly LookupEventLike[]): string {
  const writer = createExportWriter(format);
  return writer.start + writer.chunk(events) + writer.end;
}

export const EXPORT_FILE_NAMES: Record<ExportFormat, string> = {
  csv: 'event_history.csv',
  json: 'event_history.json',
};

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};
