// What an import reports: the CLI prints it, the import endpoint returns it as JSON, the Import page shows it.

export interface FileNote {
  file: string;
  reason: string;
}

export interface ImportSummary {
  /** Files whose content was read (a failed file counts: the records before the failure are kept). */
  filesRead: number;
  filesSkipped: FileNote[];
  filesFailed: FileNote[];
  eventsRead: number;
  eventsImported: number;
  duplicatesSkipped: number;
  /** Records that could not be used, counted by reason. */
  rejected: Record<string, number>;
  /** The first few rejections, with the file they came from. */
  rejectionExamples: FileNote[];
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  filesRead: number;
  eventsImported: number;
}

export function emptySummary(): ImportSummary {
  return {
    filesRead: 0,
    filesSkipped: [],
    filesFailed: [],
    eventsRead: 0,
    eventsImported: 0,
    duplicatesSkipped: 0,
    rejected: {},
    rejectionExamples: [],
  };
}

/** Adds one summary into another (the CLI importing through the server gets one per file). */
export function mergeSummary(into: ImportSummary, from: ImportSummary): ImportSummary {
  into.filesRead += from.filesRead;
  into.filesSkipped.push(...from.filesSkipped);
  into.filesFailed.push(...from.filesFailed);
  into.eventsRead += from.eventsRead;
  into.eventsImported += from.eventsImported;
  into.duplicatesSkipped += from.duplicatesSkipped;
  for (const [reason, n] of Object.entries(from.rejected))
    into.rejected[reason] = (into.rejected[reason] ?? 0) + n;
  for (const note of from.rejectionExamples)
    if (into.rejectionExamples.length < 20) into.rejectionExamples.push(note);
  return into;
}

const number = (n: number) => n.toLocaleString('en-US');

/** The summary as the CLI prints it. */
export function formatSummary(summary: ImportSummary, seconds: number): string {
  const rejectedTotal = Object.values(summary.rejected).reduce((a, b) => a + b, 0);
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
  for (const { file, reason } of summary.filesSkipped) lines.push(`Skipped ${file}: ${reason}`);
  for (const { file, reason } of summary.filesFailed) lines.push(`Could not read all of ${file}: ${reason}`);
  const rate = seconds > 0 ? ` (${number(Math.round(summary.eventsRead / seconds))} events/s)` : '';
  lines.push(`Took ${seconds.toFixed(1)} s${rate}.`);
  return lines.join('\n');
}
