// The name a page gives itself once its data has arrived (an Insights event's event name), for the
// breadcrumbs and the browser tab's title. A page sets it while mounted; the shell reads it.
import { useEffect, useSyncExternalStore } from 'react';

let current: string | undefined;
const listeners = new Set<() => void>();

function publish(label: string | undefined): void {
  if (label === current) return;
  current = label;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Names the page for as long as it is mounted with this label. */
export function usePublishPageLabel(label: string | undefined): void {
  useEffect(() => {
    publish(label);
    return () => publish(undefined);
  }, [label]);
}

/** The label the mounted page published, if any. */
export function usePageLabel(): string | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
