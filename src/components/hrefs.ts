// The console's hash routes (docs/architecture.md), as the hrefs links carry so they also open in a new tab.
import { isoSeconds } from '@/domain/iso-time';

export const hrefs = {
  dashboard: '#/dashboard',
  events: '#/events',
  /** Every event (no lookup attribute) from the first instant to the second, both epoch ms, inclusive. */
  eventsBetween: (first: number, last: number) =>
    `#/events?attr=none&range=${encodeURIComponent(`${isoSeconds(first)}/${isoSeconds(last + 1000)}`)}`,
  event: (eventId: string) => `#/events/${encodeURIComponent(eventId)}`,
  insights: '#/insights',
  insight: (eventId: string) => `#/insights/${encodeURIComponent(eventId)}`,
  trails: '#/trails',
  trail: (name: string) => `#/trails/${encodeURIComponent(name)}`,
  createTrail: '#/trails/create',
  importLogs: '#/import',
  lakeQuery: '#/lake/query',
  lakeDashboards: '#/lake/dashboards',
  eventDataStores: '#/lake/event-data-stores',
  eventDataStore: (id: string) => `#/lake/event-data-stores/${encodeURIComponent(id)}`,
  settings: '#/settings',
} as const;
