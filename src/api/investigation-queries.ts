// Sessions, identities and Sigma detections: Trailview's own read-only routes (`trailview/sessions/<id>`,
// `trailview/identities/<name or ARN>`, `trailview/detections`). The local server answers them over its
// store, the demo's service worker over the in-browser store (src/emulator/investigations). The aws and
// endpoint backends have no store of their own: there the page loads events through LookupEvents and
// evaluates them itself (loaded-investigations.ts).
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { DetectionsReport, ReadProgress } from '@/domain/detections/report';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
import type { BackendMode } from './backend';
import { readSkippedRuleFolders } from './rule-folder-setting';

/** The error of a Trailview route: its message, and the HTTP status (404: no such session). */
export class TrailviewRouteError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'TrailviewRouteError';
    this.status = status;
  }
}

export async function getJson<T>(path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(new URL(path, globalThis.location.href.split('#')[0]), { signal });
  const body = (await response.json().catch(() => undefined)) as (T & { message?: string }) | undefined;
  if (!response.ok || !body)
    throw new TrailviewRouteError(
      body?.message ?? `The server refused ${path} (HTTP ${response.status}).`,
      response.status,
    );
  return body;
}

/** The answers come progressively while the store is first read: ask again each second until complete. */
const whileReading = (query: { state: { data?: { progress?: ReadProgress } } }) =>
  query.state.data?.progress && !query.state.data.progress.complete ? 1_000 : false;

/** Whether this backend can answer the investigation routes (the what-if counts need them). */
export const hasInvestigations = (mode: BackendMode | undefined) => mode === 'local' || mode === 'demo';

/** Where the investigation pages' data comes from: the backend's routes, or events the page loads itself. */
export const loadsEventsItself = (mode: BackendMode | undefined) => mode === 'aws' || mode === 'endpoint';

/**
 * Where a page's investigation data comes from, given the backend mode (undefined while unknown) and the
 * console's Region: `loadedRegion` is set when the page loads and evaluates the events itself.
 */
export const investigationSource = (mode: BackendMode | undefined, region: string) => ({
  known: mode !== undefined,
  ...(loadsEventsItself(mode) ? { loadedRegion: region } : {}),
});

const loadedModule = () => import('./loaded-investigations');

/**
 * `loadedRegion`: in the aws and endpoint modes, the Region whose events the page loads through LookupEvents and
 * evaluates itself (api/loaded-investigations.ts); otherwise the server's or the demo's routes answer.
 */
export const investigationQueries = {
  all: () => ['investigations'] as const,
  session: (sessionId: string, loadedRegion?: string) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'session', sessionId, loadedRegion ?? null] as const,
      queryFn: async ({ signal }) => {
        if (!loadedRegion)
          return getJson<SessionReport>(`trailview/sessions/${encodeURIComponent(sessionId)}`, signal);
        const session = await (await loadedModule()).loadedSession(loadedRegion, sessionId);
        if (!session) throw new TrailviewRouteError(`No session ${sessionId} is in the events loaded.`, 404);
        return session;
      },
      retry: false,
      refetchInterval: whileReading,
    }),
  identity: (query: string, loadedRegion?: string) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'identity', query, loadedRegion ?? null] as const,
      queryFn: async ({ signal }) =>
        loadedRegion
          ? (await loadedModule()).loadedIdentity(loadedRegion, query)
          : getJson<IdentityReport>(`trailview/identities/${encodeURIComponent(query)}`, signal),
      retry: false,
      refetchInterval: whileReading,
    }),
  detections: (loadedRegion?: string, skipped: readonly string[] = readSkippedRuleFolders()) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'detections', loadedRegion ?? null, skipped] as const,
      queryFn: async ({ signal }) =>
        loadedRegion
          ? (await loadedModule()).loadedDetections(loadedRegion)
          : getJson<DetectionsReport>(
              `trailview/detections${skipped.length ? `?${new URLSearchParams(skipped.map((f) => ['skip', f]))}` : ''}`,
              signal,
            ),
      // The store is read once and then only what is new: a minute between asks is plenty.
      staleTime: 60_000,
      retry: false,
      refetchInterval: whileReading,
    }),
};

/** "Load more events" (aws and endpoint modes): the next batch of older events, then every page anew. */
export const loadMoreEventsMutation = (region: string) =>
  mutationOptions({
    mutationFn: async () => (await loadedModule()).loadMoreEvents(region),
    meta: { invalidates: [investigationQueries.all()] },
  });
