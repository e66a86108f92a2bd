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
  /** Epoch ms of the oldest and newest event read (imported or already stored), to link to them. */
  firstEventTime?: number;
  lastEventTime?: number;
  /** Events read per Region, most first. */
  regions?: { region: string; events: number }[];
}

/** Widens a summary's span and Region counts with one record's time and Region. */
export function noteEvent(summary: ImportSummary, time: number, region: string): void {
  if (!Number.isNaN(time)) {
    if (summary.firstEventTime === undefined || time < summary.firstEventTime) summary.firstEventTime = time;
    if (summary.lastEventTime === undefined || time > summary.lastEventTime) summary.lastEventTime = time;
  }
  const regions = (summary.regions ??= []);
  const entry = regions.find((r) => r.region === region);
  if (entry) entry.events++;
  else regions.push({ region, events: 1 });
}

/** The Region that holds most of an import's events. */
export function mainRegion(summary: ImportSummary): string | undefined {
  return [...(summary.regions ?? [])].sort((a, b) => b.events - a.events)[0]?.region;
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
    firstEventTime: minDefined(total.firstEventTime, part.firstEventTime, Math.min),
    lastEventTime: minDefined(total.lastEventTime, part.lastEventTime, Math.max),
    regions: mergeRegions(total.regions ?? [], part.regions ?? []),
  };
}

export function rejectedCount(summary: ImportSummary): number {
  return Object.values(summary.rejected).reduce((a, b) => a + b, 0);
}

function minDefined(a: number | undefined, b: number | undefined, pick: (a: number, b: number) => number) {
  return a === undefined ? b : b === undefined ? a : pick(a, b);
}

function mergeRegions(a: { region: string; events: number }[], b: { region: string; events: number }[]) {
  const out = a.map((r) => ({ ...r }));
  for (const r of b) {
    const entry = out.find((o) => o.region === r.region);
    if (entry) entry.events += r.events;
    else out.push({ ...r });
  }
  return out;
}
