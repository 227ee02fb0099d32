/**
 * `org-dashboard-elements/msw`: MSW request handlers for the REST API and
 * the realistic fixtures they serve, for demos, Storybook and tests. A
 * separate entry so MSW never reaches a host's production bundle. Nothing
 * runs at import: call `setupWorker` / `setupServer` yourself. The fixtures
 * and the simulation without MSW (with the memory adapter) are
 * `org-dashboard-elements/fixtures`; they stay re-exported here.
 *
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { createHandlers } from 'org-dashboard-elements/msw';
 * import { createDataset } from 'org-dashboard-elements/fixtures';
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
// The fixtures' public face (`mocks/fixtures.ts`) lists what they export.
export * from './mocks/fixtures.js';
export { startSimulation, type Simulation, type SimulationTarget } from './mocks/simulation.js';
export type { DashboardDataset, InjectedPurchase, OrgDataset } from './adapters/dataset.js';
