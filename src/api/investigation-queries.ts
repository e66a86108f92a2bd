// Sessions, identities and Sigma detections: Trailview's own read-only routes (`trailview/sessions/<id>`,
// `trailview/identities/<name or ARN>`, `trailview/detections`). The local server answers them over its
// store, the demo's service worker over the in-browser store (src/emulator/investigations). The aws and
// endpoint backends have no store of their own to read, so the pages say so instead of asking.
import { queryOptions } from '@tanstack/react-query';
import type { DetectionsReport } from '@/domain/detections/report';
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
    }),
  identity: (query: string) =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'identity', query] as const,
      queryFn: ({ signal }) =>
        getJson<IdentityReport>(`trailview/identities/${encodeURIComponent(query)}`, signal),
      retry: false,
    }),
  detections: () =>
    queryOptions({
      queryKey: [...investigationQueries.all(), 'detections'] as const,
      queryFn: ({ signal }) => getJson<DetectionsReport>('trailview/detections', signal),
      // An evaluation reads the whole store: keep the answer for a minute.
      staleTime: 60_000,
      retry: false,
    }),
};
