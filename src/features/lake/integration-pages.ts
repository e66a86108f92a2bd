// The Integrations area's route chunk: the router loads its three pages with one dynamic import, so the first
// page's bundle lists the chunk's preloads once rather than three times (scripts/bundle-budget.mjs).
export { CreateIntegrationPage } from './create-integration-page';
export { IntegrationDetailsPage } from './integration-details-page';
export { IntegrationsPage } from './integrations-page';
