// The import report: what `npm run import` prints, what the server's import endpoint answers (as JSON)
// and what the console's Import page shows, for one file or a whole import.

/** A file that could not be read or imported, or a record that was rejected, and why. */
export interface FileNote {
  file: string;
  reason: string;
  /** The record's line, for a rejected line of a JSON lines file. */
  line?: number;
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

/** At most this many rejection examples are kept. */
const MAX_EXAMPLES = 20;

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

/** The sum of two summaries (one per file sent, or one per part of a folder). */
export function addSummary(total: ImportSummary, part: ImportSummary): ImportSummary {
  const rejected = { ...total.rejected };
  for (const [reason, n] of Object.entries(part.rejected)) rejected[reason] = (rejected[reason] ?? 0) + n;
  return {
    filesRead: total.filesRead + part.filesRead,
    filesSkipped: [...total.filesSkipped, ...part.filesSkipped],
    filesFailed: [...total.filesFailed, ...part.filesFailed],
    eventsRead: total.eventsRead + part.eventsRead,
    eventsImported: total.eventsImported + part.eventsImported,
    duplicatesSkipped: total.duplicatesSkipped + part.duplicatesSkipped,
    rejected,
    rejectionExamples: [...total.rejectionExamples, ...part.rejectionExamples].slice(0, MAX_EXAMPLES),
  };
}

export function rejectedCount(summary: ImportSummary): number {
  return Object.values(summary.rejected).reduce((a, b) => a + b, 0);
}
