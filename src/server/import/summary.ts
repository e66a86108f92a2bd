// Building the import report (src/domain/import-summary.ts) as files are read.
import { addSummary, rejectedCount, type ImportSummary } from '@/domain/import-summary';

export interface ImportProgress {
  file: string;
  bytesRead: number;
  filesRead: number;
  eventsImported: number;
}

/** Adds one summary into another, in place (the CLI importing through the server gets one per file). */
export function mergeSummary(into: ImportSummary, from: ImportSummary): ImportSummary {
  return Object.assign(into, addSummary(into, from));
}

const number = (n: number) => n.toLocaleString('en-US');

/** The summary as the CLI prints it. */
export function formatSummary(summary: ImportSummary, seconds: number): string {
  const rejectedTotal = rejectedCount(summary);
  const lines = [
    `Files read: ${number(summary.filesRead)}` +
      (summary.filesSkipped.length ? ` (${number(summary.filesSkipped.length)} skipped)` : ''),
    `Events imported: ${number(summary.eventsImported)}`,
    `Duplicates skipped: ${number(summary.duplicatesSkipped)}`,
    `Records rejected: ${number(rejectedTotal)}`,
  ];
  for (const [reason, n] of Object.entries(summary.rejected).sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${number(n).padStart(8)}  ${reason}`);
  }
  for (const { file, reason, line } of summary.rejectionExamples) {
    lines.push(
      line !== undefined
        ? `Rejected line ${number(line)} of ${file}: ${reason}`
        : `Rejected a record of ${file}: ${reason}`,
    );
  }
  for (const { file, reason } of summary.filesSkipped) lines.push(`Skipped ${file}: ${reason}`);
  for (const { file, reason } of summary.filesFailed) lines.push(`Could not read all of ${file}: ${reason}`);
  const rate = seconds > 0 ? ` (${number(Math.round(summary.eventsRead / seconds))} events/s)` : '';
  lines.push(`Took ${seconds.toFixed(1)} s${rate}.`);
  return lines.join('\n');
}
