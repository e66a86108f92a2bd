// Download events (docs/cloudtrail-facts.md#event-history-console): page LookupEvents 50 at a time with the current filter, time range and
// Refine, write each page into the file as it arrives, and stop at 200,000 events, at the end, or on
// Cancel. Throttling is retried with the console's backoff and reported, so the progress bar explains a
// pause.
import { isThrottling } from '@/api/aws-error';
import { lookupEventsPage, type EventFilter } from '@/api/event-queries';
import { throttleDelay } from '@/api/query-client';
import {
  createExportWriter,
  EXPORT_FILE_NAMES,
  EXPORT_MAX_EVENTS,
  EXPORT_MIME_TYPES,
  type ExportFormat,
} from '@/domain/event-export';
import { EVENT_HISTORY_DAYS } from '@/domain/lookup-attributes';
import type { EventPredicate } from '@/domain/refine';

export interface DownloadProgress {
  /** Events written to the file. */
  events: number;
  /** Events read from LookupEvents (more than `events` when Refine leaves some out). */
  scanned: number;
  /** 0..1: how far back through the time range the download has come. */
  fraction: number;
  /** The last call was throttled and is being retried. */
  throttled: boolean;
}

export interface DownloadOptions {
  format: ExportFormat;
  filter: EventFilter;
  predicate?: EventPredicate;
  signal: AbortSignal;
  onProgress: (progress: DownloadProgress) => void;
  now?: number;
  limit?: number;
  /**
   * Least time between two LookupEvents calls, ms. With throttling simulated, the download keeps to
   * CloudTrail's 2 requests per second (docs/cloudtrail-facts.md) as the console's does, instead of
   * being throttled and backing off; otherwise it reads as fast as the backend answers.
   */
  minInterval?: number;
}

export interface DownloadResult {
  blob: Blob;
  fileName: string;
  events: number;
  /** The limit was reached before the last page. */
  truncated: boolean;
}

const MAX_THROTTLE_RETRIES = 8;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

export async function downloadEvents(options: DownloadOptions): Promise<DownloadResult> {
  const { format, filter, predicate, signal, onProgress } = options;
  const limit = options.limit ?? EXPORT_MAX_EVENTS;
  const now = options.now ?? Date.now();
  const rangeEnd = filter.endTime ? Date.parse(filter.endTime) : now;
  const rangeStart = filter.startTime ? Date.parse(filter.startTime) : now - EVENT_HISTORY_DAYS * 86_400_000;
  const writer = createExportWriter(format);
  const parts = [writer.start];
  const progress: DownloadProgress = { events: 0, scanned: 0, fraction: 0, throttled: false };
  let token: string | undefined;
  let attempt = 0;
  let lastCall = -Infinity;
  do {
    signal.throwIfAborted();
    const wait = lastCall + (options.minInterval ?? 0) - Date.now();
    if (wait > 0) await sleep(wait, signal);
    lastCall = Date.now();
    let page;
    try {
      page = await lookupEventsPage(filter, token, signal);
    } catch (error) {
      if (!isThrottling(error) || attempt >= MAX_THROTTLE_RETRIES) throw error;
      onProgress({ ...progress, throttled: true });
      await sleep(throttleDelay(attempt++), signal);
      continue;
    }
    attempt = 0;
    const kept = predicate ? page.events.filter(predicate) : page.events;
    const room = kept.slice(0, limit - progress.events);
    parts.push(writer.chunk(room));
    progress.events += room.length;
    progress.scanned += page.events.length;
    progress.throttled = false;
    const oldest = page.events.at(-1)?.EventTime?.getTime();
    if (oldest !== undefined && rangeEnd > rangeStart) {
      progress.fraction = Math.min(1, Math.max(0, (rangeEnd - oldest) / (rangeEnd - rangeStart)));
    }
    token = page.nextToken;
    onProgress({ ...progress });
    if (progress.events >= limit) break;
  } while (token);
  parts.push(writer.end);
  onProgress({ ...progress, fraction: 1 });
  return {
    blob: new Blob(parts, { type: EXPORT_MIME_TYPES[format] }),
    fileName: EXPORT_FILE_NAMES[format],
    events: progress.events,
    truncated: progress.events >= limit && token !== undefined,
  };
}

/** Saves a Blob as a file through a temporary link, as the console's "download starts immediately". */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
