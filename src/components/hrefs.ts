// The console's hash routes (DESIGN.md), as the hrefs links carry so they also open in a new tab.
export const hrefs = {
  dashboard: '#/dashboard',
  events: '#/events',
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
