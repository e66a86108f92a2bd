// What answers /aws: the emulator over DuckDB (local) or the signing proxy (aws, endpoint).
import type { RequestMeta } from '@/emulator/handler';
import type { ImportSummary } from '@/domain/import-summary';
import type { EventStats } from '../http/event-stats-routes';
import type { InvestigationRoutes } from '@/emulator/investigations/investigation-routes';

export type ServerMode = 'local' | 'aws' | 'endpoint';

/** `trailview.json`: what the console reads to know its backend (src/api/backend.ts). */
export interface BackendInfo {
  mode: ServerMode;
  defaultRegion?: string;
  readOnly?: boolean;
}

export interface Backend {
  info: BackendInfo;
  handle(request: Request, meta: RequestMeta): Promise<Response>;
  /** Local mode only: imports one uploaded file (gzip or not) of `size` bytes when known. */
  importFile?(file: string, body: AsyncIterable<Uint8Array>, size?: number): Promise<ImportSummary>;
  /** Local mode only: counts and extent of the stored events (`GET /trailview/event-counts`, `event-extent`). */
  eventStats?: EventStats;
  /**
   * Local mode only: `GET /trailview/sessions/<id>`, `/trailview/identities/<name>` and `/trailview/detections`
   * (Sigma rules, server/detections) over the store.
   */
  investigations?: InvestigationRoutes;
  /** Local mode only: `GET /trailview/sns-notifications?topic=<ARN>`, what an emulated topic received. */
  snsNotifications?(request: Request): Response | undefined;
  /** Facts for `GET /trailview/status` (the import CLI checks it is talking to a local server). */
  status(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}
