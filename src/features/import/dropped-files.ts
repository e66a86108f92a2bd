// Files of a drop that may hold folders: the File list of a drop has no folder contents, so folders are
// read through the entries API (webkitGetAsEntry, in every current browser). Entries must be taken
// while the drop event runs; reading them can happen later.
import type { LogFile } from '@/api/log-import';

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function filesUnder(entry: FileSystemEntry): Promise<LogFile[]> {
  if (entry.isFile)
    return [{ file: await fileOf(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, '') }];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const files: LogFile[] = [];
  // readEntries answers in batches (100 in Chrome) until it answers an empty one.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) files.push(...(await filesUnder(child)));
  }
  return files;
}

/** The entries of a drop, when it holds at least one folder; undefined when the File list suffices. */
export function droppedFolderEntries(dataTransfer: DataTransfer | null): FileSystemEntry[] | undefined {
  if (!dataTransfer) return undefined;
  const entries = Array.from(dataTransfer.items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  return entries.some((entry) => entry.isDirectory) ? entries : undefined;
}

export async function filesOfEntries(entries: FileSystemEntry[]): Promise<LogFile[]> {
  const files: LogFile[] = [];
  for (const entry of entries) files.push(...(await filesUnder(entry)));
  return files;
}
