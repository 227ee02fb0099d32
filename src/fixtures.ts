/**
 * `org-dashboard-elements/fixtures`: demo data with no MSW installed. The
 * seeded fixtures (`createDataset`: six organizations covering every plan,
 * several currencies and the edge cases), the memory adapter that serves them
 * and the simulation that keeps them moving. A host's demo, preview or test
 * needs nothing more; `org-dashboard-elements/msw` serves the same data over
 * the REST API when the REST adapter itself is under test. Nothing here
 * imports MSW, and nothing runs at import.
 *
 * @example
 * import { ACME_ORG_ID, createDataset, createMemoryAdapter, startSimulation } from 'org-dashboard-elements/fixtures';
 *
 * const adapter = createMemoryAdapter(createDataset());
 * dashboard.adapter = adapter;
 * dashboard.orgId = ACME_ORG_ID;
 * startSimulation(adapter, () => dashboard.orgId);
 */
// The fixtures' public face (`mocks/fixtures.ts`) lists what they export.
export * from './mocks/fixtures.js';
export { startSimulation, type Simulation, type SimulationTarget } from './mocks/simulation.js';
// The package root exports the memory adapter too; here it is beside the data it serves.
export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterMethod,
  type MemoryAdapterOptions,
  type MemoryFailNextOptions,
} from './adapters/memory.js';
export type { DashboardDataset, InjectedPurchase, OrgDataset } from './adapters/dataset.js';
