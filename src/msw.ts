/**
 * `org-dashboard-elements/msw`: MSW request handlers for the REST API and
 * the realistic fixtures they serve, for demos, Storybook and tests. A
 * separate entry so MSW never reaches a host's production bundle. Nothing
 * runs at import: call `setupWorker` / `setupServer` yourself.
 *
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { createHandlers, createDataset } from 'org-dashboard-elements/msw';
 *
 * const api = createHandlers({ baseUrl: '/api', data: createDataset() });
 * await setupWorker(...api.handlers).start({ onUnhandledRequest: 'bypass' });
 */
export {
  createHandlers,
  type ApiErrorBody,
  type FailNextOptions,
  type InjectedFailure,
  type MockApi,
  type MockApiOptions,
  type RestEndpoint,
} from './mocks/handlers.js';
export {
  ACME_ORG_ID,
  ALL_PERMISSIONS,
  DEFAULT_ACTIVITIES_PER_ORG,
  FIXTURE_ACTIONS,
  FIXTURE_ORG_IDS,
  FIXTURE_RESOURCE_TYPES,
  GLOBEX_ORG_ID,
  GULF_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
  SAKURA_ORG_ID,
  accessForRole,
  createActivity,
  createDataset,
  minorDigits,
  money,
  type DatasetOptions,
  type FixtureOrgId,
  type FixtureRole,
} from './mocks/fixtures.js';
export { startSimulation, type Simulation } from './mocks/simulation.js';
export type { DashboardDataset, OrgDataset } from './adapters/dataset.js';
