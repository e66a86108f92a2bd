// The console setting for where rules come from: which of the server's --rules folders the Detections page
// leaves out, kept in localStorage by folder name. It can only narrow the folders the server was started with:
// the server matches each name against that list and never reads a path a request names (docs/security.md).
const STORAGE_KEY = 'trailview.skippedRuleFolders';

export function readSkippedRuleFolders(storage: Storage | undefined = globalThis.localStorage): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').sort() : [];
  } catch {
    return [];
  }
}

export function writeSkippedRuleFolders(
  folders: readonly string[],
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify([...new Set(folders)].sort()));
  } catch {
    // Storage full or blocked: the setting applies until the page is reloaded.
  }
}
