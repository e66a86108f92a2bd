// The console's hash routes (docs/architecture.md), as the hrefs links carry so they also open in a new tab.
import { isoSeconds } from '@/domain/iso-time';
import type { RefineQuery } from '@/domain/refine';

/**
 * Event history with no lookup attribute, Refine set and an optional time range (the router reads an
 * object search value as JSON).
 */
function refinedEvents(refine: RefineQuery, range?: string): string {
  const search = new URLSearchParams({ attr: 'none' });
  if (range) search.set('range', range);
  search.set('refine', JSON.stringify(refine));
  return `#/events?${search.toString()}`;
}

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
  copyTrailEvents: (name: string) => `#/trails/${encodeURIComponent(name)}/copy-to-lake`,
  importLogs: '#/import',
  lakeQuery: '#/lake/query',
  /** The query editor with an event data store chosen (by its ID). */
  lakeQueryOn: (storeId: string) => `#/lake/query?store=${encodeURIComponent(storeId)}`,
  lakeDashboards: '#/lake/dashboards',
  eventDataStores: '#/lake/event-data-stores',
  createEventDataStore: '#/lake/event-data-stores/create',
  eventDataStore: (id: string) => `#/lake/event-data-stores/${encodeURIComponent(id)}`,
  integrations: '#/lake/integrations',
  createIntegration: '#/lake/integrations/create',
  integration: (channelId: string) => `#/lake/integrations/${encodeURIComponent(channelId)}`,
  settings: '#/settings',
  session: (sessionId: string) => `#/sessions/${encodeURIComponent(sessionId)}`,
  /** A principal by name or ARN: its sessions. */
  identity: (nameOrArn: string) => `#/identities/${encodeURIComponent(nameOrArn)}`,
  detections: '#/detections',
  detectionRule: (ruleId: string) => `#/detections/${encodeURIComponent(ruleId)}`,
  tour: '#/tour',
  tourStep: (step: number) => `#/tour?step=${step}`,
  refinedEvents,
  eventsFromIp: (ip: string) =>
    refinedEvents({
      operation: 'and',
      tokens: [{ propertyKey: 'sourceIPAddress', operator: '=', value: ip }],
    }),
} as const;
