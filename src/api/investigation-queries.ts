// Sessions, identities and Sigma detections: Trailview's own read-only routes (`trailview/sessions/<id>`,
// `trailview/identities/<name or ARN>`, `trailview/detections`). The local server answers them over its
// store, the demo's service worker over the in-browser store (src/emulator/investigations). The aws and
// endpoint backends have no store of their own to read, so the pages say so instead of asking.
import { queryOptions } from '@tanstack/react-query';
import type { DetectionsReport, ReadProgress } from '@/domain/detections/report';
import type { IdentityReport, SessionReport } from '@/domain/investigation';
import type { BackendMode } from './backend';

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

/** Whether this backend can answer the investigation routes. */
export const hasInvestigations = (mode: BackendMode | undefined) => mode === 'local' || mode === 'demo';

export const investigationQueries = {
  all: () => ['investigations'] as const,
  session: (sessionId: string) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'session', sessionId] as const,
      queryFn: ({ signal }) =>
        getJson<SessionReport>(`trailview/sessions/${encodeURIComponent(sessionId)}`, signal),
      retry: false,
      refetchInterval: whileReading,
    }),
  identity: (query: string) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'identity', query] as const,
      queryFn: ({ signal }) =>
        getJson<IdentityReport>(`trailview/identities/${encodeURIComponent(query)}`, signal),
      retry: false,
      refetchInterval: whileReading,
    }),
  detections: () =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'detections'] as const,
      queryFn: ({ signal }) => getJson<DetectionsReport>('trailview/detections', signal),
      // The store is read once and then only what is new: a minute between asks is plenty.
      staleTime: 60_000,
      retry: false,
      refetchInterval: whileReading,
    }),
};
