// Saved queries and query history of the Lake pages. As in the real console, saved queries are tied to the
// browser ("Saved queries are tied to your browser", query-create-edit-query.html): localStorage.
export interface SavedQuery {
  name: string;
  description: string;
  sql: string;
  savedAt: number;
}

export interface HistoryEntry {
  queryId: string;
  sql: string;
  status: string;
  ranAt: number;
  rows: number;
}

const SAVED_KEY = 'trailview.lake.saved-queries';
const HISTORY_KEY = 'trailview.lake.history';
const HISTORY_MAX = 50;

function read<T>(key: string): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

export const lakeStorage = {
  saved: () => read<SavedQuery>(SAVED_KEY),
  save(query: SavedQuery) {
    const others = read<SavedQuery>(SAVED_KEY).filter((q) => q.name !== query.name);
    localStorage.setItem(SAVED_KEY, JSON.stringify([query, ...others]));
  },
  remove(name: string) {
    localStorage.setItem(
      SAVED_KEY,
      JSON.stringify(read<SavedQuery>(SAVED_KEY).filter((q) => q.name !== name)),
    );
  },
  history: () => read<HistoryEntry>(HISTORY_KEY),
  record(entry: HistoryEntry) {
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify([entry, ...read<HistoryEntry>(HISTORY_KEY)].slice(0, HISTORY_MAX)),
    );
  },
};
