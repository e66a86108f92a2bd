// The sum of the import endpoint's answers over the files of one import.
import type { ImportSummary } from '@/api/log-import';

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
    rejectionExamples: [...total.rejectionExamples, ...part.rejectionExamples].slice(0, 20),
  };
}

export function rejectedCount(summary: ImportSummary): number {
  return Object.values(summary.rejected).reduce((a, b) => a + b, 0);
}
