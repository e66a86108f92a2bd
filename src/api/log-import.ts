// The local server's log import endpoint (`trailview/import`, beside index.html; src/server/http): one
// file per request, answered with what it imported (src/server/import/summary.ts, as JSON). Upload
// progress needs XMLHttpRequest: fetch does not report bytes sent.
import type { ImportSummary } from '@/domain/import-summary';

/** A file to import and the path it is reported under. */
export interface LogFile {
  file: File;
  path: string;
}

/** A chosen file, reported under its path inside a chosen folder, else its name. */
export function logFile(file: File): LogFile {
  return { file, path: file.webkitRelativePath || file.name };
}

export function uploadLogFile(
  { file, path }: LogFile,
  onProgress: (bytesSent: number) => void,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const url = new URL('trailview/import', globalThis.location.href.split('#')[0]);
    url.searchParams.set('file', path);
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onerror = () => reject(new Error(`The server did not answer while ${path} was sent.`));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status === 200 && body) return resolve(body as ImportSummary);
      const message = (body as { message?: string } | undefined)?.message;
      reject(new Error(message ?? `The server refused ${path} (HTTP ${request.status}).`));
    };
    request.send(file);
  });
}
